#include "data/requestweightbudget.h"

#include <algorithm>
#include <cmath>

namespace veloce {

RequestWeightBudget::RequestWeightBudget(int limitPerMinute, double share)
    : m_allowance(std::max(1, static_cast<int>(std::floor(limitPerMinute * std::clamp(share, 0.01, 1.0)))))
{
}

void RequestWeightBudget::expire(std::int64_t nowMs) const
{
    while (!m_spent.empty() && m_spent.front().first <= nowMs - kWindowMs) {
        m_sum -= m_spent.front().second;
        m_spent.pop_front();
    }
}

int RequestWeightBudget::spent(std::int64_t nowMs) const
{
    expire(nowMs);
    return m_sum;
}

std::int64_t RequestWeightBudget::waitMs(int weight, std::int64_t nowMs) const
{
    std::int64_t until = m_pausedUntil;
    // The server's minute: its count plus this request must stay within our share.
    if (nowMs < m_serverMinuteEnd && m_serverUsed + weight > m_allowance)
        until = std::max(until, m_serverMinuteEnd);
    // Our sliding minute: wait until enough of the oldest spending has left it.
    expire(nowMs);
    int sum = m_sum;
    for (const auto& [t, w] : m_spent) {
        if (sum + weight <= m_allowance)
            break;
        sum -= w;
        until = std::max(until, t + kWindowMs + 1);
    }
    return std::max<std::int64_t>(0, until - nowMs);
}

void RequestWeightBudget::spend(int weight, std::int64_t nowMs)
{
    expire(nowMs);
    m_spent.emplace_back(nowMs, weight);
    m_sum += weight;
    if (nowMs < m_serverMinuteEnd)
        m_serverUsed += weight;
}

void RequestWeightBudget::observeServerUsage(int used, std::int64_t nowMs)
{
    // The count belongs to the server's calendar minute; without its clock, assume it ends with
    // ours plus a second of slack.
    m_serverUsed = used;
    m_serverMinuteEnd = nowMs - (nowMs % kWindowMs) + kWindowMs + 1000;
}

void RequestWeightBudget::pauseUntil(std::int64_t untilMs)
{
    m_pausedUntil = std::max(m_pausedUntil, untilMs);
}

} // namespace veloce
