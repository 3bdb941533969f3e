#pragma once

#include "types/bar.h"

#include <cstdint>
#include <vector>

// Bar sequences whose scores are worked out by hand in the tests' comments (docs/strategy.md §2-3).
namespace TestBars {

// 2025-10-01T00:00:00Z, a UTC minute boundary.
inline constexpr std::int64_t kT0 = 1759276800000;

// A bar with open = high = low = close; the volume is all taker-buy unless `sell` is given.
inline veloce::Bar bar(std::int64_t t, double close, double buy = 1.0, double sell = 0.0)
{
    veloce::Bar b;
    b.t = t;
    b.open = b.high = b.low = b.close = close;
    b.vbuy = buy;
    b.vsell = sell;
    return b;
}

// A bar whose high/low lie `halfRange` above/below the close (for true ranges).
inline veloce::Bar wideBar(std::int64_t t, double close, double halfRange, double volume = 1.0)
{
    veloce::Bar b = bar(t, close, volume);
    b.high = close + halfRange;
    b.low = close - halfRange;
    return b;
}

// Bars at kT0, kT0 + spacing, ... with the given closes and a volume of 1.
inline std::vector<veloce::Bar> fromCloses(const std::vector<double>& closes, std::int64_t spacingMs = 1000)
{
    std::vector<veloce::Bar> out;
    out.reserve(closes.size());
    for (std::size_t i = 0; i < closes.size(); ++i)
        out.push_back(bar(kT0 + static_cast<std::int64_t>(i) * spacingMs, closes[i]));
    return out;
}

// The "reversal" pattern: `count` bars (count >= 40), index N = count - 1 is the last one.
//   close[i] = 100 for i <= N-19,  close[i] = mid for N-18 <= i <= N-1,  close[N] = 100,
//   every volume 1 except the last bar's `lastVolume`, bars `spacingMs` apart.
// Worked out by hand (mid = 102; mid = 98 mirrors every sign):
// - At N the 20-close window is {100, mid x18, 100}: mean 101.8, population variance
//   (2 * 1.8^2 + 18 * 0.2^2) / 20 = 0.36, sd 0.6, range 2. Range Keltner half-width
//   2 * 1.5 / 2 = 1.5 > Bollinger half-width 2 * 0.6 = 1.2 -> in squeeze.
//   With k bars of 100 in the window (and 20-k of mid) sd = 2 * sqrt(k(20-k)) / 20, so the window
//   is in squeeze iff 4 * sqrt(k(20-k)) / 20 < 1.5 iff k(20-k) < 56.25 iff k <= 3 or k >= 17.
//   Windows at N-1 (k = 2) and N-2 (k = 3) are in, N-3 (k = 4) is out: the squeeze starts at
//   bar N-2, so at N its score is min(3, floor(2 * spacing / 1000 s) / 60).
// - Reset at N: r0 = close[N-19] = 100, r10 = close[N-9] = mid, r19 = 100:
//   a = +0.02, b = -2/102 = -0.0196 (opposite signs, both > 0.005) -> 2.
// - Momentum at N: p0 = close[N-9] = mid, p = 100: |m| = 2/102 = 0.0196 -> min(1.5, 1.96) = 1.5;
//   falling (mid 102) -> SHORT, rising (mid 98) -> LONG.
// - Signal ATR at N: 2 * sd = 1.2. SHORT at 100: stop 100 + 2.4 = 102.4, target 100 - 4.8 = 95.2.
// - Before N: reset is 0 (b = 0 while close[i] = close[i-9]), momentum is 1.5 only on N-18..N-10,
//   and squeeze is in only on N-18..N-16 (k = 19, 18, 17) and N-2..N. With 15 s spacing the
//   largest total before N is 0.5 + 1.5 = 2.0 (bar N-16): the only signal is at bar N.
inline std::vector<veloce::Bar> reversal(
    int count, double mid, std::int64_t spacingMs, double lastVolume = 1.0)
{
    const int n = count - 1;
    std::vector<veloce::Bar> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const double close = (i <= n - 19 || i == n) ? 100.0 : mid;
        out.push_back(bar(kT0 + i * spacingMs, close, i == n ? lastVolume : 1.0));
    }
    return out;
}

} // namespace TestBars
