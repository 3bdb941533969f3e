#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <optional>

namespace veloce {

// How numbers, prices and times look everywhere in the GUI. Uses the default QLocale, so German
// users get "1.234,56" while the CLI files stay machine-readable.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    // Price with decimals chosen by magnitude (42 123.50, 0.012345).
    static QString price(double value);
    // Money amount with thousands separators and 2 decimals; `sign` forces a leading "+".
    static QString money(double value, bool sign = false);
    // A fraction (0.1234) as "12.34 %"; `sign` forces a leading "+".
    static QString percent(double fraction, int decimals = 2, bool sign = false);
    static QString number(double value, int decimals);
    // An optional ratio, or an em dash when undefined (null in summary.json).
    static QString ratio(const std::optional<double>& value, int decimals = 2);
    static QString quantity(double value);
    static QString count(std::int64_t value);
    // "850 ms", "12.4 s", "3 min 05 s", "2 h 14 min", "3 d 4 h".
    static QString duration(double ms);
    // UTC date and time of a bar, "2024-03-14 18:02:00 UTC" (seconds dropped when `seconds` is false).
    static QString dateTime(std::int64_t ms, bool seconds = true);
};

} // namespace veloce
