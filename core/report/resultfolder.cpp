#include "report/resultfolder.h"

#include "data/barsource.h"
#include "data/csvfields.h"
#include "data/dataerror.h"
#include "data/linereader.h"
#include "engine/backtester.h"
#include "engine/teesink.h"
#include "report/jsonfile.h"
#include "report/reportjson.h"
#include "report/resultwriter.h"
#include "report/summaryjson.h"

#include <QDir>
#include <QFile>
#include <limits>
#include <string_view>

namespace veloce {

namespace {

// One CSV file of a result folder, with errors naming FILE:LINE. Lines come from the data
// layer's LineReader and fields from its csv:: helpers, as for every other CSV Veloce reads.
class CsvFile
{
public:
    static constexpr int kMaxColumns = 16;

    CsvFile(const QString& path, const char* header, int columns)
        : m_lines(path)
        , m_columns(columns)
    {
        std::string_view first;
        if (!m_lines.next(first) || first != std::string_view(header))
            fail(QStringLiteral("expected the header \"%1\"").arg(QLatin1String(header)));
    }

    // The next row's fields, false at the end. Blank lines are skipped.
    bool next(std::string_view (&fields)[kMaxColumns])
    {
        std::string_view line;
        do {
            if (!m_lines.next(line))
                return false;
        } while (line.empty());
        const int n = csv::split(line, fields, kMaxColumns);
        if (n != m_columns)
            fail(QStringLiteral("%1 fields, expected %2").arg(n).arg(m_columns));
        return true;
    }

    [[noreturn]] void fail(const QString& what) const
    {
        throw DataError(QStringLiteral("%1:%2: %3").arg(m_lines.path()).arg(m_lines.lineNumber()).arg(what));
    }

