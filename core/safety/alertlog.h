#pragma once

#include "safety/alert.h"

#include <QObject>
#include <deque>
#include <mutex>
#include <vector>

namespace veloce {

// Receives every alert when it is raised and again when it is acknowledged (same id), so that
// it can be stored; the Journal implements it. Called from the thread that raised or
// acknowledged the alert; must not block.
class AlertRecorder
{
public:
    virtual ~AlertRecorder() = default;
    virtual void recordAlert(const Alert& alert) = 0;
};

// The session's alert log (docs/safety.md "Alerts"): every kill, halt, re-arm, breaker, watchdog
// finding, journal failure and feed/venue problem, in the order raised. Alarms stay open until a
// person acknowledges them (GUI banner, `veloce-cli alerts --ack`); the CLI exits non-zero while
// one is open. Views (the alert banner, the Alerts dock) read alerts() and listen to
// changed(); they never hold a pointer into the log.
//
// Threads: every member is thread-safe. raised()/acknowledged() are emitted on the calling thread
// after the log is updated: connect queued from views. Memory is bounded: the newest kCapacity
// alerts are kept (open alarms are never dropped); the journal keeps all of them.
class AlertLog : public QObject
{
    Q_OBJECT
public:
    static constexpr std::size_t kCapacity = 1000;

    explicit AlertLog(QObject* parent = nullptr);

    // Before the session starts, from the creating thread.
    void setRecorder(AlertRecorder* recorder);
    // Alerts read back from a journal (open alarms of earlier runs); ids continue after them.
    void restore(const std::vector<Alert>& alerts, std::int64_t lastId);

    // Returns the new alert's id.
    std::int64_t raise(AlertKind kind, AlertSeverity severity, const QString& source, const QString& message);
    // false if there is no such alert or it was acknowledged already.
    bool acknowledge(std::int64_t id, const QString& by);
    // Acknowledges every open alarm; returns how many.
    int acknowledgeAll(const QString& by);
    // Acknowledges every alert of any severity up to and including `lastId` that is not
    // acknowledged yet (the Alerts dock's "acknowledge all": what the person has seen, not an
    // alert raised a moment later); returns how many.
    int acknowledgeThrough(std::int64_t lastId, const QString& by);

    std::vector<Alert> alerts() const; // oldest first
    std::vector<Alert> openAlarms() const; // oldest first
    int openAlarmCount() const;
    // Alerts of any severity nobody has acknowledged yet (the status bar's count).
    int unacknowledgedCount() const;

Q_SIGNALS:
    void raised(const veloce::Alert& alert);
    void acknowledged(const veloce::Alert& alert);
    // Either of the above: the cheap "something changed, read alerts() again".
    void changed();

private:
    void trim(); // m_mutex held

    mutable std::mutex m_mutex;
    std::deque<Alert> m_alerts;
    std::int64_t m_lastId = 0;
    AlertRecorder* m_recorder = nullptr;
};

} // namespace veloce
