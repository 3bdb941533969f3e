#pragma once

#include "report/reportcollector.h"
#include "report/reportdata.h"

#include <QString>
#include <QStringList>

namespace veloce {

// A backtest's output folder as the HTML report sees it: `veloce-cli backtest` writes
// report-data.json beside the docs/strategy.md §7 files, and `veloce-cli report --in DIR` reads
// summary.json, trades.csv, signals.csv and report-data.json back into the same ReportData the
// run would have produced, so both paths give the same page.
class ResultFolder
{
public:
    static constexpr const char* kReportDataFile = "report-data.json";

    // Glob patterns of the files a result folder holds (what StagedFolder may replace).
    static QStringList fileNames();
    // Writes report-data.json into `dir` (complete or not at all). Throws DataError naming the
    // file and the OS reason.
    static void writeReportData(const ReportData& data, const QString& dir);

    // Reads the folder. Throws DataError naming the file (and line, for CSV) that is missing or
    // malformed, or that disagrees with summary.json.
    static ReportData read(const QString& dir, const ReportLimits& limits = ReportLimits());

private:
    static void readTrades(const QString& path, ReportCollector& collector);
    static void readSignals(const QString& path, ReportCollector& collector);
};

} // namespace veloce
