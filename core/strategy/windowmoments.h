#pragma once

#include "strategy/ringbuffer.h"

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

} // namespace veloce
