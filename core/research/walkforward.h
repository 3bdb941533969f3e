#pragma once

#include "research/marketdata.h"
#include "research/objective.h"
#include "research/sweepplan.h"
#include "research/sweeprunner.h"
#include "research/walkforwardresult.h"

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace veloce {

class BacktestSink;

// Walk-forward analysis (docs/research.md §4): windows of `train` then `test` bar time, moved by
// `step`; in each, every configuration of the plan runs on the train span (one SweepRunner pass
// covers all windows, so bars and score streams are shared as in a sweep), the best by the
// objective is chosen, and it runs on the following test span. The test spans, each with its
// chosen configuration, are then traded again as one account (capital carried over) into a sink:
// the stitched out-of-sample result folder.
//
// Scores come from the whole history before each bar (as in one long backtest), never from a
// strategy restarted at the window's start. Thread contract as Sweep::run.
class WalkForward
{
public:
    struct Options
    {
        std::int64_t trainMs = 30LL * 86400000;
        std::int64_t testMs = 7LL * 86400000;
        std::int64_t stepMs = 7LL * 86400000; // >= testMs: out-of-sample spans never overlap
        int jobs = 1;
        int blocks = 16; // PBO blocks of each window's in-sample choice
        Objective objective;
    };

    // (train, test) of every window over bars from firstMs to lastMs (bar times): starts at
    // firstMs, moves by step while the test span starts at or before lastMs; the last test span
    // is cut at the data's end.
    static std::vector<std::pair<TimeRange, TimeRange>> windows(
        std::int64_t firstMs, std::int64_t lastMs, const Options& options);

    // `stitchedSink` receives the stitched out-of-sample run (it may want bars). Throws what the
    // workers throw.
    static WalkForwardResult run(const SweepPlan& plan, const std::shared_ptr<const MarketData>& market,
        const Options& options, BacktestSink& stitchedSink, const std::atomic<bool>* cancel = nullptr,
        SweepRunner::Progress progress = {});

private:
    static BacktestSummary stitch(const SweepPlan& plan, const MarketData& market,
        const std::vector<WalkForwardWindow>& windows, BacktestSink& sink);
};

} // namespace veloce
