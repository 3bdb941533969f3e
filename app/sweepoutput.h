#pragma once

#include "research/marketdata.h"
#include "research/sweepplan.h"
#include "research/sweepprogress.h"
#include "research/sweepresult.h"

#include <QString>
#include <memory>
#include <vector>

namespace veloce {

// The end of every sweep command (local, merged shards, Slurm): the sweep folder (SweepFolder),
// the best configuration's complete result folder in best/ (best/<market>/ with several markets),
// written by the ordinary backtest path over the bars already in memory, and the summary on stdout.
class SweepOutput
{
public:
    static void write(const SweepResult& result, const SweepPlan& plan,
        const std::vector<std::shared_ptr<const MarketData>>& markets, const QString& dir);
    // One progress line on stderr at most every second (a carriage return on a terminal).
    static void printProgress(const QString& what, const SweepProgress& progress);
};

} // namespace veloce
