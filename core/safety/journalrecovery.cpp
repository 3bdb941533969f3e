#include "safety/journalrecovery.h"

#include "safety/journalerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace veloce {

namespace {

[[noreturn]] void refuse(const QString& path, const QString& problem)
{
    throw JournalError(QStringLiteral("%1: %2").arg(path, problem), JournalError::Kind::Refused);
}

void exec(QSqlQuery& q, const QString& sql, const QString& path)
{
    q.setForwardOnly(true);
    if (!q.exec(sql))
        refuse(path, QStringLiteral("cannot be read (%1)").arg(q.lastError().text()));
}

struct SessionRow
{
    bool paper = true;
    std::optional<qint64> fillCount;
    double initialCapital = 0;
    int maxOpen = 0;
};

// One row of `table`, read with the SQL type of every value: a NULL or a text where a number
// belongs is refused, never read as 0.
class RowReader
{
public:
    RowReader(const QSqlQuery& q, const QString& path, const QString& table, int typeBase)
        : m_q(q)
        , m_path(path)
        , m_table(table)
        , m_typeBase(typeBase)
    {
    }
    qint64 id() const { return m_q.value(0).toLongLong(); }
    [[noreturn]] void fail(const QString& problem) const
    {
        refuse(m_path, QStringLiteral("%1 row %2: %3").arg(m_table).arg(id()).arg(problem));
    }
    QString type(int col) const { return m_q.value(m_typeBase + col).toString(); }
    qint64 integer(int col, const char* name) const
    {
        if (type(col) != QLatin1String("integer"))
            fail(QStringLiteral("%1 is %2, not a whole number").arg(QLatin1String(name), shown(col)));
        return m_q.value(col).toLongLong();
    }
    double real(int col, const char* name) const
    {
        const QString t = type(col);
        if (t != QLatin1String("real") && t != QLatin1String("integer"))
            fail(QStringLiteral("%1 is %2, not a number").arg(QLatin1String(name), shown(col)));
        const double v = m_q.value(col).toDouble();
        if (!std::isfinite(v))
            fail(QStringLiteral("%1 is %2, not a finite number").arg(QLatin1String(name)).arg(v));
        return v;
    }
    double positive(int col, const char* name) const
    {
        const double v = real(col, name);
        if (!(v > 0))
            fail(QStringLiteral("%1 is %2; it must be positive").arg(QLatin1String(name)).arg(v));
        return v;
    }

private:
    QString shown(int col) const
    {
        const QString t = type(col);
        if (t == QLatin1String("null"))
            return QStringLiteral("NULL");
        return QStringLiteral("%1 \"%2\"").arg(t, m_q.value(col).toString().left(40));
    }
    const QSqlQuery& m_q;
    const QString& m_path;
    QString m_table;
    int m_typeBase;
};

int limitFromConfig(const QString& configJson, const char* key, int fallback)
{
    const nlohmann::json j = nlohmann::json::parse(configJson.toStdString(), nullptr, false);
    if (j.is_object() && j.contains(key) && j[key].is_number_integer())
        return j[key].get<int>();
    return fallback;
}

double capitalFromConfig(const QString& configJson, double fallback)
{
    const nlohmann::json j = nlohmann::json::parse(configJson.toStdString(), nullptr, false);
    if (j.is_object() && j.contains("initial_capital") && j["initial_capital"].is_number())
        return j["initial_capital"].get<double>();
    return fallback;
}

std::map<qint64, SessionRow> readSessions(
    QSqlDatabase& db, const QString& path, int version, const JournalRecovery::Rules& rules)
{
    QSqlQuery q(db);
    exec(q,
        version >= 1
            ? QStringLiteral("SELECT id, broker, config_json, fill_count, initial_capital,"
                             " max_open_positions FROM sessions ORDER BY id")
            : QStringLiteral("SELECT id, broker, config_json, NULL, NULL, NULL FROM sessions ORDER BY id"),
        path);
    std::map<qint64, SessionRow> out;
    while (q.next()) {
        SessionRow s;
        const QString broker = q.value(1).toString();
        s.paper = broker.isEmpty() || broker == QLatin1String("paper");
        const QString config = q.value(2).toString();
        if (!q.value(3).isNull())
            s.fillCount = q.value(3).toLongLong();
        s.initialCapital
            = q.value(4).isNull() ? capitalFromConfig(config, rules.initialCapital) : q.value(4).toDouble();
        s.maxOpen = q.value(5).isNull()
            ? limitFromConfig(config, "max_open_positions", rules.maxOpenPositions)
            : q.value(5).toInt();
        out[q.value(0).toLongLong()] = s;
    }
    return out;
}

// The open positions and cash of one account (the paper chain, or one FreqTrade session).
struct Book
{
    std::map<qint64, Position> open; // by id = order of opening
    std::optional<double> cash;
    qint64 maxId = 0;
    qint64 lastEntryMs = 0;
    qint64 fromSession = 0;
};

} // namespace

