#include "safety/journal.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <future>
#include <map>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, ended_ms "
    "INTEGER,"
    " end_reason TEXT, mode TEXT, broker TEXT, source TEXT, config_hash TEXT, config_json TEXT,"
    " app_version TEXT, recovered_from INTEGER, last_bar_ms INTEGER, last_close REAL)",
    "CREATE TABLE IF NOT EXISTS signals (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms "
    "INTEGER,"
    " t INTEGER, side TEXT, score REAL, size_fraction REAL, stop REAL, target REAL, accepted INTEGER,"
    " reject_reason TEXT, squeeze REAL, divergence REAL, reset REAL, momentum REAL, volume REAL)",
    "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms "
    "INTEGER,"
    " position_id INTEGER, kind TEXT, status TEXT, side TEXT, qty REAL, price REAL, tag TEXT, venue_id "
    "INTEGER,"
    " message TEXT)",
    "CREATE TABLE IF NOT EXISTS fills (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms "
    "INTEGER,"
    " t INTEGER, position_id INTEGER, entry INTEGER, side INTEGER, price REAL, qty REAL, fee REAL,"
    " cash_after REAL, stop REAL, target REAL, score REAL, reason TEXT)",
    "CREATE TABLE IF NOT EXISTS trades (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms "
    "INTEGER,"
    " position_id INTEGER, entry_ms INTEGER, exit_ms INTEGER, side TEXT, entry_price REAL, exit_price REAL,"
    " qty REAL, pnl REAL, fees REAL, exit_reason TEXT, score REAL)",
    "CREATE TABLE IF NOT EXISTS equity (id INTEGER PRIMARY KEY, session_id INTEGER, t INTEGER, equity REAL,"
    " cash REAL, drawdown REAL, close REAL)",
    "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, session_id INTEGER, wall_ms INTEGER, kind "
    "TEXT,"
    " text TEXT, origin TEXT, detail TEXT, latency_ms REAL)",
};

QString sqlError(const QSqlQuery& q)
{
    return q.lastError().text();
}

void exec(QSqlQuery& q, const QString& what)
{
    if (!q.exec())
        throw JournalError(QStringLiteral("%1: %2").arg(what, sqlError(q)));
}

QString side(Side s)
{
    return QString::fromLatin1(sideName(s));
}

} // namespace

Journal::Journal(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_connection(QStringLiteral("veloce-journal-%1").arg(reinterpret_cast<quintptr>(this)))
{
    qRegisterMetaType<SessionEvent>();
    m_thread = std::thread([this] { run(); });
}

Journal::~Journal()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Journal::call(std::function<void()> task)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> f = done->get_future();
    Item item;
    item.type = Item::Type::Task;
    item.task = [task = std::move(task), done] {
        try {
            task();
            done->set_value();
        } catch (...) {
            done->set_exception(std::current_exception());
        }
    };
    enqueue(std::move(item));
    f.get(); // rethrows JournalError from the writer thread
}

