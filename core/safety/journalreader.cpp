#include "safety/journalreader.h"

#include "safety/journalerror.h"
#include "safety/sqlconnection.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {

void run(QSqlQuery& q, const QString& path)
{
    if (!q.exec())
        throw JournalError(QStringLiteral("%1: %2").arg(path, q.lastError().text()));
}

Side sideFrom(const QString& text)
{
    return text == QLatin1String(sideName(Side::Short)) ? Side::Short : Side::Long;
}

ExitReason exitReasonFrom(const QString& text)
{
    for (ExitReason r :
        { ExitReason::Stop, ExitReason::Target, ExitReason::End, ExitReason::Kill, ExitReason::Manual })
        if (text == QLatin1String(exitReasonName(r)))
            return r;
    return ExitReason::Manual;
}

RejectReason rejectReasonFrom(const QString& text)
{
    for (int r = 0; r <= static_cast<int>(RejectReason::Halted); ++r)
        if (text == QLatin1String(rejectReasonName(static_cast<RejectReason>(r))))
            return static_cast<RejectReason>(r);
    return RejectReason::None;
}

PhaseScores phasesFrom(const QSqlQuery& q, int first, double total)
{
    PhaseScores p;
    p.squeeze = q.value(first).toDouble();
    p.divergence = q.value(first + 1).toDouble();
    p.reset = q.value(first + 2).toDouble();
    p.momentum = q.value(first + 3).toDouble();
    p.volume = q.value(first + 4).toDouble();
    p.total = total;
    return p;
}

double configNumber(const QString& json, const char* key, double fallback)
{
    const nlohmann::json j = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (j.is_object() && j.contains(key) && j[key].is_number())
        return j[key].get<double>();
    return fallback;
}

// Journals written before SessionHost settled the mode of a live session recorded the config's
// default, "backtest", for paper and FreqTrade sessions: a journaled session is never a backtest.
QString shownMode(const QString& journaled, const QString& broker)
{
    if (journaled != QLatin1String("backtest"))
        return journaled;
    return broker == QLatin1String("freqtrade") ? QStringLiteral("dry_run") : QStringLiteral("paper");
}

// Defaults of docs/strategy.md §8, for a session row without a config.
constexpr double kDefaultCapital = 100000;
constexpr double kDefaultMinEntryScore = 4.0;
} // namespace

