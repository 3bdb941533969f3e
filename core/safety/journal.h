#pragma once

#include "engine/recoveredaccount.h"
#include "engine/sessionevent.h"
#include "safety/killreport.h"

#include <QObject>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>

class QSqlDatabase;

namespace veloce {

// A journal that cannot be opened or written; the message names the file.
class JournalError : public std::runtime_error
{
public:
    explicit JournalError(const QString& message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// The crash-safe record of live sessions (docs/architecture.md "SQLite"): sessions (config hash, app
// version), signals (accepted and rejected with reason), orders, fills, trades, equity rows,
// and kill-switch/watchdog/state events. SQLite in WAL mode with synchronous=FULL, written by
// one writer thread that owns the only connection.
//
// Callers never wait for the disk: record() queues. The writer commits a batch at once when it
// holds a fill, trade, order or safety event, otherwise at most every kBatchMs, and emits
// committed() for each event after its commit is durable -- that is the acknowledgement: the
// CLI prints fills and trades from it, so nothing shown to a person can be lost by a crash.
// The account (cash, open positions) is rebuilt from the fills alone (recover()).
class Journal : public QObject, public SessionRecorder
{
    Q_OBJECT
public:
    struct SessionInfo
    {
        QString mode;
        QString broker;
        QString source;
        QString configHash;
        QString configJson; // secrets redacted
    };

    explicit Journal(const QString& path, QObject* parent = nullptr);
    ~Journal() override; // commits what is queued

    // Creates or opens the file, sets WAL/FULL, creates the tables. Throws JournalError.
    void open();
    QString path() const { return m_path; }

    // Blocking calls (a few ms), for session start and end.
    RecoveredAccount recover(double initialCapital);
    std::int64_t beginSession(const SessionInfo& info, std::int64_t recoveredFrom);
    std::int64_t sessionId() const { return m_sessionId; }
    void endSession(const QString& reason);
    void flush(); // everything queued so far is on disk when it returns

    // Thread-safe, non-blocking.
    void record(const SessionEvent& event) override;
    void recordKill(const KillReport& report);
    // kind: "rearm", "watchdog", "stale", "breaker", ...
    void recordSafety(const QString& kind, const QString& text, const QString& origin, double latencyMs = -1);

    static constexpr int kBatchMs = 200;

Q_SIGNALS:
    // After the event's transaction is durable (emitted on the writer thread).
    void committed(const veloce::SessionEvent& event);
    // Writing failed: the journal no longer records (an alarm for a person).
    void failed(const QString& message);

private:
    struct Item
    {
        enum class Type
        {
            Event,
            Safety,
            Task
        } type
            = Type::Event;
        SessionEvent event;
        QString kind, text, origin, detail;
        double latencyMs = -1;
        std::function<void()> task;
    };
    void enqueue(Item&& item);
    void run();
    void writeBatch(std::deque<Item>& batch);
    void call(std::function<void()> task); // runs on the writer thread, waits
    bool urgent(const Item& item) const;

    QString m_path;
    QString m_connection;
    std::int64_t m_sessionId = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stop = false;
    bool m_broken = false;
    std::thread m_thread;
};

} // namespace veloce
