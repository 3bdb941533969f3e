#pragma once

#include "research/returnsummary.h"
#include "types/backtestsummary.h"

#include <cstdint>
#include <limits>

namespace veloce {

// A half-open span of bar time [fromMs, toMs): the whole data by default, or one walk-forward window.
struct TimeRange
{
    std::int64_t fromMs = std::numeric_limits<std::int64_t>::min();
    std::int64_t toMs = std::numeric_limits<std::int64_t>::max();
};

// One configuration run over one market and time range: the summary.json numbers exactly as
// `veloce-cli backtest` computes them, and the returns behind them for the overfitting statistics.
struct RunResult
{
    BacktestSummary summary;
    ReturnSummary returns;
    bool done = false; // false: not run, or interrupted by a cancel
};

} // namespace veloce
