#include "strategy/windowsum.h"

namespace veloce {

WindowSum::WindowSum(const RingBuffer<double>& history, int length, int lag)
    : m_history(history)
    , m_length(length)
    , m_lag(lag)
{
}

void WindowSum::reset()
{
    m_sum = 0;
    m_nonZero = 0;
    m_sinceResum = 0;
}

void WindowSum::resum()
{
    m_sinceResum = 0;
    const std::int64_t available = m_history.size() - m_lag;
    const std::int64_t count = available < m_length ? available : m_length;
    double s = 0;
    for (std::int64_t k = 0; k < count; ++k)
        s += m_history.ago(m_lag + k);
    m_sum = s;
}

} // namespace veloce
