#pragma once

#include <cstdint>

// The scoring formulas of STRATEGY.md §2 and the sizing table of §3 as pure functions of window
// statistics, so that each can be pinned by hand-computed rows in tests. Strategy feeds them from
// its O(1) rolling windows.
namespace veloce::PhaseFormulas {

// Squeeze test (strict): Bollinger band inside the Keltner band. kcHalfWidth is
// range * mult_kc / 2 (range form) or mult_kc * atr_L (ATR form).
bool inSqueeze(double mean, double sd, double multBb, double kcHalfWidth);

// min(3, floor(elapsed seconds) / 60), from bar times, never the wall clock.
double squeezeScore(std::int64_t squeezeStartMs, std::int64_t nowMs);

// pt = price change over the window, vt = newer-half / older-half volume change.
double divergenceVolumeTrend(double newerSum, double olderSum, bool olderIsZero);
double divergenceScore(double pt, double vt);

// a = (r[10]-r[0])/r[0], b = (r[19]-r[10])/r[10]; 2 when both exceed 0.5 % in opposite directions.
double resetScore(double r0, double r10, double r19);

// min(1.5, |m| * 100) with m the relative change over 10 closes.
double momentumScore(double first, double last);

// Spike of the current volume over the mean of the 49 before it.
double volumeScore(double previousAvg, bool previousAllZero, double current);

double totalScore(double squeeze, double divergence, double reset, double momentum, double volume);

} // namespace veloce::PhaseFormulas