void Journal::open()
{
    call([this] {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        if (!db.open())
            throw JournalError(
                QStringLiteral("%1: cannot open the journal: %2").arg(m_path, db.lastError().text()));
        QSqlQuery q(db);
        // WAL: a crash never corrupts committed transactions; FULL: a commit is on disk when
        // it returns, so a fill we acknowledge survives kill -9 and power loss.
        for (const char* pragma :
            { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=5000" }) {
            if (!q.exec(QString::fromLatin1(pragma)))
                throw JournalError(QStringLiteral("%1: %2").arg(m_path, sqlError(q)));
        }
        for (const char* sql : kSchema) {
            if (!q.exec(QString::fromLatin1(sql)))
                throw JournalError(QStringLiteral("%1: not a Veloce journal? %2").arg(m_path, sqlError(q)));
        }
    });
}

RecoveredAccount Journal::recover(double initialCapital)
{
    RecoveredAccount acc;
    acc.cash = initialCapital;
    acc.peakEquity = initialCapital;
    call([&] {
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT session_id, t, position_id, entry, side, price, qty, fee, cash_after, stop,"
                " target, score FROM fills ORDER BY session_id, seq, id")))
            throw JournalError(QStringLiteral("%1: %2").arg(m_path, sqlError(q)));
        std::map<std::int64_t, Position> open; // by id = order of opening
        std::int64_t maxId = 0;
        while (q.next()) {
            acc.any = true;
            acc.fromSession = q.value(0).toLongLong();
            const std::int64_t id = q.value(2).toLongLong();
            maxId = std::max(maxId, id);
            acc.cash = q.value(8).toDouble();
            if (q.value(3).toInt() == 1) {
                Position p;
                p.id = id;
                p.entryMs = q.value(1).toLongLong();
                p.side = q.value(4).toInt() > 0 ? Side::Long : Side::Short;
                p.entry = q.value(5).toDouble();
                p.qty = q.value(6).toDouble();
                p.entryFee = q.value(7).toDouble();
                p.stop = q.value(9).toDouble();
                p.target = q.value(10).toDouble();
                p.score = q.value(11).toDouble();
                p.last = p.entry;
                open[id] = p;
                acc.lastEntryMs = p.entryMs;
            } else {
                open.erase(id);
            }
        }
        for (const auto& [id, p] : open)
            acc.positions.push_back(p);
        acc.nextPositionId = maxId + 1;
        if (q.exec(QStringLiteral("SELECT last_bar_ms, last_close FROM sessions WHERE last_bar_ms IS NOT NULL"
                                  " ORDER BY last_bar_ms DESC LIMIT 1"))
            && q.next()) {
            acc.lastBarMs = q.value(0).toLongLong();
            acc.lastClose = q.value(1).toDouble();
        }
        if (q.exec(QStringLiteral("SELECT MAX(equity) FROM equity")) && q.next() && !q.value(0).isNull())
            acc.peakEquity = std::max(acc.peakEquity, q.value(0).toDouble());
        acc.peakEquity = std::max(acc.peakEquity, acc.cash);
        if (q.exec(QStringLiteral("SELECT kind, text FROM events WHERE kind IN ('kill', 'halt', 'rearm')"
                                  " ORDER BY id DESC LIMIT 1"))
            && q.next() && q.value(0).toString() != QLatin1String("rearm")) {
            acc.halted = true;
            acc.haltReason = q.value(1).toString();
        }
    });
    return acc;
}

std::int64_t Journal::beginSession(const SessionInfo& info, std::int64_t recoveredFrom)
{
    call([&] {
        QSqlQuery q(QSqlDatabase::database(m_connection));
        q.prepare(
            QStringLiteral("INSERT INTO sessions (started_ms, mode, broker, source, config_hash, config_json,"
                           " app_version, recovered_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(info.mode);
        q.addBindValue(info.broker);
        q.addBindValue(info.source);
        q.addBindValue(info.configHash);
        q.addBindValue(info.configJson);
        q.addBindValue(QStringLiteral(VELOCE_VERSION));
        q.addBindValue(recoveredFrom > 0 ? QVariant(static_cast<qlonglong>(recoveredFrom)) : QVariant());
        exec(q, m_path);
        m_sessionId = q.lastInsertId().toLongLong();
    });
    return m_sessionId;
}

void Journal::endSession(const QString& reason)
{
    call([&] {
        QSqlQuery q(QSqlDatabase::database(m_connection));
        q.prepare(QStringLiteral("UPDATE sessions SET ended_ms = ?, end_reason = ? WHERE id = ?"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(reason);
        q.addBindValue(static_cast<qlonglong>(m_sessionId));
        exec(q, m_path);
    });
}

void Journal::flush()
{
    call([] {});
}

void Journal::record(const SessionEvent& event)
{
    Item item;
    item.event = event;
    enqueue(std::move(item));
}

void Journal::recordKill(const KillReport& report)
{
    Item item;
    item.type = Item::Type::Safety;
    item.kind = report.flattenRequested ? QStringLiteral("kill") : QStringLiteral("halt");
    item.text = report.reason;
    item.origin = report.origin;
    item.detail = QString::fromStdString(report.toJson().dump());
    item.latencyMs = report.flattenLatencyMs;
    enqueue(std::move(item));
}

void Journal::recordSafety(const QString& kind, const QString& text, const QString& origin, double latencyMs)
{
    Item item;
    item.type = Item::Type::Safety;
    item.kind = kind;
    item.text = text;
    item.origin = origin;
    item.latencyMs = latencyMs;
    enqueue(std::move(item));
}

void Journal::enqueue(Item&& item)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(item));
    }
    m_wake.notify_one();
}

bool Journal::urgent(const Item& item) const
{
    if (item.type != Item::Type::Event)
        return true;
    return item.event.kind != SessionEvent::Kind::Signal && item.event.kind != SessionEvent::Kind::Equity;
}

void Journal::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty() && m_stop)
            break;
        // Signals and equity rows wait for company (one fsync per batch); anything a person is
        // told about is committed at once.
        if (!m_stop && !urgent(m_queue.back()) && m_queue.size() < 4096)
            m_wake.wait_for(lock, std::chrono::milliseconds(kBatchMs),
                [this] { return m_stop || urgent(m_queue.back()) || m_queue.size() >= 4096; });
        std::deque<Item> batch;
        batch.swap(m_queue);
        lock.unlock();
        writeBatch(batch);
        lock.lock();
    }
    lock.unlock();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