    std::int64_t integer(std::string_view s, const char* column) const
    {
        std::int64_t v = 0;
        if (!csv::toInt(s, v))
            fail(QStringLiteral("%1 \"%2\" is not an integer").arg(QLatin1String(column), text(s)));
        return v;
    }
    double real(std::string_view s, const char* column) const
    {
        double v = 0;
        if (!csv::toDouble(s, v))
            fail(QStringLiteral("%1 \"%2\" is not a number").arg(QLatin1String(column), text(s)));
        return v;
    }
    Side side(std::string_view s) const
    {
        if (s == sideName(Side::Long))
            return Side::Long;
        if (s == sideName(Side::Short))
            return Side::Short;
        fail(QStringLiteral("side \"%1\" is neither LONG nor SHORT").arg(text(s)));
    }
    static QString text(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

private:
    LineReader m_lines;
    int m_columns;
};

QString inDir(const QString& dir, const char* name)
{
    return QDir(dir).filePath(QLatin1String(name));
}

// summary.json is a few hundred bytes; report-data.json holds decimated series (3.4 MB for a year
// of 1-second bars). The caps keep a hostile folder from taking the memory.
constexpr qint64 kMaxSummaryBytes = qint64(1) << 20;
constexpr qint64 kMaxReportDataBytes = qint64(256) << 20;

} // namespace

QStringList ResultFolder::fileNames()
{
    // *.html: a report written into the folder by --report; it is replaced with the folder.
    return { QStringLiteral("summary.json"), QStringLiteral("trades.csv"), QStringLiteral("signals.csv"),
        QStringLiteral("equity.csv"), QStringLiteral("scores.csv"), QLatin1String(kReportDataFile),
        QStringLiteral("*.html") };
}

void ResultFolder::writeReportData(const ReportData& data, const QString& dir)
{
    JsonFile::write(inDir(dir, kReportDataFile), QByteArray::fromStdString(ReportJson::seriesFile(data)));
}

ReportData ResultFolder::backtest(BarSource& source, const Config& config, const QString& dir,
    bool withScores, const QElapsedTimer& sinceOpen, const std::atomic<bool>* cancel)
{
    // Written into a staged copy of `dir`; only a complete run replaces the folder (StagedFolder).
    ResultWriter writer(dir, withScores);
    ReportCollector collector; // bounded memory: the report's decimated series, for any run length
    TeeSink sinks { &writer, &collector };
    Backtester backtester(config);
    backtester.setCancelFlag(cancel);
    const BacktestSummary summary = backtester.run(source, sinks, sinceOpen);
    ReportData data = collector.result(summary, source.description(), config);
    writer.finish(summary, data);
    return data;
}

void ResultFolder::readTrades(const QString& path, ReportCollector& collector)
{
    CsvFile csv(path, "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score", 10);
    std::string_view f[CsvFile::kMaxColumns];
    std::int64_t lastExit = std::numeric_limits<std::int64_t>::min();
    while (csv.next(f)) {
        Trade t;
        t.entryMs = csv.integer(f[0], "entry_ms");
        t.exitMs = csv.integer(f[1], "exit_ms");
        t.side = csv.side(f[2]);
        t.entryPrice = csv.real(f[3], "entry_price");
        t.exitPrice = csv.real(f[4], "exit_price");
        t.qty = csv.real(f[5], "qty");
        t.pnl = csv.real(f[6], "pnl");
        t.fees = csv.real(f[7], "fees");
        bool known = false;
        for (ExitReason r :
            { ExitReason::Stop, ExitReason::Target, ExitReason::End, ExitReason::Kill, ExitReason::Manual }) {
            if (f[8] == exitReasonName(r)) {
                t.reason = r;
                known = true;
            }
        }
        if (!known)
            csv.fail(QStringLiteral("exit_reason \"%1\" is not one of stop, target, end, kill, manual")
                         .arg(CsvFile::text(f[8])));
        t.score = csv.real(f[9], "score");
        if (t.exitMs < lastExit)
            csv.fail(QStringLiteral("exit_ms goes back in time (rows must be in exit order)"));
        if (t.exitMs < t.entryMs)
            csv.fail(QStringLiteral("exit_ms is before entry_ms"));
        lastExit = t.exitMs;
        collector.onTrade(t);
    }
}

void ResultFolder::readSignals(const QString& path, ReportCollector& collector)
{
    CsvFile csv(path, "t,side,score,size_fraction,stop,target,accepted,reject_reason", 8);
    std::string_view f[CsvFile::kMaxColumns];
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    while (csv.next(f)) {
        SignalRecord rec;
        rec.signal.t = csv.integer(f[0], "t");
        rec.signal.side = csv.side(f[1]);
        rec.signal.score = csv.real(f[2], "score");
        rec.signal.sizeFraction = csv.real(f[3], "size_fraction");
        rec.signal.stop = csv.real(f[4], "stop");
        rec.signal.target = csv.real(f[5], "target");
        if (f[6] != "1" && f[6] != "0")
            csv.fail(QStringLiteral("accepted \"%1\" is neither 1 nor 0").arg(CsvFile::text(f[6])));
        rec.accepted = f[6] == "1";
        if (rec.accepted != f[7].empty())
            csv.fail(QStringLiteral("reject_reason must be empty exactly when accepted is 1"));
        bool known = rec.accepted;
        for (int r = 1; r < SignalTally::kReasons && !known; ++r) {
            if (f[7] == rejectReasonName(static_cast<RejectReason>(r))) {
                rec.reason = static_cast<RejectReason>(r);
                known = true;
            }
        }
        if (!known)
            csv.fail(QStringLiteral("reject_reason \"%1\" is unknown").arg(CsvFile::text(f[7])));
        if (rec.signal.t < last)
            csv.fail(QStringLiteral("t goes back in time"));
        last = rec.signal.t;
        collector.onSignal(rec);
    }
}

ReportData ResultFolder::read(const QString& dir, const ReportLimits& limits)
{
    if (!QDir(dir).exists())
        throw DataError(QStringLiteral("%1: no such folder").arg(dir));
    ReportData out;
    const QString summaryPath = inDir(dir, "summary.json");
    out.summary
        = SummaryJson::fromJson(JsonFile::read<nlohmann::json>(summaryPath, kMaxSummaryBytes), summaryPath);
    const QString dataPath = inDir(dir, kReportDataFile);
    if (!QFile::exists(dataPath))
        throw DataError(QStringLiteral("%1: missing (written by veloce-cli backtest since version 0.1; "
                                       "run the backtest again)")
                            .arg(dataPath));
    ReportJson::readSeriesFile(
        JsonFile::read<nlohmann::ordered_json>(dataPath, kMaxReportDataBytes), dataPath, out);

    ReportCollector events(limits);
    const QString tradesPath = inDir(dir, "trades.csv");
    const QString signalsPath = inDir(dir, "signals.csv");
    readTrades(tradesPath, events);
    readSignals(signalsPath, events);
    events.fillEvents(out);
    if (out.tradeCount != out.summary.totalTrades)
        throw DataError(
            QStringLiteral("%1 has %2 trades but %3 says total_trades %4: the files are not from one run")
                .arg(tradesPath)
                .arg(out.tradeCount)
                .arg(summaryPath)
                .arg(out.summary.totalTrades));
    if (out.signalTally.total() != out.summary.signalCount)
        throw DataError(
            QStringLiteral("%1 has %2 signals but %3 says signals %4: the files are not from one run")
                .arg(signalsPath)
                .arg(out.signalTally.total())
                .arg(summaryPath)
                .arg(out.summary.signalCount));
    return out;
}

} // namespace veloce
