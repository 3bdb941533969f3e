#include "strategy/windowextremes.h"

namespace veloce {

namespace {
std::size_t roundUpPow2(std::size_t v)
{
    std::size_t p = 1;
    while (p < v)
        p <<= 1;
    return p;
}
} // namespace

WindowExtremes::WindowExtremes(const RingBuffer<double>& history, int length)
    : m_history(history)
    , m_length(length)
    , m_mask(roundUpPow2(static_cast<std::size_t>(length) + 1) - 1)
    , m_maxQ(m_mask + 1)
    , m_minQ(m_mask + 1)
{
}

void WindowExtremes::reset()
{
    m_maxHead = m_maxTail = m_minHead = m_minTail = 0;
}

void WindowExtremes::update()
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
