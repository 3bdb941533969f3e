#pragma once

#include <cstdint>
#include <vector>

namespace veloce {

// Bar-arrival-to-done latencies measured inside Session::onBar (benchmarks only). Storage is
// reserved up front; samples beyond the capacity are dropped, so recording never allocates.
struct LatencyProbe
{
    explicit LatencyProbe(std::size_t capacity)
    {
        all.reserve(capacity);
        withFill.reserve(capacity);
        finality.reserve(capacity);
    }
    // Feeds that know when the message that made a bar final arrived: that moment -> the bar
    // reaching the session (then `all` and `withFill` also count from that message).
    void addFinality(std::int64_t ns)
    {
        if (finality.size() < finality.capacity())
            finality.push_back(ns);
    }
    void add(std::int64_t ns, bool filled)
    {
        if (all.size() < all.capacity())
            all.push_back(ns);
        if (filled && withFill.size() < withFill.capacity())
            withFill.push_back(ns);
    }
    std::vector<std::int64_t> all; // every bar
    std::vector<std::int64_t> withFill; // bars whose signal was filled (bar -> signal -> fill)
    std::vector<std::int64_t> finality; // message received -> bar final (live exchange feeds)
};

} // namespace veloce
