#include "safety/journal.h"

#include "safety/committedevents.h"
#include "safety/journalinspector.h"
#include "safety/journalschema.h"
#include "safety/journalstatements.h"
#include "safety/sqlconnection.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <future>
#include <nlohmann/json.hpp>

namespace veloce {

struct Journal::Item
{
    enum class Type
    {
        Event,
        Safety,
        Alert,
        Barrier,
        Task
    };
    Type type = Type::Event;
    SessionEvent event;
    Alert alert;
    QString kind, text, origin, detail;
    std::int64_t wallMs = 0;
    double latencyMs = -1;
    Done done; // Barrier
    std::function<void()> task; // Task
};

Journal::Journal(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_connection(QStringLiteral("veloce-journal-%1").arg(reinterpret_cast<quintptr>(this)))
{
    qRegisterMetaType<SessionEvent>();
    m_queue.reserve(kHighWater + 64);
    m_batch.reserve(kHighWater + 64);
    m_thread = std::thread([this] { run(); });
}

Journal::~Journal()
{
    close();
}

QString Journal::failure() const
{
    std::lock_guard lock(m_mutex);
    return m_failure;
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
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            throw JournalError(QStringLiteral("%1: the journal is closed").arg(m_path));
    }
    enqueue(std::move(item), true);
    f.get(); // rethrows JournalError from the writer thread
}

void Journal::openConnection(bool create, int fromVersion)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        throw JournalError(
            QStringLiteral("%1: cannot open the journal: %2").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    // WAL: a crash never corrupts committed transactions; FULL: a commit is on disk when it
    // returns, so a fill we acknowledge survives kill -9 and power loss.
    QStringList pragmas = { QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA busy_timeout=5000") };
    if (m_maxPages > 0)
        pragmas << QStringLiteral("PRAGMA max_page_count=%1").arg(m_maxPages);
    for (const QString& pragma : pragmas)
        if (!q.exec(pragma))
            throw JournalError(
                QStringLiteral("%1: cannot open the journal: %2").arg(m_path, q.lastError().text()));
    if (create)
        JournalSchema::create(db, m_path);
    else if (fromVersion >= 0)
        JournalSchema::upgrade(db, m_path, fromVersion);
    m_statements = std::make_unique<JournalStatements>(db, m_path);
}

JournalState Journal::openNow(const JournalRecovery::Rules& rules)
{
    JournalState state;
    const JournalInspector::Verdict verdict = JournalInspector::inspect(m_path);
    if (verdict.state == JournalInspector::State::New) {
        state.account.cash = rules.initialCapital;
        state.account.peakEquity = rules.initialCapital;
    } else {
        // Everything is checked on a read-only connection first: a refused file stays as it was.
        SqlConnection ro(m_path, SqlConnection::Mode::ReadOnly);
        if (!ro.isOpen())
            throw JournalError(
                QStringLiteral("%1: %2").arg(m_path, JournalInspector::describeSqliteError(ro.errorText())),
                JournalError::Kind::Refused);
        state = JournalRecovery::read(ro.db(), m_path, verdict.version, rules);
    }
    openConnection(verdict.state == JournalInspector::State::New,
        verdict.state == JournalInspector::State::Legacy ? verdict.version : -1);
    return state;
}

JournalState Journal::open(const JournalRecovery::Rules& rules)
{
    JournalState state;
    call([&] { state = openNow(rules); });
    return state;
}

void Journal::openAsync(const JournalRecovery::Rules& rules, Opened done)
{
    Item item;
    item.type = Item::Type::Task;
    item.task = [this, rules, done = std::move(done)] {
        try {
            const JournalState state = openNow(rules);
            done(state, nullptr);
        } catch (...) {
            done(JournalState(), std::current_exception());
        }
    };
    enqueue(std::move(item), true);
}

void Journal::beginNow(const SessionInfo& info)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO sessions (started_ms, mode, broker, source, config_hash, config_json, app_version,"
        " recovered_from, fill_count, last_seq, resumed_after_ms, feed_start_ms, feed_start_price,"
        " initial_capital, max_open_positions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)"));
    const auto optional = [](auto v) { return v > 0 ? QVariant(v) : QVariant(); };
    for (const QVariant& v :
        { QVariant(QDateTime::currentMSecsSinceEpoch()), QVariant(info.mode), QVariant(info.broker),
            QVariant(info.source), QVariant(info.configHash), QVariant(info.configJson),
            QVariant(QStringLiteral(VELOCE_VERSION)), optional(qlonglong(info.recoveredFrom)),
            optional(qlonglong(info.resumedAfterMs)), optional(qlonglong(info.feedStartMs)),
            optional(info.feedStartPrice), QVariant(info.initialCapital), QVariant(info.maxOpenPositions) })
        q.addBindValue(v);
    if (!q.exec())
        throw JournalError(
            QStringLiteral("%1: cannot record the session: %2").arg(m_path, q.lastError().text()));
    m_sessionId.store(q.lastInsertId().toLongLong(), std::memory_order_release);
}

