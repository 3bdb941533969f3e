#pragma once

#include "report/reportdata.h"

#include <QByteArray>
#include <QString>

namespace veloce {

// The self-contained HTML backtest report: one file with the page template, its style and script,
// the charting library (TradingView Lightweight Charts, from npm at build time, embedded as a Qt
// resource) with its license notices, and the data as JSON. It makes no network request, so it
// opens offline years later. Text from data or config reaches the page only as escaped JSON and
// is put into the document with textContent; the one C++-written text (the title) is escaped.
class HtmlReport
{
public:
    // The whole page. Throws std::runtime_error if an embedded asset is missing (broken build).
    static QByteArray render(const ReportData& data);
    // render() into `path` (OutputFile: a reader never sees half a report, a device such as
    // /dev/null is written, not replaced). Throws DataError naming the path and the OS reason.
    static void write(const ReportData& data, const QString& path);
};

} // namespace veloce
