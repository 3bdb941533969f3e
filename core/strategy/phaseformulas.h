#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

// The scoring formulas of docs/strategy.md §2 and the sizing table of §3 as pure functions of window
// statistics, so that each can be pinned by hand-computed rows in tests. Strategy feeds them from
// its O(1) rolling windows. Inline: they run on every bar of the hot loop.
namespace veloce::PhaseFormulas {

// Squeeze test (strict): Bollinger band inside the Keltner band. kcHalfWidth is
// range * mult_kc / 2 (range form) or mult_kc * atr_L (ATR form).
inline bool inSqueeze(double mean, double sd, double multBb, double kcHalfWidth)
{
    const double bbUpper = mean + multBb * sd;
    const double bbLower = mean - multBb * sd;
    const double kcUpper = mean + kcHalfWidth;
    const double kcLower = mean - kcHalfWidth;
    return bbLower > kcLower && bbUpper < kcUpper;
}

// min(3, floor(elapsed seconds) / 60), from bar times, never the wall clock.
inline double squeezeScore(std::int64_t squeezeStartMs, std::int64_t nowMs)
{
    // Whole seconds of bar time; the blueprint's timedelta.seconds wrapped after a day.
    const double seconds = std::floor(static_cast<double>(nowMs - squeezeStartMs) / 1000.0);
    return std::min(3.0, seconds / 60.0);
}

// pt = price change over the window, vt = newer-half / older-half volume change.
inline double divergenceVolumeTrend(double newerSum, double olderSum, bool olderIsZero)
{
    return olderIsZero ? 0.0 : newerSum / olderSum - 1.0;
}

inline double divergenceScore(double pt, double vt)
{
    if ((pt > 0.01 && vt < -0.1) || (pt < -0.01 && vt > 0.1))
        return std::min(3.0, std::fabs(vt) * 10.0);
    return 0.0;
}

// a = (r[10]-r[0])/r[0], b = (r[19]-r[10])/r[10]; 2 when both exceed 0.5 % in opposite directions.
inline double resetScore(double r0, double r10, double r19)
{
    const double a = (r10 - r0) / r0;
    const double b = (r19 - r10) / r10;
    return (std::fabs(a) > 0.005 && std::fabs(b) > 0.005 && a * b < 0) ? 2.0 : 0.0;
}

// min(1.5, |m| * 100) with m the relative change over 10 closes.
inline double momentumScore(double first, double last)
{
    const double m = (last - first) / first;
    return std::min(1.5, std::fabs(m) * 100.0);
}

// Spike of the current volume over the mean of the 49 before it.
inline double volumeScore(double previousAvg, bool previousAllZero, double current)
{
    if (previousAllZero)
        return current > 0 ? 1.5 : 0.0; // cur > 2 * 0 holds for any positive volume
    if (current > 2.0 * previousAvg)
        return std::min(1.5, current / previousAvg - 1.0);
    return 0.0;
}

inline double totalScore(double squeeze, double divergence, double reset, double momentum, double volume)
{
    return std::min(10.0, squeeze + divergence + reset + momentum + volume);
}

} // namespace veloce::PhaseFormulas
