#pragma once

#include <cstdint>

namespace veloce {

// One aggregated candle as the chart shows it: a bucket of bars starting at `t` (UTC ms, aligned
// to the bucket width). Plain value; the chart keeps arrays of these.
struct Candle
{
    std::int64_t t = 0;
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    double volume = 0;
};

} // namespace veloce
