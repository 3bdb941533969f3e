#include "engine/replayclock.h"

namespace veloce {

ReplayClock::ReplayClock(double speed)
    : m_speed(speed)
{
}

void ReplayClock::setSpeed(double speed)
{
    m_speed = speed;
    m_anchored = false;
}

void ReplayClock::setPaused(bool paused)
{
    m_paused = paused;
    m_anchored = false;
}

bool ReplayClock::runTo(std::int64_t barMs, std::int64_t nextBarMs)
{
    if (barMs <= nextBarMs)
        return false;
    m_runTo = barMs;
    return true;
}

bool ReplayClock::mayRelease(std::int64_t barMs, std::int64_t nowNs)
{
    if (m_runTo != 0 && barMs >= m_runTo) {
        // The jump has arrived: this bar is where the pace starts again.
        m_runTo = 0;
        m_anchored = true;
        m_anchorBarMs = barMs;
        m_anchorNs = nowNs;
    }
    return !m_paused || m_runTo != 0;
}

double ReplayClock::waitMs(std::int64_t barMs, std::int64_t nowNs)
{
    if (m_runTo != 0 && barMs < m_runTo)
        return 0;
    if (m_speed <= 0)
        return 0;
    if (!m_anchored) {
        // The first bar after a start or a change is due now; the pace counts from it.
        m_anchored = true;
        m_anchorBarMs = barMs;
        m_anchorNs = nowNs;
        return 0;
    }
    const double dueNs = double(m_anchorNs) + double(barMs - m_anchorBarMs) * 1e6 / m_speed;
    return (dueNs - double(nowNs)) / 1e6;
}

} // namespace veloce
