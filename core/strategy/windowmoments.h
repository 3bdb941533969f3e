#pragma once

#include "strategy/ringbuffer.h"

#include <cmath>

namespace veloce {

// Mean and population standard deviation (ddof = 0) of the newest `length` values of a history
// ring, O(1) per bar. Sums are kept of (x - ref), with ref a recent value, so that squaring prices
// around 1e5 does not cancel catastrophically; ref is re-centred with an exact re-summation every
// kRecentreEvery bars.
class WindowMoments
{
public:
    WindowMoments(const RingBuffer<double>& history, int length);

    void update(); // once after every push to the history
    bool full() const { return m_history.size() >= m_length; }
    double mean() const;
    // Exactly 0 when the caller knows the window is flat (max == min); rounding noise otherwise
    // could make a zero-volatility window look volatile.
    double sd(bool flat) const;
    int length() const { return m_length; }
    void reset();

private:
    void recentre();

    static constexpr int kRecentreEvery = 512;
    const RingBuffer<double>& m_history;
    int m_length;
    double m_ref = 0;
    double m_sum = 0;
    double m_sumSq = 0;
    int m_sinceRecentre = 0;
};

// Inline: these run on every bar of the hot loop.
inline void WindowMoments::update()
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

inline double WindowMoments::mean() const
{
    return m_ref + m_sum / m_length;
}

inline double WindowMoments::sd(bool flat) const
{
    if (flat)
        return 0.0;
    const double m = m_sum / m_length;
    const double var = m_sumSq / m_length - m * m;
    return var > 0 ? std::sqrt(var) : 0.0;
}

} // namespace veloce
