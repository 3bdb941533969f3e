#pragma once

#include "strategy/ringbuffer.h"

#include <vector>

namespace veloce {

// Maximum and minimum of the newest `length` values of a history ring, by monotonic deques:
// O(1) amortised per bar, storage allocated once.
class WindowExtremes
{
public:
    WindowExtremes(const RingBuffer<double>& history, int length);

    void update(); // once after every push to the history
    double max() const { return m_history.ago(m_history.size() - 1 - m_maxQ[m_maxHead & m_mask]); }
    double min() const { return m_history.ago(m_history.size() - 1 - m_minQ[m_minHead & m_mask]); }
    void reset();

private:
    // Deques hold absolute indices (0 = first value ever pushed) in fixed ring storage.
    const RingBuffer<double>& m_history;
    int m_length;
    std::size_t m_mask;
    std::vector<std::int64_t> m_maxQ;
    std::vector<std::int64_t> m_minQ;
    std::size_t m_maxHead = 0, m_maxTail = 0;
    std::size_t m_minHead = 0, m_minTail = 0;
};

} // namespace veloce
