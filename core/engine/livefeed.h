#pragma once

#include "data/sourcestats.h"
#include "types/bar.h"

#include <QObject>
#include <QString>
#include <functional>

namespace veloce {

// A push stream of bars for live sessions: the simulator or a file paced in real time, or a
// polling source (InfluxDB). Lives on the engine thread with its Session and emits each bar the
// moment it is due; the Session processes it in the same call (direct connection, no queue).
class LiveFeed : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString description() const = 0;
    virtual SourceStats stats() const = 0;
    // true when bar times follow the wall clock (a real market): the watchdog then also raises
    // "stale data" when the newest bar is older than the heartbeat timeout.
    virtual bool wallClockTimes() const { return false; }
    // Back-pressure (SessionRecorder::hasRoom): before each bar a feed that can wait asks the
    // gate and holds the bar back while it is closed, keeping its event loop turning. A live
    // market cannot wait: the InfluxDB feed ignores the gate (one bar a second never backs up).
    void setGate(std::function<bool()> open) { m_gate = std::move(open); }

public Q_SLOTS:
    virtual void start() = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    void barReady(const veloce::Bar& bar);
    // The end of a finite source (a replayed file); not emitted by stop().
    void finished();
    // A problem the feed is working around (a poll failed and is retried): an alert.
    void trouble(const QString& message);
    // The source cannot go on (unreadable file, server gone); the message is for the user.
    void failed(const QString& message);

protected:
    bool gateOpen() const { return !m_gate || m_gate(); }

private:
    std::function<bool()> m_gate;
};

} // namespace veloce
