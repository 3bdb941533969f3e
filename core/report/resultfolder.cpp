#include "report/resultfolder.h"

#include "data/dataerror.h"
#include "report/reportjson.h"
#include "report/summaryjson.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <charconv>
#include <limits>
#include <string_view>

namespace veloce {

namespace {

// One CSV file of a result folder, read line by line with errors naming FILE:LINE.
class CsvFile
{
public:
    CsvFile(const QString& path, const char* header, int columns)
        : m_file(path)
        , m_columns(columns)
    {
        if (!m_file.open(QIODevice::ReadOnly))
            throw DataError(QStringLiteral("%1: cannot read (%2)").arg(path, m_file.errorString()));
        std::string_view first;
        if (!nextLine(first) || first != std::string_view(header))
            fail(QStringLiteral("expected the header \"%1\"").arg(QLatin1String(header)));
    }

    // The next row's fields, false at the end. Blank lines are skipped.
    bool next(std::vector<std::string_view>& fields)
    {
        std::string_view line;
        do {
            if (!nextLine(line))
                return false;
        } while (line.empty());
        fields.clear();
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            fields.push_back(line.substr(start, comma == std::string_view::npos ? line.npos : comma - start));
            if (comma == std::string_view::npos)
                break;
            start = comma + 1;
        }
        if (int(fields.size()) != m_columns)
            fail(QStringLiteral("%1 fields, expected %2").arg(fields.size()).arg(m_columns));
        return true;
    }

    [[noreturn]] void fail(const QString& what) const
    {
        throw DataError(QStringLiteral("%1:%2: %3").arg(m_file.fileName()).arg(m_line).arg(what));
    }

    std::int64_t integer(std::string_view s, const char* column) const
    {
        std::int64_t v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size())
            fail(QStringLiteral("%1 \"%2\" is not an integer").arg(QLatin1String(column), text(s)));
        return v;
    }
    double real(std::string_view s, const char* column) const
    {
        double v = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
            fail(QStringLiteral("%1 \"%2\" is not a number").arg(QLatin1String(column), text(s)));
        return v;
    }
    Side side(std::string_view s) const
    {
        if (s == "LONG")
            return Side::Long;
        if (s == "SHORT")
            return Side::Short;
        fail(QStringLiteral("side \"%1\" is neither LONG nor SHORT").arg(text(s)));
    }
    static QString text(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

private:
    bool nextLine(std::string_view& line)
    {
        m_buffer = m_file.readLine();
        if (m_buffer.isEmpty())
            return false;
        ++m_line;
        qsizetype n = m_buffer.size();
        while (n > 0 && (m_buffer[n - 1] == '\n' || m_buffer[n - 1] == '\r'))
            --n;
        line = std::string_view(m_buffer.constData(), std::size_t(n));
        return true;
    }

    QFile m_file;
    int m_columns;
    QByteArray m_buffer;
    std::int64_t m_line = 0;
};

QString inDir(const QString& dir, const char* name)
{
    return QDir(dir).filePath(QLatin1String(name));
}

template<typename Json> Json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw DataError(QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    try {
        return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const typename Json::parse_error& e) {
        // nlohmann's message names line and column ("parse error at line 3, column 7: ...").
        throw DataError(QStringLiteral("%1: not valid JSON: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

} // namespace

void ResultFolder::writeReportData(const ReportData& data, const QString& dir)
{
    QSaveFile f(inDir(dir, kReportDataFile));
    const QByteArray bytes = QByteArray::fromStdString(ReportJson::seriesFile(data));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw DataError(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
}

void ResultFolder::readTrades(const QString& path, ReportCollector& collector)
{
    CsvFile csv(path, "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score", 10);
    std::vector<std::string_view> f;
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
        if (f[8] == "stop")
            t.reason = ExitReason::Stop;
        else if (f[8] == "target")
            t.reason = ExitReason::Target;
        else if (f[8] == "end")
            t.reason = ExitReason::End;
        else if (f[8] == "kill")
            t.reason = ExitReason::Kill;
        else if (f[8] == "manual")
            t.reason = ExitReason::Manual;
        else
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
    std::vector<std::string_view> f;
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
    out.summary = SummaryJson::fromJson(readJson<nlohmann::json>(summaryPath), summaryPath);
    const QString dataPath = inDir(dir, kReportDataFile);
    if (!QFile::exists(dataPath))
        throw DataError(QStringLiteral("%1: missing (written by veloce-cli backtest since version 0.1; "
                                       "run the backtest again)")
                            .arg(dataPath));
    ReportJson::readSeriesFile(readJson<nlohmann::ordered_json>(dataPath), dataPath, out);

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