JournalState JournalRecovery::read(QSqlDatabase& db, const QString& path, int version, const Rules& rules)
{
    JournalState st;
    const std::map<qint64, SessionRow> sessions = readSessions(db, path, version, rules);
    st.sessions = static_cast<int>(sessions.size());

    QSqlQuery q(db);
    // Columns 1..13 and their SQL types at 14..26 (RowReader's typeBase 13: type(col) = col + 13).
    exec(q,
        QStringLiteral(
            "SELECT id, session_id, seq, t, position_id, entry, side, price, qty, fee, cash_after,"
            " stop, target, score, typeof(session_id), typeof(seq), typeof(t), typeof(position_id),"
            " typeof(entry), typeof(side), typeof(price), typeof(qty), typeof(fee),"
            " typeof(cash_after), typeof(stop), typeof(target), typeof(score)"
            " FROM fills ORDER BY session_id, seq, id"),
        path);
    Book paper;
    Book venue;
    qint64 venueSession = -1;
    qint64 prevSession = -1;
    qint64 prevSeq = 0;
    std::map<qint64, qint64> fillsPerSession;
    std::set<std::pair<qint64, qint64>> exits; // (session, position)
    while (q.next()) {
        const RowReader r(q, path, QStringLiteral("fills"), 13);
        const qint64 sid = r.integer(1, "session_id");
        const auto session = sessions.find(sid);
        if (session == sessions.end())
            r.fail(QStringLiteral("belongs to session %1, which is not in the sessions table").arg(sid));
        const qint64 seq = r.integer(2, "seq");
        if (sid == prevSession && seq <= prevSeq)
            r.fail(QStringLiteral("repeats sequence number %1 of session %2").arg(seq).arg(sid));
        prevSession = sid;
        prevSeq = seq;
        ++fillsPerSession[sid];
        const qint64 t = r.integer(3, "t");
        const qint64 id = r.integer(4, "position_id");
        const qint64 entry = r.integer(5, "entry");
        const qint64 side = r.integer(6, "side");
        if (id <= 0)
            r.fail(QStringLiteral("position_id is %1; ids are positive").arg(id));
        if (entry != 0 && entry != 1)
            r.fail(QStringLiteral("entry is %1 (1 = entry, 0 = exit)").arg(entry));
        if (side != 1 && side != -1)
            r.fail(QStringLiteral("side is %1 (1 = long, -1 = short)").arg(side));
        const double price = r.positive(7, "price");
        const double qty = r.positive(8, "qty");
        const double fee = r.real(9, "fee");
        if (fee < 0)
            r.fail(QStringLiteral("fee is %1; fees are not negative").arg(fee));
        const double cash = r.real(10, "cash_after");

        if (!session->second.paper && venueSession != sid) {
            venue = Book(); // FreqTrade: each session is reconciled from the venue, not carried over
            venueSession = sid;
        }
        Book& book = session->second.paper ? paper : venue;
        if (!book.cash)
            book.cash = session->second.initialCapital;
        double expected;
        if (entry == 1) {
            if (book.open.count(id) || id <= book.maxId)
                r.fail(
                    QStringLiteral("opens position %1 again (ids increase in the order of opening)").arg(id));
            Position p;
            p.id = id;
            p.side = side > 0 ? Side::Long : Side::Short;
            p.entryMs = t;
            p.entry = price;
            p.qty = qty;
            p.entryFee = fee;
            p.last = price;
            if (session->second.paper) {
                // A venue may leave a stop or target unset (infinite); a paper position has both.
                p.stop = r.real(11, "stop");
                p.target = r.real(12, "target");
            } else {
                p.stop = q.value(11).toDouble();
                p.target = q.value(12).toDouble();
            }
            p.score = r.real(13, "score");
            book.open[id] = p;
            book.maxId = id;
            book.lastEntryMs = t;
            const int limit = session->second.maxOpen;
            if (static_cast<int>(book.open.size()) > limit)
                r.fail(QStringLiteral(
                    "%1 positions would be open, more than the session's max_open_positions %2")
                           .arg(book.open.size())
                           .arg(limit));
            expected = *book.cash - fee;
        } else {
            const auto it = book.open.find(id);
            if (it == book.open.end())
                r.fail(QStringLiteral("closes position %1, which is not open (an exit needs its entry first)")
                           .arg(id));
            const Position& p = it->second;
            if (t < p.entryMs)
                r.fail(QStringLiteral("closes position %1 at %2, before it was opened at %3")
                           .arg(id)
                           .arg(t)
                           .arg(p.entryMs));
            if ((side > 0) != (p.side == Side::Long))
                r.fail(QStringLiteral("closes position %1 on the other side").arg(id));
            if (std::abs(qty - p.qty) > 1e-9 * p.qty)
                r.fail(
                    QStringLiteral("closes %1 of position %2, which holds %3").arg(qty).arg(id).arg(p.qty));
            expected = *book.cash + (static_cast<double>(side) * (price - p.entry) * p.qty - fee);
            book.open.erase(it);
            exits.insert({ sid, id });
        }
        // Paper cash moves only by the fills (docs/strategy.md §5): a balance that does not follow
        // from the previous one was changed by hand.
        if (session->second.paper && std::abs(cash - expected) > 1e-9 * std::max(1.0, std::abs(expected)))
            r.fail(QStringLiteral("cash_after is %1, but the fills before it leave %2")
                       .arg(cash, 0, 'f', 6)
                       .arg(expected, 0, 'f', 6));
        book.cash = cash;
        book.fromSession = sid;
    }
    if (q.lastError().isValid())
        refuse(path, QStringLiteral("cannot be read (%1)").arg(q.lastError().text()));

    for (const auto& [sid, s] : sessions) {
        const qint64 have = fillsPerSession.count(sid) ? fillsPerSession.at(sid) : 0;
        if (s.fillCount && *s.fillCount != have)
            refuse(path,
                QStringLiteral(
                    "session %1 recorded %2 fill(s) but the journal holds %3: fills were removed or "
                    "added outside Veloce")
                    .arg(sid)
                    .arg(*s.fillCount)
                    .arg(have));
    }
    exec(q, QStringLiteral("SELECT id, session_id, position_id FROM trades ORDER BY id"), path);
    while (q.next()) {
        if (!exits.count({ q.value(1).toLongLong(), q.value(2).toLongLong() }))
            refuse(path,
                QStringLiteral("trades row %1 (session %2, position %3) has no exit fill: fills were removed "
                               "outside Veloce")
                    .arg(q.value(0).toLongLong())
                    .arg(q.value(1).toLongLong())
                    .arg(q.value(2).toLongLong()));
    }

    RecoveredAccount& acc = st.account;
    acc.any = paper.cash.has_value();
    acc.cash = paper.cash.value_or(rules.initialCapital);
    for (const auto& [id, p] : paper.open)
        acc.positions.push_back(p);
    acc.nextPositionId = paper.maxId + 1;
    acc.lastEntryMs = paper.lastEntryMs;
    acc.fromSession = paper.fromSession;

    exec(q,
        QStringLiteral(
            "SELECT id, last_bar_ms, last_close, typeof(last_bar_ms), typeof(last_close) FROM sessions"
            " WHERE last_bar_ms IS NOT NULL ORDER BY last_bar_ms DESC LIMIT 1"),
        path);
    if (q.next()) {
        const RowReader r(q, path, QStringLiteral("sessions"), 2);
        acc.lastBarMs = r.integer(1, "last_bar_ms");
        acc.lastClose = r.positive(2, "last_close");
    }
    exec(q,
        QStringLiteral("SELECT id, equity FROM equity WHERE typeof(equity) NOT IN ('real', 'integer')"
                       " OR abs(equity) > 1.7e308 LIMIT 1"),
        path);
    if (q.next())
        refuse(path,
            QStringLiteral("equity row %1: equity is not a finite number").arg(q.value(0).toLongLong()));
    exec(q,
        QStringLiteral("SELECT MAX(equity) FROM equity WHERE session_id IN (SELECT id FROM sessions WHERE"
                       " broker IS NULL OR broker IN ('', 'paper'))"),
        path);
    // The drawdown checks continue from the account's peak (docs/strategy.md §5).
    acc.peakEquity = std::max(rules.initialCapital, acc.cash);
    if (q.next() && !q.value(0).isNull())
        acc.peakEquity = std::max(acc.peakEquity, q.value(0).toDouble());
    exec(q,
        QStringLiteral(
            "SELECT kind, text FROM events WHERE kind IN ('kill', 'halt', 'rearm') ORDER BY id DESC LIMIT 1"),
        path);
    if (q.next() && q.value(0).toString() != QLatin1String("rearm")) {
        acc.halted = true;
        acc.haltReason = q.value(1).toString();
    }

    if (version >= 1) {
        exec(q, QStringLiteral("SELECT MAX(id) FROM alerts"), path);
        if (q.next())
            st.lastAlertId = q.value(0).toLongLong();
        exec(q,
            QStringLiteral("SELECT id, wall_ms, kind, severity, source, message FROM alerts"
                           " WHERE severity = 'alarm' AND acknowledged_ms IS NULL ORDER BY id"),
            path);
        while (q.next()) {
            Alert a;
            a.id = q.value(0).toLongLong();
            a.wallMs = q.value(1).toLongLong();
            if (!alertKindFromName(q.value(2).toString(), &a.kind)
                || !alertSeverityFromName(q.value(3).toString(), &a.severity))
                refuse(path, QStringLiteral("alerts row %1: unknown kind or severity").arg(a.id));
            a.source = q.value(4).toString();
            a.message = q.value(5).toString();
            st.openAlarms.push_back(a);
        }
    }
    return st;
}

} // namespace veloce
