#include "report/resultwriter.h"

#include "data/outputfile.h"
#include "report/resultfolder.h"
#include "report/summaryjson.h"
#include "types/numberformat.h"

namespace veloce {

namespace {
constexpr std::size_t kFlushAt = 1 << 20; // write in 1 MiB blocks
}

struct ResultWriter::Csv
{
    OutputFile file;
    std::string buf;
};

ResultWriter::ResultWriter(const QString& dir, bool withScores)
    : m_folder(dir, ResultFolder::fileNames())
{
    m_trades
        = open("trades.csv", "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score\n");
    m_signals = open("signals.csv", "t,side,score,size_fraction,stop,target,accepted,reject_reason\n");
    m_equity = open("equity.csv", "t,equity,cash,drawdown\n");
    if (withScores)
        m_scores = open("scores.csv", "t,squeeze,divergence,reset,momentum,volume,total\n");
}

ResultWriter::~ResultWriter() = default;

std::unique_ptr<ResultWriter::Csv> ResultWriter::open(const char* name, const char* header)
{
    // Direct: the files are new, inside the staged folder whose swap makes them visible.
    auto csv = std::unique_ptr<Csv>(
        new Csv { OutputFile(m_folder.filePath(QLatin1String(name)), OutputFile::Mode::Direct), header });
    csv->buf.reserve(kFlushAt + 4096);
    return csv;
}

void ResultWriter::append(Csv& csv)
{
    if (csv.buf.size() < kFlushAt)
        return;
    csv.file.write(csv.buf.data(), csv.buf.size());
    csv.buf.clear();
}

void ResultWriter::onSignal(const SignalRecord& rec)
{
    std::string& b = m_signals->buf;
    const Signal& s = rec.signal;
    appendInt(b, s.t);
    b += ',';
    b += sideName(s.side);
    b += ',';
    appendDouble(b, s.score);
    b += ',';
    appendDouble(b, s.sizeFraction);
    b += ',';
    appendDouble(b, s.stop);
    b += ',';
    appendDouble(b, s.target);
    b += rec.accepted ? ",1," : ",0,";
    b += rejectReasonName(rec.reason);
    b += '\n';
    append(*m_signals);
}

void ResultWriter::onTrade(const Trade& t)
{
    std::string& b = m_trades->buf;
    appendInt(b, t.entryMs);
    b += ',';
    appendInt(b, t.exitMs);
    b += ',';
    b += sideName(t.side);
    for (double v : { t.entryPrice, t.exitPrice, t.qty, t.pnl, t.fees }) {
        b += ',';
        appendDouble(b, v);
    }
    b += ',';
    b += exitReasonName(t.reason);
    b += ',';
    appendDouble(b, t.score);
    b += '\n';
    append(*m_trades);
}

void ResultWriter::onEquity(const EquityPoint& p)
{
    std::string& b = m_equity->buf;
    appendInt(b, p.t);
    for (double v : { p.equity, p.cash, p.drawdown }) {
        b += ',';
        appendDouble(b, v);
    }
    b += '\n';
    append(*m_equity);
}

void ResultWriter::onBar(const Bar& bar, const PhaseScores& s)
{
    std::string& b = m_scores->buf;
    appendInt(b, bar.t);
    for (int i = 0; i < PhaseScores::Count; ++i) {
        b += ',';
        appendDouble(b, s.phase(i));
    }
    b += ',';
    appendDouble(b, s.total);
    b += '\n';
    append(*m_scores);
}

void ResultWriter::finish(const BacktestSummary& summary, const ReportData& report)
{
    for (Csv* csv : { m_trades.get(), m_signals.get(), m_equity.get(), m_scores.get() }) {
        if (!csv)
            continue;
        csv->file.write(csv->buf.data(), csv->buf.size());
        csv->buf.clear();
        csv->file.commit();
    }
    OutputFile json(m_folder.filePath(QStringLiteral("summary.json")), OutputFile::Mode::Direct);
    json.write(QByteArray::fromStdString(SummaryJson::toJson(summary).dump(1) + "\n"));
    json.commit();
    ResultFolder::writeReportData(report, m_folder.path());
    m_folder.commit();
}

} // namespace veloce
