#include "safety/journalstatements.h"

#include "safety/journalerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>
#include <initializer_list>

namespace veloce {

namespace {
QString sideText(Side s)
{
    return QString::fromLatin1(sideName(s));
}

void bind(QSqlQuery& q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant& v : values)
        q.bindValue(i++, v);
}
} // namespace

JournalStatements::JournalStatements(QSqlDatabase& db, const QString& path)
    : m_path(path)
    , m_db(db)
    , m_signal(prepare("INSERT INTO signals (session_id, seq, wall_ms, t, side, score, size_fraction, stop,"
                       " target, accepted, reject_reason, squeeze, divergence, reset, momentum, volume)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_fill(prepare("INSERT INTO fills (session_id, seq, wall_ms, t, position_id, entry, side, price, qty,"
                     " fee, cash_after, stop, target, score, reason)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_fillOrder(
          prepare("INSERT INTO orders (session_id, seq, wall_ms, position_id, kind, status, side, qty,"
                  " price) VALUES (?, ?, ?, ?, ?, 'filled', ?, ?, ?)"))
    , m_order(prepare("INSERT INTO orders (session_id, seq, wall_ms, position_id, kind, status, side, qty,"
                      " price, tag, venue_id, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_trade(prepare("INSERT INTO trades (session_id, seq, wall_ms, position_id, entry_ms, exit_ms, side,"
                      " entry_price, exit_price, qty, pnl, fees, exit_reason, score)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_equity(prepare("INSERT INTO equity (session_id, t, equity, cash, drawdown, close)"
                       " VALUES (?, ?, ?, ?, ?, ?)"))
    , m_event(prepare("INSERT INTO events (session_id, wall_ms, kind, text, origin, detail, latency_ms)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)"))
    , m_alert(
          prepare("INSERT OR REPLACE INTO alerts (id, session_id, wall_ms, kind, severity, source, message,"
                  " acknowledged_ms, acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_progress(prepare("UPDATE sessions SET last_bar_ms = COALESCE(?, last_bar_ms),"
                         " last_close = COALESCE(?, last_close), fill_count = COALESCE(fill_count, 0) + ?,"
                         " last_seq = MAX(COALESCE(last_seq, 0), ?) WHERE id = ?"))
{
}

QSqlQuery JournalStatements::prepare(const char* sql)
{
    QSqlQuery q(m_db);
    if (!q.prepare(QString::fromLatin1(sql)))
        throw JournalError(QStringLiteral("%1: cannot prepare the journal's statements: %2")
                               .arg(m_path, q.lastError().text()));
    return q;
}

void JournalStatements::run(QSqlQuery& q, const char* table)
{
    if (!q.exec())
        throw JournalError(QStringLiteral("%1: writing %2 failed: %3")
                               .arg(m_path, QLatin1String(table), q.lastError().text()));
}

void JournalStatements::event(std::int64_t sessionId, const SessionEvent& e)
{
    const QVariant sid = qlonglong(sessionId);
    const QVariant seq = qlonglong(e.seq);
    const QVariant wall = qlonglong(e.wallMs);
    switch (e.kind) {
    case SessionEvent::Kind::Signal: {
        const Signal& s = e.signal.signal;
        bind(m_signal,
            { sid, seq, wall, qlonglong(s.t), sideText(s.side), s.score, s.sizeFraction, s.stop, s.target,
                e.signal.accepted ? 1 : 0, QString::fromLatin1(rejectReasonName(e.signal.reason)),
                s.phases.squeeze, s.phases.divergence, s.phases.reset, s.phases.momentum, s.phases.volume });
        run(m_signal, "signals");
        break;
    }
    case SessionEvent::Kind::Fill: {
        const Fill& f = e.fill;
        bind(m_fill,
            { sid, seq, wall, qlonglong(f.t), qlonglong(f.positionId), f.entry ? 1 : 0, sign(f.side), f.price,
                f.qty, f.fee, f.cashAfter, f.entry ? e.position.stop : 0.0, f.entry ? e.position.target : 0.0,
                f.entry ? e.position.score : 0.0,
                f.entry ? QString() : QString::fromLatin1(exitReasonName(f.reason)) });
        run(m_fill, "fills");
        // Immediate (paper) fills are their own orders.
        bind(m_fillOrder,
            { sid, seq, wall, qlonglong(f.positionId),
                f.entry ? QStringLiteral("entry") : QStringLiteral("exit"), sideText(f.side), f.qty,
                f.price });
        run(m_fillOrder, "orders");
        break;
    }
    case SessionEvent::Kind::Order: {
        const OrderEvent& o = e.order;
        bind(m_order,
            { sid, seq, wall, qlonglong(o.positionId), QString::fromLatin1(orderKindName(o.kind)),
                QString::fromLatin1(orderStatusName(o.status)), sideText(o.side), o.qty, o.price, o.tag,
                qlonglong(o.venueId), o.message });
        run(m_order, "orders");
        break;
    }
    case SessionEvent::Kind::Trade: {
        const Trade& t = e.trade;
        bind(m_trade,
            { sid, seq, wall, qlonglong(t.positionId), qlonglong(t.entryMs), qlonglong(t.exitMs),
                sideText(t.side), t.entryPrice, t.exitPrice, t.qty, t.pnl, t.fees,
                QString::fromLatin1(exitReasonName(t.reason)), t.score });
        run(m_trade, "trades");
        break;
    }
    case SessionEvent::Kind::Equity:
        bind(m_equity,
            { sid, qlonglong(e.equity.t), e.equity.equity, e.equity.cash, e.equity.drawdown, e.close });
        run(m_equity, "equity");
        break;
    case SessionEvent::Kind::State:
    case SessionEvent::Kind::Venue: // the broker's verified mode (text) and venue (detail, JSON)
        safety(sessionId, e.wallMs, QString::fromLatin1(sessionEventKindName(e.kind)), e.text,
            QStringLiteral("session"), e.detail, -1);
        break;
    }
}

void JournalStatements::safety(std::int64_t sessionId, std::int64_t wallMs, const QString& kind,
    const QString& text, const QString& origin, const QString& detail, double latencyMs)
{
    bind(m_event,
        { qlonglong(sessionId), qlonglong(wallMs), kind, text, origin, detail,
            latencyMs >= 0 ? QVariant(latencyMs) : QVariant() });
    run(m_event, "events");
}

void JournalStatements::alert(std::int64_t sessionId, const Alert& a)
{
    bind(m_alert,
        { qlonglong(a.id), qlonglong(sessionId), qlonglong(a.wallMs),
            QString::fromLatin1(alertKindName(a.kind)), QString::fromLatin1(alertSeverityName(a.severity)),
            a.source, a.message, a.acknowledged ? QVariant(qlonglong(a.acknowledgedMs)) : QVariant(),
            a.acknowledged ? QVariant(a.acknowledgedBy) : QVariant() });
    run(m_alert, "alerts");
}

void JournalStatements::progress(std::int64_t sessionId, std::int64_t lastBarMs, double lastClose,
    std::int64_t fills, std::int64_t lastSeq)
{
    bind(m_progress,
        { lastBarMs > 0 ? QVariant(qlonglong(lastBarMs)) : QVariant(),
            lastBarMs > 0 ? QVariant(lastClose) : QVariant(), qlonglong(fills), qlonglong(lastSeq),
            qlonglong(sessionId) });
    run(m_progress, "sessions");
}

} // namespace veloce
