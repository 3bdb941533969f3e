#pragma once

#include "types/bar.h"

#include <cmath>
#include <cstdint>

namespace veloce::BarLimits {

// What a bar may hold (docs/input-rules.md). Wide enough for any traded instrument -- 1e-12 is far
// below the cheapest meme coin, 1e12 far above any price quoted in USDT -- and narrow enough that
// the account arithmetic (quantity = equity / price, P&L = quantity x price move, sums of squares
// in the rolling windows) stays finite: a price of 1e308 once wrote "inf,-nan" into equity.csv.
inline constexpr double kMinPrice = 1e-12;
inline constexpr double kMaxPrice = 1e12;
// Per bar or per trade, in the base asset.
inline constexpr double kMaxVolume = 1e15;

inline bool priceInRange(double p)
{
    return p >= kMinPrice && p <= kMaxPrice;
}
inline bool volumeInRange(double v)
{
    return v >= 0 && v <= kMaxVolume;
}

// What is wrong with a bar from a source that does not check field by field (InfluxDB), or
// nullptr when nothing is. The CSV readers name the field and line themselves.
inline const char* violation(const Bar& b)
{
    if (!priceInRange(b.open) || !priceInRange(b.high) || !priceInRange(b.low) || !priceInRange(b.close))
        return "a price outside the supported range [1e-12, 1e12]";
    if (b.high < b.low || b.high < b.open || b.high < b.close || b.low > b.open || b.low > b.close)
        return "high below low, open or close (or low above them)";
    if (!volumeInRange(b.vbuy) || !volumeInRange(b.vsell))
        return "a volume outside the supported range [0, 1e15]";
    return nullptr;
}

// Times since 1970 are accepted in seconds, milliseconds, microseconds or nanoseconds and told
// apart by magnitude. Each unit gets one band of dates from 2001-09-09T01:46:40Z (1e9 s) on;
// the bands do not overlap and leave gaps between them, so no value is plausible in two units:
//   seconds      [1e9,  1e10)  2001-09-09 .. 2286-11-20
//   milliseconds [1e12, 1e13)  2001-09-09 .. 2286-11-20
//   microseconds [1e15, 1e16)  2001-09-09 .. 2286-11-20
//   nanoseconds  [1e18, 2^63)  2001-09-09 .. 2262-04-11
// Anything else (1970s milliseconds, a negative time, a time in minutes) is refused.
inline bool timeToMs(std::int64_t raw, std::int64_t& ms)
{
    if (raw >= 1'000'000'000 && raw < 10'000'000'000)
        ms = raw * 1000;
    else if (raw >= 1'000'000'000'000 && raw < 10'000'000'000'000)
        ms = raw;
    else if (raw >= 1'000'000'000'000'000 && raw < 10'000'000'000'000'000)
        ms = raw / 1000;
    else if (raw >= 1'000'000'000'000'000'000)
        ms = raw / 1'000'000;
    else
        return false;
    return true;
}

} // namespace veloce::BarLimits