std::int64_t Journal::beginSession(const SessionInfo& info)
{
    call([&] { beginNow(info); });
    return sessionId();
}

void Journal::beginSessionAsync(
    const SessionInfo& info, std::function<void(std::int64_t id, const QString& error)> done)
{
    Item item;
    item.type = Item::Type::Task;
    item.task = [this, info, done = std::move(done)] {
        try {
            beginNow(info);
            done(sessionId(), QString());
        } catch (const JournalError& e) {
            done(0, QString::fromUtf8(e.what()));
        }
    };
    enqueue(std::move(item), true);
}

void Journal::endSession(const QString& reason, Done done)
{
    Item item;
    item.type = Item::Type::Task;
    item.task = [this, reason, done = std::move(done)] {
        if (hasFailed() || !m_statements) {
            done(hasFailed() ? failure() : QStringLiteral("%1: the journal is not open").arg(m_path));
            return;
        }
        QSqlQuery q(QSqlDatabase::database(m_connection));
        q.prepare(QStringLiteral("UPDATE sessions SET ended_ms = ?, end_reason = ? WHERE id = ?"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(reason);
        q.addBindValue(qlonglong(sessionId()));
        if (!q.exec()) {
            const QString message = QStringLiteral("%1: cannot record the end of the session: %2")
                                        .arg(m_path, q.lastError().text());
            fail(message);
            done(message);
            return;
        }
        done(QString());
    };
    enqueue(std::move(item), true);
}

void Journal::whenCommitted(Done done)
{
    Item item;
    item.type = Item::Type::Barrier;
    item.done = std::move(done);
    enqueue(std::move(item), true);
}

void Journal::flush()
{
    call([] {});
}

void Journal::close()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        m_closed = true;
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Journal::record(const SessionEvent* events, std::size_t count)
{
    std::lock_guard lock(m_mutex);
    if (m_closed || m_failed.load(std::memory_order_relaxed))
        return;
    if (m_queue.size() + count > kHardLimit) {
        m_overflow = true; // the writer fails the journal: it cannot keep up
        m_wake.notify_one();
        return;
    }
    bool urgent = false;
    for (std::size_t i = 0; i < count; ++i) {
        const SessionEvent::Kind k = events[i].kind;
        urgent = urgent || k == SessionEvent::Kind::Fill || k == SessionEvent::Kind::Trade
            || k == SessionEvent::Kind::Order || k == SessionEvent::Kind::State;
        Item& item = m_queue.emplace_back();
        item.event = events[i];
    }
    m_size.store(m_queue.size(), std::memory_order_release);
    if (urgent || m_queue.size() >= kHighWater) {
        m_urgent = true;
        m_wake.notify_one();
    }
}

bool Journal::hasRoom() const
{
    if (hasFailed())
        return true; // nothing is queued any more: the session runs on, halted
    return m_size.load(std::memory_order_acquire) < kHighWater && (!m_outbox || m_outbox->hasRoom());
}

void Journal::recordAlert(const Alert& alert)
{
    Item item;
    item.type = Item::Type::Alert;
    item.alert = alert;
    enqueue(std::move(item), true);
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
    enqueue(std::move(item), true);
}

void Journal::recordSafety(const QString& kind, const QString& text, const QString& origin, double latencyMs)
{
    Item item;
    item.type = Item::Type::Safety;
    item.kind = kind;
    item.text = text;
    item.origin = origin;
    item.latencyMs = latencyMs;
    enqueue(std::move(item), true);
}

void Journal::enqueue(Item&& item, bool urgent)
{
    item.wallMs = QDateTime::currentMSecsSinceEpoch();
    bool closed;
    {
        std::lock_guard lock(m_mutex);
        closed = m_closed;
        if (!closed) {
            // Safety rows, alerts and barriers are never refused: the hard limit is for the feed.
            m_queue.push_back(std::move(item));
            m_size.store(m_queue.size(), std::memory_order_release);
            m_urgent = m_urgent || urgent;
        }
    }
    if (!closed) {
        m_wake.notify_one();
        return;
    }
    // Too late to write: a barrier or task still gets its answer (outside the lock).
    if (item.done)
        item.done(QStringLiteral("%1: the journal is closed").arg(m_path));
    if (item.task)
        item.task();
}

void Journal::fail(const QString& message)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_failed.load(std::memory_order_relaxed))
            return;
        m_failure = message;
        m_failed.store(true, std::memory_order_release);
    }
    Q_EMIT failed(message);
}

