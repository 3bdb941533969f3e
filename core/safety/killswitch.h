#pragma once

#include "broker/broker.h"
#include "safety/killreport.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <mutex>

namespace veloce {

// The emergency stop (docs/architecture.md "Kill switch"). Trading is ACTIVE or HALTED; the state is an
// atomic flag that the engine checks before every entry (BarProcessor::setHaltFlag), so a
// trigger refuses new entries from that instant, whatever any thread is doing. Then every
// position is flattened on the kill switch's own thread ("safety thread", which also hosts the
// watchdog and the kill socket), so it works while the engine thread is busy or blocked.
// HALTED stays until rearm(): re-arming is a separate, explicit action.
class KillSwitch : public QObject
{
    Q_OBJECT
public:
    // Runs on the safety thread; returns when flat or when it gives up. `deadlineMs` is how
    // long the flattener may keep trying.
    using Flattener = std::function<FlattenResult(int deadlineMs)>;

    explicit KillSwitch(QObject* parent = nullptr);
    ~KillSwitch() override;

    const std::atomic<bool>* haltFlag() const { return &m_halted; }
    bool halted() const { return m_halted.load(std::memory_order_acquire); }
    QString haltReason() const;
    QThread* safetyThread() { return &m_thread; }

    // Before the first trigger.
    void setFlattener(Flattener flattener, int deadlineMs = 5000);
    // A restarted session whose journal says it was halted stays halted.
    void startHalted(const QString& reason);

    // Thread-safe, returns at once. Entries are refused before it returns; the flatten runs on
    // the safety thread and its report comes through flattened().
    void trigger(const QString& reason, const QString& origin, bool flatten = true);
    // Thread-safe. Back to ACTIVE; journaled by whoever listens to stateChanged.
    void rearm(const QString& origin);

Q_SIGNALS:
    void stateChanged(veloce::TradingState state, const QString& reason, const QString& origin);
    // Emitted on the safety thread (connect directly to journal it there, durably).
    void flattened(const veloce::KillReport& report);

private:
    void runFlatten(KillReport report, std::int64_t triggerNs);

    std::atomic<bool> m_halted { false };
    mutable std::mutex m_mutex;
    QString m_reason;
    Flattener m_flattener;
    int m_deadlineMs = 5000;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread; runs the flattens in trigger order
};

} // namespace veloce