JournalReader::JournalReader(const QString& path)
    : m_path(path)
{
    if (!QFileInfo::exists(path))
        throw JournalError(QStringLiteral("%1: no such journal").arg(path));
    // Read-only at the SQLite level: this connection cannot write whatever it is asked.
    m_db = std::make_unique<SqlConnection>(path, SqlConnection::Mode::ReadOnly);
    if (!m_db->isOpen())
        throw JournalError(QStringLiteral("%1: cannot open the journal: %2").arg(path, m_db->errorText()));
    QSqlQuery q(m_db->db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")))
        throw JournalError(QStringLiteral("%1: not a Veloce journal? %2").arg(path, q.lastError().text()));
}

JournalReader::~JournalReader() = default;

std::vector<JournalSessionInfo> JournalReader::sessions() const
{
    QSqlDatabase& db = m_db->db();
    std::vector<JournalSessionInfo> out;
    std::map<std::int64_t, std::size_t> index;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT id, started_ms, ended_ms, end_reason, mode, broker, source, config_hash,"
                           " recovered_from FROM sessions ORDER BY id"));
        run(q, m_path);
        while (q.next()) {
            JournalSessionInfo s;
            s.id = q.value(0).toLongLong();
            s.startedMs = q.value(1).toLongLong();
            s.endedMs = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
            s.endReason = q.value(3).toString();
            s.broker = q.value(5).toString();
            s.mode = shownMode(q.value(4).toString(), s.broker);
            s.source = q.value(6).toString();
            s.configHash = q.value(7).toString();
            s.recoveredFrom = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
            index[s.id] = out.size();
            out.push_back(s);
        }
    }
    // One scan per table, grouped, rather than a query per session.
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT session_id, COUNT(*), TOTAL(pnl) FROM trades GROUP BY session_id"));
        run(q, m_path);
        while (q.next()) {
            const auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            out[it->second].trades = q.value(1).toLongLong();
            out[it->second].pnl = q.value(2).toDouble();
        }
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT session_id, MIN(t), MAX(t) FROM equity GROUP BY session_id"));
        run(q, m_path);
        while (q.next()) {
            const auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            out[it->second].firstBarMs = q.value(1).toLongLong();
            out[it->second].lastBarMs = q.value(2).toLongLong();
        }
    }
    {
        // Halted at the end: the last kill/halt/re-arm up to the session's end decides. A
        // session started halted (a halt carried over from before) counts as halted too. A change
        // written while no session ran (`veloce-cli rearm` on a stopped journal: session_id 0)
        // counts from the next session on: the first one started at or after it (the journal has
        // one writer, so that session began after the change was written).
        std::map<std::int64_t, bool> lastState;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT CASE WHEN e.session_id > 0 THEN e.session_id ELSE (SELECT s.id FROM sessions s "
            "WHERE s.started_ms >= e.wall_ms ORDER BY s.id LIMIT 1) END, e.kind FROM events e "
            "WHERE e.kind IN ('kill', 'halt', 'rearm') ORDER BY e.id"));
        run(q, m_path);
        while (q.next()) {
            if (!q.value(0).isNull()) // NULL: before a session that has not started yet
                lastState[q.value(0).toLongLong()] = q.value(1).toString() != QLatin1String("rearm");
        }
        bool halted = false;
        for (JournalSessionInfo& s : out) {
            const auto it = lastState.find(s.id);
            if (it != lastState.end())
                halted = it->second;
            s.endedHalted = halted;
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

JournalSession JournalReader::session(std::int64_t id) const
{
    JournalSession out;
    bool found = false;
    for (const JournalSessionInfo& s : sessions()) {
        if (s.id == id) {
            out.info = s;
            found = true;
        }
    }
    if (!found)
        throw JournalError(QStringLiteral("%1: no session %2").arg(m_path).arg(id));

    QSqlDatabase& db = m_db->db();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT config_json FROM sessions WHERE id = ?"));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        if (q.next())
            out.configJson = q.value(0).toString();
    }
    out.startingEquity = configNumber(out.configJson, "initial_capital", kDefaultCapital);
    out.minEntryScore = configNumber(out.configJson, "min_entry_score", kDefaultMinEntryScore);
    if (out.info.recoveredFrom > 0) {
        // It continued an account: it started from where the sessions before it left it.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT equity FROM equity WHERE session_id < ? ORDER BY id DESC LIMIT 1"));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        if (q.next())
            out.startingEquity = q.value(0).toDouble();
    }

    std::map<std::int64_t, PhaseScores> entries; // accepted signals by bar time: why trades entered
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT t, side, score, size_fraction, stop, target, accepted, reject_reason,"
                           " squeeze, divergence, reset, momentum, volume FROM signals"
                           " WHERE session_id = ? ORDER BY id"));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        while (q.next()) {
            ++out.signalCount;
            SignalRecord r;
            r.signal.t = q.value(0).toLongLong();
            r.signal.side = sideFrom(q.value(1).toString());
            r.signal.score = q.value(2).toDouble();
            r.signal.sizeFraction = q.value(3).toDouble();
            r.signal.stop = q.value(4).toDouble();
            r.signal.target = q.value(5).toDouble();
            r.accepted = q.value(6).toInt() == 1;
            r.reason = rejectReasonFrom(q.value(7).toString());
            r.signal.phases = phasesFrom(q, 8, r.signal.score);
            if (r.accepted)
                entries[r.signal.t] = r.signal.phases;
            if (out.signalRecords.size() < JournalSession::kMaxSignals)
                out.signalRecords.push_back(r);
        }
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT position_id, entry_ms, exit_ms, side, entry_price, exit_price, qty, pnl,"
                           " fees, exit_reason, score FROM trades WHERE session_id = ? ORDER BY id"));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        while (q.next()) {
            Trade t;
            t.positionId = q.value(0).toLongLong();
            t.entryMs = q.value(1).toLongLong();
            t.exitMs = q.value(2).toLongLong();
            t.side = sideFrom(q.value(3).toString());
            t.entryPrice = q.value(4).toDouble();
            t.exitPrice = q.value(5).toDouble();
            t.qty = q.value(6).toDouble();
            t.pnl = q.value(7).toDouble();
            t.fees = q.value(8).toDouble();
            t.reason = exitReasonFrom(q.value(9).toString());
            t.score = q.value(10).toDouble();
            const auto e = entries.find(t.entryMs);
            if (e != entries.end())
                t.entryScores = e->second;
            out.trades.push_back(t);
        }
    }
    for (Trade& t : out.trades) {
        if (t.hasEntryScores())
            continue;
        // Entered in an earlier session (a restored position): its signal is journaled there.
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT score, squeeze, divergence, reset, momentum, volume FROM signals"
                           " WHERE accepted = 1 AND t = ? AND session_id <= ? ORDER BY id DESC LIMIT 1"));
        q.addBindValue(qlonglong(t.entryMs));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        if (q.next())
            t.entryScores = phasesFrom(q, 1, q.value(0).toDouble());
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT t, equity, cash, drawdown, close FROM equity WHERE session_id = ? ORDER BY id"));
        q.addBindValue(qlonglong(id));
        run(q, m_path);
        while (q.next()) {
            out.equity.push_back({ q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble(),
                q.value(3).toDouble() });
            out.closes.push_back(q.value(4).toDouble());
        }
    }
    return out;
}

} // namespace veloce