void Journal::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stop || m_overflow || !m_queue.empty(); });
        if (m_overflow) {
            m_overflow = false;
            lock.unlock();
            fail(QStringLiteral(
                "%1: the journal fell more than %2 events behind the session and cannot keep up")
                     .arg(m_path)
                     .arg(kHardLimit));
            lock.lock();
        }
        if (m_queue.empty()) {
            if (m_stop)
                break;
            continue;
        }
        // Signals and equity rows wait for company (one fsync per batch); anything a person is
        // told about is committed at once.
        if (!m_stop && !m_urgent && m_queue.size() < kHighWater)
            m_wake.wait_for(lock, std::chrono::milliseconds(kBatchMs),
                [this] { return m_stop || m_urgent || m_queue.size() >= kHighWater; });
        m_batch.swap(m_queue);
        m_size.store(0, std::memory_order_release);
        m_urgent = false;
        lock.unlock();
        writeBatch(m_batch);
        m_batch.clear();
        lock.lock();
    }
    lock.unlock();
    m_statements.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void Journal::writeBatch(std::vector<Item>& batch)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const std::int64_t sid = sessionId();
    bool inTransaction = false;
    std::int64_t lastBarMs = 0;
    double lastClose = 0;
    std::int64_t fills = 0;
    std::int64_t lastSeq = 0;
    m_committed.clear();
    const auto commit = [&] {
        if (!inTransaction)
            return;
        m_statements->progress(sid, lastBarMs, lastClose, fills, lastSeq);
        if (!db.commit())
            throw JournalError(QStringLiteral("%1: commit failed: %2").arg(m_path, db.lastError().text()));
        inTransaction = false;
        lastBarMs = fills = lastSeq = 0;
        if (m_outbox)
            m_outbox->push(m_committed);
        m_committed.clear();
    };
    const auto failBatch = [&](const JournalError& e) {
        if (inTransaction)
            db.rollback();
        inTransaction = false;
        m_committed.clear(); // never acknowledged: not on disk
        fail(QString::fromUtf8(e.what()));
    };
    for (Item& item : batch) {
        try {
            if (item.type == Item::Type::Barrier || item.type == Item::Type::Task) {
                commit();
                if (item.type == Item::Type::Barrier)
                    item.done(failure());
                else
                    item.task();
                continue;
            }
            if (hasFailed() || !m_statements)
                continue;
            if (!inTransaction) {
                if (!db.transaction())
                    throw JournalError(QStringLiteral("%1: %2").arg(m_path, db.lastError().text()));
                inTransaction = true;
            }
            switch (item.type) {
            case Item::Type::Event: {
                const SessionEvent& e = item.event;
                m_statements->event(sid, e);
                if (e.kind == SessionEvent::Kind::Fill)
                    ++fills;
                lastSeq = std::max(lastSeq, e.seq);
                if (e.barMs > 0) {
                    lastBarMs = e.barMs;
                    lastClose = e.close;
                }
                m_committed.push_back(std::move(item.event));
                break;
            }
            case Item::Type::Safety:
                m_statements->safety(
                    sid, item.wallMs, item.kind, item.text, item.origin, item.detail, item.latencyMs);
                break;
            case Item::Type::Alert:
                m_statements->alert(sid, item.alert);
                break;
            default:
                break;
            }
        } catch (const JournalError& e) {
            failBatch(e);
        }
    }
    try {
        commit();
    } catch (const JournalError& e) {
        failBatch(e);
    }
}

} // namespace veloce
