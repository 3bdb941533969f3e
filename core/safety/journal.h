#pragma once

#include "engine/sessionevent.h"
#include "safety/alertlog.h"
#include "safety/journalerror.h"
#include "safety/journalrecovery.h"
#include "safety/killreport.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace veloce {

class CommittedEvents;
class JournalStatements;

// The crash-safe record of live sessions (docs/safety.md "Journal"): sessions, signals, orders,
// fills, trades, equity rows, kill-switch/watchdog/state events and the alert log. SQLite in WAL
// mode with synchronous=FULL, written by one writer thread that owns the only read-write
// connection.
//
// Callers never wait for the disk: record() queues, in the order of the session's sequence
// numbers (the session calls it with its account lock held, once per bar with all the bar's
// events, so a commit never splits a bar). The writer commits at once when the queue holds a
// fill, trade, order, safety row or barrier, otherwise at least every kBatchMs; after the commit
// the events go to the CommittedEvents outbox -- that is the acknowledgement: the CLI prints a
// fill only once it is durable. whenCommitted() is the kill switch's barrier: its callback runs
// once everything queued before it is durable (or with the error that prevented it).
//
// Bounded: above kHighWater queued events hasRoom() turns false and the session's feed waits
// (back-pressure); a producer that ignores it and passes kHardLimit makes the journal fail.
// Failure: the first write or commit that fails marks the journal failed, emits failed() once
// (on the writer thread, so a direct connection halts trading at once) and drops every later
// event: nothing is acknowledged that is not on disk.
class Journal : public QObject, public SessionRecorder, public AlertRecorder
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString& error)>; // empty error: success

    struct SessionInfo
    {
        QString mode;
        QString broker;
        QString source;
        QString configHash;
        QString configJson; // secrets redacted
        double initialCapital = 0;
        int maxOpenPositions = 0;
        std::int64_t recoveredFrom = 0; // the session the account came from, 0 if none
        std::int64_t resumedAfterMs = 0; // the newest bar of the journal at the start
        std::int64_t feedStartMs = 0; // simulator: its first bar time and price
        double feedStartPrice = 0;
    };

    static constexpr std::size_t kHighWater = 1024;
    static constexpr std::size_t kHardLimit = 65536;
    static constexpr int kBatchMs = 200;

    explicit Journal(const QString& path, QObject* parent = nullptr);
    ~Journal() override; // close()

    QString path() const { return m_path; }
    // Before open(): cap the file at `pages` SQLite pages (PRAGMA max_page_count), to rehearse a
    // full disk. 0 = no cap.
    void setMaxPageCount(int pages) { m_maxPages = pages; }

    // Validates the file, recovers its state, then creates or upgrades the schema (on the writer
    // thread). Throws JournalError (refused: the file was not changed). open() waits for it;
    // openAsync() returns at once and calls `done` on the writer thread with the state or the
    // error (a JournalError in the exception_ptr).
    JournalState open(const JournalRecovery::Rules& rules);
    using Opened = std::function<void(const JournalState& state, std::exception_ptr error)>;
    void openAsync(const JournalRecovery::Rules& rules, Opened done);
    // Records the session's row. Blocking, or asynchronous with `done(id, error)` on the writer
    // thread.
    std::int64_t beginSession(const SessionInfo& info); // throws JournalError
    void beginSessionAsync(
        const SessionInfo& info, std::function<void(std::int64_t id, const QString& error)> done);
    std::int64_t sessionId() const { return m_sessionId.load(std::memory_order_acquire); }

    // Asynchronous; `done` runs on the writer thread.
    void endSession(const QString& reason, Done done);
    void whenCommitted(Done done);
    void flush(); // blocking: everything queued so far is durable (or failed) when it returns
    // Blocking: commits what is queued and closes the file; later records are dropped.
    void close();

    void setOutbox(CommittedEvents* outbox) { m_outbox = outbox; }

    // SessionRecorder (any thread, never blocks).
    void record(const SessionEvent* events, std::size_t count) override;
    bool hasRoom() const override;
    // AlertRecorder (any thread, never blocks).
    void recordAlert(const Alert& alert) override;
    void recordKill(const KillReport& report);
    // kind: "halt", "rearm", "watchdog", ... (the events table; "halt"/"kill"/"rearm" decide
    // whether a restarted session starts halted).
    void recordSafety(const QString& kind, const QString& text, const QString& origin, double latencyMs = -1);

    bool hasFailed() const { return m_failed.load(std::memory_order_acquire); }
    QString failure() const;
    std::size_t backlog() const { return m_size.load(std::memory_order_acquire); }

Q_SIGNALS:
    void failed(const QString& message);

private:
    struct Item;
    void enqueue(Item&& item, bool urgent);
    void run();
    void writeBatch(std::vector<Item>& batch);
    void call(std::function<void()> task); // runs on the writer thread, waits, rethrows
    void fail(const QString& message);
    void openConnection(bool create, int fromVersion);
    JournalState openNow(const JournalRecovery::Rules& rules); // writer thread
    void beginNow(const SessionInfo& info); // writer thread

    QString m_path;
    QString m_connection;
    int m_maxPages = 0;
    std::atomic<std::int64_t> m_sessionId { 0 };
    CommittedEvents* m_outbox = nullptr;
    std::unique_ptr<JournalStatements> m_statements; // writer thread

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Item> m_queue; // swapped with m_batch: both keep their capacity
    std::vector<Item> m_batch; // writer thread
    std::vector<SessionEvent> m_committed; // writer thread
    std::atomic<std::size_t> m_size { 0 };
    bool m_urgent = false;
    bool m_stop = false;
    bool m_closed = false;
    bool m_overflow = false;
    std::atomic<bool> m_failed { false };
    QString m_failure; // m_mutex
    std::thread m_thread;
};

} // namespace veloce
