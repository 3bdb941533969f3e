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

} // namespace veloce
