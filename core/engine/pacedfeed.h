#pragma once

#include "engine/livefeed.h"

#include <QElapsedTimer>
#include <memory>

class QTimer;

namespace veloce {

class BarSource;

// Adapts any pull BarSource (file, simulator, history query) to a LiveFeed that releases each
// bar when its time has come at `speed` × real time: bar i is due (t_i - t_0) / speed after
// start. Speed 0 means as fast as possible, in slices of kSlice bars so that the engine thread's
// event loop (stop, kill, snapshots) keeps turning. While the gate is closed (the journal or
// the output is behind) it polls every kGateRetryMs instead of releasing bars: the feed slows,
// memory does not grow.
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

public Q_SLOTS:
    void start() override;
    void stop() override;

private:
    void pump();
    bool fetch(); // reads m_next; false at the end or on error (signals emitted)

    static constexpr int kSlice = 512;
    static constexpr int kGateRetryMs = 1;
    std::unique_ptr<BarSource> m_source;
    double m_speed;
    std::int64_t m_rebaseToMs;
    std::int64_t m_offset = 0;
    std::int64_t m_t0 = 0;
    QElapsedTimer m_clock;
    QTimer* m_timer = nullptr;
    Bar m_next;
    bool m_hasNext = false;
    bool m_running = false;
    bool m_first = true;
};

} // namespace veloce
