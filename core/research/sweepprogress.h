#pragma once

#include <cstdint>

namespace veloce {

// Where a sweep or walk-forward stands, for progress bars: a plain value handed to the progress
// callback (on the thread that called run(), at most ~10 times a second).
struct SweepProgress
{
    std::int64_t runsDone = 0; // configuration runs finished
    std::int64_t runsTotal = 0;
    double fraction = 0; // of the bar work, 0..1
    double elapsedMs = 0;
    double etaMs = -1; // -1 until there is enough to estimate
};

} // namespace veloce