namespace {

void writeEvent(QSqlDatabase& db, std::int64_t sessionId, const SessionEvent& e)
{
    QSqlQuery q(db);
    const qlonglong sid = sessionId;
    switch (e.kind) {
    case SessionEvent::Kind::Signal: {
        const Signal& s = e.signal.signal;
        q.prepare(QStringLiteral(
            "INSERT INTO signals (session_id, seq, wall_ms, t, side, score, size_fraction, stop,"
            " target, accepted, reject_reason, squeeze, divergence, reset, momentum, volume)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v :
            { QVariant(sid), QVariant(qlonglong(e.seq)), QVariant(qlonglong(e.wallMs)),
                QVariant(qlonglong(s.t)), QVariant(side(s.side)), QVariant(s.score), QVariant(s.sizeFraction),
                QVariant(s.stop), QVariant(s.target), QVariant(e.signal.accepted ? 1 : 0),
                QVariant(QString::fromLatin1(rejectReasonName(e.signal.reason))), QVariant(s.phases.squeeze),
                QVariant(s.phases.divergence), QVariant(s.phases.reset), QVariant(s.phases.momentum),
                QVariant(s.phases.volume) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal signals"));
        break;
    }
    case SessionEvent::Kind::Fill: {
        const Fill& f = e.fill;
        q.prepare(QStringLiteral(
            "INSERT INTO fills (session_id, seq, wall_ms, t, position_id, entry, side, price, qty,"
            " fee, cash_after, stop, target, score, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.seq)), QVariant(qlonglong(e.wallMs)),
                 QVariant(qlonglong(f.t)), QVariant(qlonglong(f.positionId)), QVariant(f.entry ? 1 : 0),
                 QVariant(sign(f.side)), QVariant(f.price), QVariant(f.qty), QVariant(f.fee),
                 QVariant(f.cashAfter), QVariant(f.entry ? e.position.stop : 0.0),
                 QVariant(f.entry ? e.position.target : 0.0), QVariant(f.entry ? e.position.score : 0.0),
                 QVariant(f.entry ? QString() : QString::fromLatin1(exitReasonName(f.reason))) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal fills"));
        // Immediate (paper) fills are their own orders.
        QSqlQuery o(db);
        o.prepare(QStringLiteral(
            "INSERT INTO orders (session_id, seq, wall_ms, position_id, kind, status, side, qty,"
            " price) VALUES (?, ?, ?, ?, ?, 'filled', ?, ?, ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.seq)), QVariant(qlonglong(e.wallMs)),
                 QVariant(qlonglong(f.positionId)),
                 QVariant(f.entry ? QStringLiteral("entry") : QStringLiteral("exit")), QVariant(side(f.side)),
                 QVariant(f.qty), QVariant(f.price) })
            o.addBindValue(v);
        exec(o, QStringLiteral("journal orders"));
        break;
    }
    case SessionEvent::Kind::Order: {
        const OrderEvent& o = e.order;
        q.prepare(QStringLiteral(
            "INSERT INTO orders (session_id, seq, wall_ms, position_id, kind, status, side, qty,"
            " price, tag, venue_id, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.seq)), QVariant(qlonglong(e.wallMs)),
                 QVariant(qlonglong(o.positionId)), QVariant(QString::fromLatin1(orderKindName(o.kind))),
                 QVariant(QString::fromLatin1(orderStatusName(o.status))), QVariant(side(o.side)),
                 QVariant(o.qty), QVariant(o.price), QVariant(o.tag), QVariant(qlonglong(o.venueId)),
                 QVariant(o.message) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal orders"));
        break;
    }
    case SessionEvent::Kind::Trade: {
        const Trade& t = e.trade;
        q.prepare(QStringLiteral(
            "INSERT INTO trades (session_id, seq, wall_ms, position_id, entry_ms, exit_ms, side,"
            " entry_price, exit_price, qty, pnl, fees, exit_reason, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.seq)), QVariant(qlonglong(e.wallMs)),
                 QVariant(qlonglong(t.positionId)), QVariant(qlonglong(t.entryMs)),
                 QVariant(qlonglong(t.exitMs)), QVariant(side(t.side)), QVariant(t.entryPrice),
                 QVariant(t.exitPrice), QVariant(t.qty), QVariant(t.pnl), QVariant(t.fees),
                 QVariant(QString::fromLatin1(exitReasonName(t.reason))), QVariant(t.score) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal trades"));
        break;
    }
    case SessionEvent::Kind::Equity: {
        q.prepare(QStringLiteral("INSERT INTO equity (session_id, t, equity, cash, drawdown, close)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.equity.t)), QVariant(e.equity.equity),
                 QVariant(e.equity.cash), QVariant(e.equity.drawdown), QVariant(e.close) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal equity"));
        break;
    }
    case SessionEvent::Kind::State:
    case SessionEvent::Kind::Alert:
    case SessionEvent::Kind::Venue: { // venue: the broker's verified mode (text) and venue (detail)
        q.prepare(QStringLiteral("INSERT INTO events (session_id, wall_ms, kind, text, origin, detail)"
                                 " VALUES (?, ?, ?, ?, 'session', ?)"));
        for (const QVariant& v : { QVariant(sid), QVariant(qlonglong(e.wallMs)),
                 QVariant(QString::fromLatin1(sessionEventKindName(e.kind))), QVariant(e.text),
                 QVariant(e.detail) })
            q.addBindValue(v);
        exec(q, QStringLiteral("journal events"));
        break;
    }
    }
}

} // namespace

void Journal::writeBatch(std::deque<Item>& batch)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    std::vector<const SessionEvent*> done;
    bool inTransaction = false;
    std::int64_t lastBarMs = 0;
    double lastClose = 0;
    auto commit = [&] {
        if (!inTransaction)
            return;
        if (lastBarMs > 0) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE sessions SET last_bar_ms = ?, last_close = ? WHERE id = ?"));
            q.addBindValue(static_cast<qlonglong>(lastBarMs));
            q.addBindValue(lastClose);
            q.addBindValue(static_cast<qlonglong>(m_sessionId));
            exec(q, QStringLiteral("journal sessions"));
        }
        if (!db.commit())
            throw JournalError(QStringLiteral("%1: commit failed: %2").arg(m_path, db.lastError().text()));
        inTransaction = false;
        for (const SessionEvent* e : done)
            Q_EMIT committed(*e);
        done.clear();
    };
    for (Item& item : batch) {
        if (item.type == Item::Type::Task) {
            try {
                commit();
            } catch (const JournalError& e) {
                m_broken = true;
                Q_EMIT failed(QString::fromUtf8(e.what()));
            }
            item.task();
            continue;
        }
        if (m_broken || !db.isOpen())
            continue;
        try {
            if (!inTransaction) {
                if (!db.transaction())
                    throw JournalError(QStringLiteral("%1: %2").arg(m_path, db.lastError().text()));
                inTransaction = true;
            }
            if (item.type == Item::Type::Event) {
                writeEvent(db, m_sessionId, item.event);
                done.push_back(&item.event);
                if (item.event.barMs > 0) {
                    lastBarMs = item.event.barMs;
                    lastClose = item.event.close;
                }
            } else {
                QSqlQuery q(db);
                q.prepare(
                    QStringLiteral("INSERT INTO events (session_id, wall_ms, kind, text, origin, detail,"
                                   " latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
                q.addBindValue(static_cast<qlonglong>(m_sessionId));
                q.addBindValue(QDateTime::currentMSecsSinceEpoch());
                q.addBindValue(item.kind);
                q.addBindValue(item.text);
                q.addBindValue(item.origin);
                q.addBindValue(item.detail);
                q.addBindValue(item.latencyMs >= 0 ? QVariant(item.latencyMs) : QVariant());
                exec(q, QStringLiteral("journal events"));
            }
        } catch (const JournalError& e) {
            m_broken = true;
            if (inTransaction)
                db.rollback();
            inTransaction = false;
            done.clear();
            Q_EMIT failed(QString::fromUtf8(e.what()));
        }
    }
    try {
        commit();
    } catch (const JournalError& e) {
        m_broken = true;
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

} // namespace veloce
