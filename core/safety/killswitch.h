#pragma once

#include "broker/flattener.h"
#include "safety/killreport.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace veloce {

// The emergency stop (docs/safety.md "Kill switch"). Trading is ACTIVE or HALTED; the state is an
// atomic flag that the engine checks before every entry (BarProcessor::setHaltFlag), so a trigger
// refuses new entries from that instant, whatever any thread is doing. Then every position is
// flattened on the kill switch's own thread ("safety thread", which also hosts the watchdog and
// the kill socket), so it works while the engine thread is busy or blocked.
//
// One flatten at a time: a trigger that arrives while a flatten runs joins it, and every caller
// receives that flatten's report (trigger() returns its id, flattened() carries it). A flatten
// trigger arriving during a halt-only run (the drawdown breaker) gets one follow-up flatten,
// shared the same way. A report says "flat" only after the barrier (the journal) confirmed that
// the halt and every closing fill are durable: what is reported cannot be undone by a crash.
// HALTED stays until rearm(), which is refused while a flatten runs or while the veto objects.
//
// Threads: trigger(), rearm() and the accessors are thread-safe and never block on the safety
// thread. The flattener, barrier and veto are set before the first trigger. flattened() is
// emitted on the safety thread; stateChanged() on the thread that changed the state.
class KillSwitch : public QObject
{
    Q_OBJECT
public:
    // Called on the safety thread after a flatten; `done` (any thread) once everything recorded
    // so far is durable, with an empty error, or with the reason it is not.
    using Barrier = std::function<void(std::function<void(const QString& error)> done)>;

    explicit KillSwitch(QObject* parent = nullptr);
    ~KillSwitch() override; // shutdown() and waits for the safety thread

    const std::atomic<bool>* haltFlag() const { return &m_halted; }
    bool halted() const { return m_halted.load(std::memory_order_acquire); }
    bool busy() const; // a flatten is running
    QString haltReason() const;
    QThread* safetyThread() { return &m_thread; }

    // Before the first trigger.
    void setFlattener(std::shared_ptr<Flattener> flattener, int deadlineMs);
    void setBarrier(Barrier barrier);
    // Returns why re-arming is not allowed now (empty: allowed), e.g. the journal failed.
    void setRearmVeto(std::function<QString()> veto);
    // A restarted session whose journal says it was halted stays halted.
    void startHalted(const QString& reason);

    // Thread-safe, returns at once: entries are refused before it returns. Returns the id of the
    // flatten this trigger joined or started; its report comes through flattened().
    std::uint64_t trigger(const QString& reason, const QString& origin, bool flatten = true);
    // Thread-safe. Back to ACTIVE; returns an empty string, or why it was refused.
    QString rearm(const QString& origin);
    // Non-blocking: a flatten still running is reported as interrupted, then the safety thread
    // quits. Call before the flattener's target goes away.
    void shutdown();

Q_SIGNALS:
    void stateChanged(veloce::TradingState state, const QString& reason, const QString& origin);
    void flattened(const veloce::KillReport& report);

private:
    struct Run
    {
        KillReport report;
        std::int64_t triggerNs = 0;
        bool started = false;
    };
    Run newRun(const QString& reason, const QString& origin, bool flatten, std::int64_t t0, std::int64_t t1);
    void startCurrent(); // safety thread
    void onFlattened(std::uint64_t id, const FlattenResult& result); // safety thread
    void finish(std::uint64_t id, const QString& journalError); // safety thread
    void interrupt(); // safety thread

    std::atomic<bool> m_halted { false };
    mutable std::mutex m_mutex;
    QString m_reason;
    std::optional<Run> m_current;
    std::optional<Run> m_next;
    std::uint64_t m_lastId = 0;
    std::shared_ptr<Flattener> m_flattener;
    int m_deadlineMs = 30000;
    Barrier m_barrier;
    std::function<QString()> m_veto;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread; deleted after it stopped
};

} // namespace veloce
