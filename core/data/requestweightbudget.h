#pragma once

#include <cstdint>
#include <deque>
#include <utility>

namespace veloce {

// Keeps a REST client well inside an exchange's request-weight limit, so that it is never
// answered 429 by its own doing -- and, since 418 (an IP ban) only follows ignored 429s, never
// banned. Binance counts weight per IP and minute; we allow ourselves a share of it (the rest
// stays for other programs on the same IP) over any sliding minute, which also keeps every
// fixed minute below it. The server's own count (X-MBX-USED-WEIGHT-1M, which includes other
// programs) is obeyed as well, and a 429/418's Retry-After stops everything until it is over.
//
// Pure logic on times the caller passes (ms): the client asks waitMs() before each request and
// reports spend() when it goes out. Remembers at most one entry per request of the last minute.
class RequestWeightBudget
{
public:
    RequestWeightBudget(int limitPerMinute, double share);

    int allowance() const { return m_allowance; }
    // Milliseconds to wait before a request of `weight` may go; 0 = now.
    std::int64_t waitMs(int weight, std::int64_t nowMs) const;
    void spend(int weight, std::int64_t nowMs);
    // The server says `used` weight is spent in its current minute.
    void observeServerUsage(int used, std::int64_t nowMs);
    // Nothing may go before `untilMs` (Retry-After of a 429 or 418).
    void pauseUntil(std::int64_t untilMs);
    std::int64_t pausedUntil() const { return m_pausedUntil; }
    // Our own weight of the last minute.
    int spent(std::int64_t nowMs) const;

private:
    static constexpr std::int64_t kWindowMs = 60000;
    void expire(std::int64_t nowMs) const;

    int m_allowance;
    mutable std::deque<std::pair<std::int64_t, int>> m_spent; // (time, weight), oldest first
    mutable int m_sum = 0;
    std::int64_t m_pausedUntil = 0;
    int m_serverUsed = 0;
    std::int64_t m_serverMinuteEnd = 0;
};

} // namespace veloce
