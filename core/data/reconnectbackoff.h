#pragma once

#include <algorithm>
#include <cstdint>
#include <random>

namespace veloce {

// Delays between reconnection attempts: exponential (base, 2 base, 4 base, ... up to max) with
// "equal jitter" -- a uniformly random delay in [d/2, d] -- so that many clients dropped at the
// same moment (an exchange restart) do not all come back at the same moment. reset() after a
// connection that worked.
class ReconnectBackoff
{
public:
    ReconnectBackoff(int baseMs, int maxMs)
        : m_base(std::max(1, baseMs))
        , m_max(std::max(m_base, maxMs))
        , m_rng(std::random_device {}())
    {
    }

    int nextDelayMs()
    {
        const std::int64_t full
            = std::min<std::int64_t>(m_max, std::int64_t(m_base) << std::min(m_attempt, 20));
        ++m_attempt;
        std::uniform_int_distribution<std::int64_t> jitter(full / 2, full);
        return static_cast<int>(jitter(m_rng));
    }
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_base;
    int m_max;
    int m_attempt = 0;
    std::mt19937 m_rng;
};

} // namespace veloce
