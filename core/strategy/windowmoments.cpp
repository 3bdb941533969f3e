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

void WindowMoments::update()
{
    const std::int64_t n = m_history.size();
    if (n == 1) {
        m_ref = m_history.ago(0);
        m_sum = 0;
        m_sumSq = 0;
        return;
    }
    const double in = m_history.ago(0) - m_ref;
    m_sum += in;
    m_sumSq += in * in;
    if (n > m_length) {
        const double out = m_history.ago(m_length) - m_ref;
        m_sum -= out;
        m_sumSq -= out * out;
    }
    if (++m_sinceRecentre >= kRecentreEvery)
        recentre();
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

double WindowMoments::mean() const
{
    return m_ref + m_sum / m_length;
}

double WindowMoments::sd(bool flat) const
{
    if (flat)
        return 0.0;
    const double m = m_sum / m_length;
    const double var = m_sumSq / m_length - m * m;
    return var > 0 ? std::sqrt(var) : 0.0;
}

} // namespace veloce
