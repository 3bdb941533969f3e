#pragma once

#include "data/feedhealth.h"
#include "data/sourcestats.h"
#include "types/bar.h"

#include <QObject>
#include <QString>

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
    // Steady-clock ns at which the input that made the newest bar final was received (a live
    // exchange message); 0 when the feed does not know, and the bar's own arrival counts.
    virtual std::int64_t barOriginNs() const { return 0; }
    // Whether startRecording() can write what the feed receives (a live exchange feed).
    virtual bool canRecord() const { return false; }

public Q_SLOTS:
    virtual void start() = 0;
    virtual void stop() = 0;
    // Records the feed's raw market data to `path` until stopRecording(); the outcome comes
    // through recordingChanged(). Feeds that cannot record say so there.
    virtual void startRecording(const QString& path)
    {
        Q_UNUSED(path);
        Q_EMIT recordingChanged(false, QStringLiteral("this source cannot be recorded"));
    }
    virtual void stopRecording() { }

Q_SIGNALS:
    void barReady(const veloce::Bar& bar);
    // The end of a finite source (a replayed file); not emitted by stop().
    void finished();
    // A problem the feed is working around (a poll failed and is retried): an alert.
    void trouble(const QString& message);
    // The source cannot go on (unreadable file, server gone); the message is for the user.
    void failed(const QString& message);
    // The connection's health changed (feeds with a connection: state, lag, reconnects, repairs).
    void healthChanged(const veloce::FeedHealth& health);
    // The exchange is there (a message or a pong), even if no bar is due: fed to the watchdog.
    void alive();
    // Recording started (message: the file(s)) or ended (message: a summary or the error).
    void recordingChanged(bool recording, const QString& message);
};

} // namespace veloce
