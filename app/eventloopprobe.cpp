#include "eventloopprobe.h"

#include "quantile.h"

#include <algorithm>

namespace veloce {

EventLoopProbe::EventLoopProbe(QObject* parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
    m_lateMs.reserve(1 << 20);
}

void EventLoopProbe::start()
{
    m_lateMs.clear();
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
}

void EventLoopProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double late = double(now - m_lastNs) / 1e6 - kIntervalMs;
    m_lateMs.push_back(std::max(0.0, late));
    m_lastNs = now;
}

double EventLoopProbe::quantile(double q) const
{
    return veloce::quantile(m_lateMs, q);
}

double EventLoopProbe::maxMs() const
{
    return m_lateMs.empty() ? 0 : *std::max_element(m_lateMs.begin(), m_lateMs.end());
}

} // namespace veloce
