#include "strategy/windowmoments.h"

#include <cmath>

namespace veloce {

WindowMoments::WindowMoments(const RingBuffer<double>& history, int length)
    : m_history(history)
    , m_length(length)
{
}

void WindowMoments::reset()
{
    m_ref = 0;
    m_sum = 0;
    m_sumSq = 0;
    m_sinceRecentre = 0;
}

void WindowMoments::recentre()
{
    m_sinceRecentre = 0;
    m_ref = m_history.ago(0);
    const std::int64_t count = m_history.size() < m_length ? m_history.size() : m_length;
    double s = 0;
    double sq = 0;
    for (std::int64_t k = 0; k < count; ++k) {
        const double d = m_history.ago(k) - m_ref;
        s += d;
        sq += d * d;
    }
    m_sum = s;
    m_sumSq = sq;
}

} // namespace veloce
