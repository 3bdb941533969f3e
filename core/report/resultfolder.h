#pragma once

#include "report/reportcollector.h"
#include "report/reportdata.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <atomic>

namespace veloce {

class BarSource;

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

    // A whole backtest into `dir`, as `veloce-cli backtest --out` writes it: the docs/strategy.md
    // §7 files (scores.csv with `withScores`) and report-data.json, in one pass over the source.
    // Returns the report of the run. `sinceOpen` started when the source was opened.
    static ReportData backtest(BarSource& source, const Config& config, const QString& dir, bool withScores,
        const QElapsedTimer& sinceOpen, const std::atomic<bool>* cancel = nullptr);

    // Reads the folder. Throws DataError naming the file (and line, for CSV) that is missing or
    // malformed, or that disagrees with summary.json.
    static ReportData read(const QString& dir, const ReportLimits& limits = ReportLimits());

private:
    static void readTrades(const QString& path, ReportCollector& collector);
    static void readSignals(const QString& path, ReportCollector& collector);
};

} // namespace veloce
