#pragma once

#include "engine/livefeed.h"
#include "engine/replayclock.h"

#include <QElapsedTimer>
#include <memory>

class QTimer;

namespace veloce {

class BarSource;

// Adapts any pull BarSource (file, simulator, history query) to a LiveFeed that releases each
// bar when its time has come at `speed` × real time: bar i is due (t_i - t_0) / speed after
// start. Speed 0 means as fast as possible, in slices of kSlice bars so that the engine thread's
// event loop (stop, kill, snapshots) keeps turning. While the gate is closed (the journal or a
// view is behind: LiveFeed::setGate) it polls every kGateRetryMs instead of releasing bars: the
// feed slows, memory does not grow, and at any speed every bar reaches the journal and the chart.
//
// Replay control (the GUI's replay toolbar): pause/resume, one bar at a time, a new speed, and a
// jump forward to a bar time (every bar up to it still goes through the strategy, as fast as
// possible: a session cannot skip bars or go back). The pacing arithmetic is ReplayClock's.
// Threads: every slot runs on the engine thread (queue calls from elsewhere); paceChanged is
// emitted there after every change.
class PacedFeed : public LiveFeed
{
    Q_OBJECT
public:
    // `rebaseToMs` != 0 shifts every bar time by one constant so that the first bar is at that
    // time (the simulator in a live session starts "now"); 0 preserves the source's bar times.
    PacedFeed(std::unique_ptr<BarSource> source, double speed, std::int64_t rebaseToMs = 0,
        QObject* parent = nullptr);
    ~PacedFeed() override;

    QString description() const override;
    SourceStats stats() const override;
    double speed() const { return m_speed; }

    bool paused() const { return m_pace.paused(); }

public Q_SLOTS:
    void start() override;
    void stop() override;
    void setPaused(bool paused);
    // While paused: releases the next bar now.
    void step();
    void setSpeed(double speed);
    // Releases every bar before `barMs` as fast as possible, then goes on at the pace (or stays
    // paused). A time not after the next bar's is ignored.
    void runTo(qint64 barMs);

Q_SIGNALS:
    // paused, speed (0 = as fast as possible), and the bar time of a jump in progress (0: none).
    void paceChanged(bool paused, double speed, qint64 runToMs);

private:
    void pump();
    void schedule(int ms);
    bool fetch(); // reads m_next; false at the end or on error (signals emitted)
    void announce();

    static constexpr int kSlice = 512;
    static constexpr int kGateRetryMs = 1;
    std::unique_ptr<BarSource> m_source;
    double m_speed;
    std::int64_t m_rebaseToMs;
    std::int64_t m_offset = 0;
    ReplayClock m_pace;
    QElapsedTimer m_clock;
    int m_stepsPending = 0; // step() calls not yet served, one bar each
    QTimer* m_timer = nullptr;
    Bar m_next;
    bool m_hasNext = false;
    bool m_running = false;
    bool m_first = true;
};

} // namespace veloce
