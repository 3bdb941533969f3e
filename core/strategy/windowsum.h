#pragma once

#include "strategy/ringbuffer.h"

namespace veloce {

// Sum of `length` values of a history ring, `lag` bars back from the newest (lag 0 = ends at the
// newest value). O(1) per bar. Floating-point drift from add/remove is bounded by an exact
// re-summation every kResumEvery bars (amortised O(length / kResumEvery)). The count of non-zero
// values is kept exactly, so "the sum is zero" is decided without rounding noise.
class WindowSum
{
public:
    WindowSum(const RingBuffer<double>& history, int length, int lag = 0);

    // Call once after every push to the history.
    void update();
    bool full() const { return m_history.size() >= m_length + m_lag; }
    double sum() const { return m_nonZero == 0 ? 0.0 : m_sum; }
    int nonZero() const { return m_nonZero; }
    int length() const { return m_length; }
    void reset();

private:
    void resum();

    static constexpr int kResumEvery = 1024;
    const RingBuffer<double>& m_history;
    int m_length;
    int m_lag;
    double m_sum = 0;
    int m_nonZero = 0;
    int m_sinceResum = 0;
};

// Inline: runs on every bar of the hot loop.
inline void WindowSum::update()
{
    const std::int64_t n = m_history.size();
    if (n <= m_lag)
        return;
    const double in = m_history.ago(m_lag);
    m_sum += in;
    m_nonZero += in != 0.0;
    if (n > m_lag + m_length) {
        const double out = m_history.ago(m_lag + m_length);
        m_sum -= out;
        m_nonZero -= out != 0.0;
    }
    if (++m_sinceResum >= kResumEvery)
        resum();
}

} // namespace veloce
