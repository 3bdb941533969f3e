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

// Inline: runs on every bar of the hot loop.
inline void WindowExtremes::update()
{
    const std::int64_t idx = m_history.size() - 1;
    const double v = m_history.ago(0);
    const auto valueAt = [this](std::int64_t i) { return m_history.ago(m_history.size() - 1 - i); };
    const std::int64_t oldest = idx - m_length + 1;

    while (m_maxTail != m_maxHead && valueAt(m_maxQ[(m_maxTail - 1) & m_mask]) <= v)
        --m_maxTail;
    m_maxQ[m_maxTail++ & m_mask] = idx;
    while (m_maxQ[m_maxHead & m_mask] < oldest)
        ++m_maxHead;

    while (m_minTail != m_minHead && valueAt(m_minQ[(m_minTail - 1) & m_mask]) >= v)
        --m_minTail;
    m_minQ[m_minTail++ & m_mask] = idx;
    while (m_minQ[m_minHead & m_mask] < oldest)
        ++m_minHead;
}

} // namespace veloce
