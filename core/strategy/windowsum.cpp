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

void WindowSum::update()
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
