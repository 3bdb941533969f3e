#pragma once

#include "research/grid.h"
#include "research/objective.h"
#include "research/runresult.h"
#include "research/sweepresult.h"
#include "types/backtestsummary.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace veloce {

// One walk-forward window: the configuration that was best in sample, and how it did out of sample.
struct WalkForwardWindow
{
    TimeRange train; // [from, to) in bar time
    TimeRange test;
    std::int64_t config = -1; // grid index chosen on `train`
    BacktestSummary inSample; // the chosen configuration on train
    BacktestSummary outOfSample; // the same configuration on test alone, from initial_capital
    std::optional<double> inSampleObjective;
    std::optional<double> outOfSampleObjective;
    double inSampleAnnualReturn = 0; // (1 + total_return)^(year / span) - 1
    double outOfSampleAnnualReturn = 0;
    // out-of-sample / in-sample annualised return; null when the in-sample one is <= 0
    std::optional<double> efficiency;
    // The overfitting check of the in-sample choice among every configuration on `train`.
    OverfittingCheck inSampleCheck;
};

// The outcome of a walk-forward analysis (docs/research.md §4): an immutable value, like SweepResult.
struct WalkForwardResult
{
    Grid grid;
    nlohmann::json baseConfig;
    Objective objective;
    SweepMarket market;
    std::int64_t trainMs = 0;
    std::int64_t testMs = 0;
    std::int64_t stepMs = 0;
    std::vector<WalkForwardWindow> windows;
    // The out-of-sample windows chained into one account (each window's chosen configuration
    // trading its test span, capital carried over, positions closed at every window's end).
    BacktestSummary stitched;
    double stitchedAnnualReturn = 0;
    // Walk-forward efficiency: stitchedAnnualReturn over the mean in-sample annualised return of
    // the windows; null when the latter is <= 0 (the ratio then says nothing).
    std::optional<double> efficiency;
    double elapsedMs = 0;
    int jobs = 1;
    bool cancelled = false;
};

} // namespace veloce
