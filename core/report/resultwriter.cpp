#include "report/resultwriter.h"

#include "data/dataerror.h"
#include "report/summaryjson.h"
#include "types/numberformat.h"

#include <QDir>
#include <QFile>
#include <stdexcept>

namespace veloce {

namespace {
constexpr std::size_t kFlushAt = 1 << 20; // write in 1 MiB blocks
}

ResultWriter::ResultWriter(const QString& dir, bool withScores)
    : m_dir(dir)
{
    if (!QDir().mkpath(dir))
        throw DataError(QStringLiteral("cannot create output folder %1").arg(dir));
    m_trades = openFile(
        "trades.csv", "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score\n");
    m_signals = openFile("signals.csv", "t,side,score,size_fraction,stop,target,accepted,reject_reason\n");
    m_equity = openFile("equity.csv", "t,equity,cash,drawdown\n");
    if (withScores)
        m_scores = openFile("scores.csv", "t,squeeze,divergence,reset,momentum,volume,total\n");
}

ResultWriter::~ResultWriter()
{
    closeAll();
}

std::FILE* ResultWriter::openFile(const char* name, const char* header)
{
    const QString path = QDir(m_dir).filePath(QString::fromLatin1(name));
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f) {
        closeAll();
        throw DataError(QStringLiteral("cannot write %1").arg(path));
    }
    std::fputs(header, f);
    return f;
}

void ResultWriter::flush(std::FILE* f, std::string& buf, bool force)
{
    if (!f || (!force && buf.size() < kFlushAt))
        return;
    if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), f) != buf.size())
        throw DataError(QStringLiteral("write error in %1 (disk full?)").arg(m_dir));
    buf.clear();
}

void ResultWriter::onSignal(const SignalRecord& rec)
{
    std::string& b = m_signalsBuf;
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
    flush(m_signals, b, false);
}

void ResultWriter::onTrade(const Trade& t)
{
    std::string& b = m_tradesBuf;
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
    flush(m_trades, b, false);
}

void ResultWriter::onEquity(const EquityPoint& p)
{
    std::string& b = m_equityBuf;
    appendInt(b, p.t);
    for (double v : { p.equity, p.cash, p.drawdown }) {
        b += ',';
        appendDouble(b, v);
    }
    b += '\n';
    flush(m_equity, b, false);
}

void ResultWriter::onBar(const Bar& bar, const PhaseScores& s)
{
    std::string& b = m_scoresBuf;
    appendInt(b, bar.t);
    for (int i = 0; i < PhaseScores::Count; ++i) {
        b += ',';
        appendDouble(b, s.phase(i));
    }
    b += ',';
    appendDouble(b, s.total);
    b += '\n';
    flush(m_scores, b, false);
}

void ResultWriter::finish(const BacktestSummary& summary)
{
    flush(m_trades, m_tradesBuf, true);
    flush(m_signals, m_signalsBuf, true);
    flush(m_equity, m_equityBuf, true);
    flush(m_scores, m_scoresBuf, true);
    closeAll();
    QFile f(QDir(m_dir).filePath(QStringLiteral("summary.json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw DataError(QStringLiteral("cannot write %1").arg(f.fileName()));
    f.write(QByteArray::fromStdString(SummaryJson::toJson(summary).dump(1) + "\n"));
}

void ResultWriter::closeAll()
{
    for (std::FILE** f : { &m_trades, &m_signals, &m_equity, &m_scores }) {
        if (*f) {
            std::fclose(*f);
            *f = nullptr;
        }
    }
}

} // namespace veloce
