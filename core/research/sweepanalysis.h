#pragma once

#include "research/sweepresult.h"

namespace veloce {

// Turns the rows of a sweep into its verdict: the ranking across markets, the best configuration,
// and for that configuration the deflated Sharpe ratio and the PBO on every market. Used alike by a
// local sweep and by the merge of Slurm shards, so both give the same result from the same rows.
class SweepAnalysis
{
public:
    // `result` has grid, baseConfig, objective, blocks, markets, configs and rows; fills ranking,
    // best and checks.
    static void complete(SweepResult& result);
    // The ranking alone (sweep-summary.csv's order): by the worst objective across markets, then
    // the median, then the grid order.
    static std::vector<SweepRank> rank(const SweepResult& result);

    // The overfitting check of trial `best` among `trials` (every configuration tried, on one
    // market and span): its deflated Sharpe ratio and the PBO of the selection, the latter on up
    // to `jobs` threads.
    struct Trial
    {
        const BacktestSummary* summary;
        const ReturnSummary* returns;
    };
    static OverfittingCheck check(const std::vector<Trial>& trials, std::size_t best, int jobs = 1);

private:
    static OverfittingCheck check(const SweepResult& result, std::size_t market);
};

} // namespace veloce
