#pragma once

#include <cstdint>

namespace veloce {

// When the bars of a replay are due: at `speed` × real time, with pauses, speed changes and runs
// "as fast as possible up to a time" (jump). After any change the next bar is due at once and
// the ones after it follow at the new pace, measured from that bar: a pause never makes the
// replay race to catch up, a speed change never jumps. Pure arithmetic on the times it is given
// (bar times in ms, a monotonic clock in ns), so it is tested without waiting.
class ReplayClock
{
public:
    explicit ReplayClock(double speed = 1.0);

    // 0 (or less) means as fast as possible.
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    void setPaused(bool paused);
    bool paused() const { return m_paused; }
    // Release every bar before `barMs` at once, then continue at the pace (paused or not).
    // A time at or before the next bar's does nothing; returns whether the run was started.
    bool runTo(std::int64_t barMs, std::int64_t nextBarMs);
    std::int64_t runToMs() const { return m_runTo; } // 0 when no run is on
    bool running() const { return m_runTo != 0; }

    // Whether the next bar, at `barMs`, may go out at all: not while paused, except during a
    // jump. The first bar at or after a jump's time ends the jump (at `nowNs`, where the pace
    // starts again) -- released at once when running, held when paused.
    bool mayRelease(std::int64_t barMs, std::int64_t nowNs);
    // Milliseconds until the bar at `barMs` is due (<= 0: now), for a bar that mayRelease().
    // The first bar after a start or a change is due at once and the pace counts from it.
    double waitMs(std::int64_t barMs, std::int64_t nowNs);

private:
    double m_speed;
    bool m_paused = false;
    bool m_anchored = false;
    std::int64_t m_anchorBarMs = 0;
    std::int64_t m_anchorNs = 0;
    std::int64_t m_runTo = 0;
};

} // namespace veloce
