#pragma once

#include "research/marketdata.h"
#include "research/objective.h"
#include "research/sweepplan.h"
#include "research/sweepresult.h"
#include "research/sweeprunner.h"

#include <atomic>
#include <memory>
#include <vector>

namespace veloce {

// A complete local sweep (docs/research.md): SweepRunner over every configuration of the plan (or
// a shard's slice of it), then SweepAnalysis. The entry point for the CLI and the Optimizer view.
//
// Thread contract: run() blocks its calling thread (a worker thread in the GUI) and starts
// `jobs` threads of its own; `progress` is called on the calling thread; `cancel` may be set from
// any thread, and a cancelled sweep returns the runs that finished with `cancelled` set.
class Sweep
{
public:
    struct Options
    {
        int jobs = 1;
        int blocks = 16; // PBO blocks
        Objective objective;
        std::vector<std::int64_t> members; // grid indices; empty = all
    };

    static SweepResult run(const SweepPlan& plan,
        const std::vector<std::shared_ptr<const MarketData>>& markets, const Options& options,
        const std::atomic<bool>* cancel = nullptr, SweepRunner::Progress progress = {});
    // A market as sweep.json describes it.
    static SweepMarket describe(const MarketData& market);
};

} // namespace veloce
