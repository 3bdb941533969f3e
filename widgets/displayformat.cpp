#include "displayformat.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace veloce {

QString DisplayFormat::price(double value)
{
    const double a = std::abs(value);
    const int decimals = a >= 1000 ? 2 : a >= 1 ? 4 : 6;
    return QLocale().toString(value, 'f', decimals);
}

QString DisplayFormat::money(double value, bool sign)
{
    const QString s = QLocale().toString(value, 'f', 2);
    return sign && value > 0 ? QStringLiteral("+") + s : s;
}

QString DisplayFormat::percent(double fraction, int decimals, bool sign)
{
    const double v = fraction * 100.0;
    const QString s = QLocale().toString(v, 'f', decimals) + QLocale().percent();
    return sign && v > 0 ? QStringLiteral("+") + s : s;
}

QString DisplayFormat::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString DisplayFormat::ratio(const std::optional<double>& value, int decimals)
{
    return value ? number(*value, decimals) : QStringLiteral("\u2014");
}

QString DisplayFormat::quantity(double value)
{
    const double a = std::abs(value);
    return QLocale().toString(value, 'f', a >= 100 ? 2 : a >= 1 ? 4 : 6);
}

QString DisplayFormat::count(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString DisplayFormat::duration(double ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
    const double s = ms / 1000.0;
    if (s < 60)
        return tr("%1 s").arg(QLocale().toString(s, 'f', 1));
    const auto total = static_cast<std::int64_t>(s);
    if (total < 3600)
        return tr("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    if (total < 86400)
        return tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(total / 86400).arg((total % 86400) / 3600);
}

QString DisplayFormat::dateTime(std::int64_t ms, bool seconds)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t.toString(seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

} // namespace veloce
