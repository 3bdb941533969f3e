#include "research/sweep.h"

#include "research/sweepanalysis.h"
#include "types/configjson.h"

#include <QElapsedTimer>
#include <algorithm>

namespace veloce {

SweepMarket Sweep::describe(const MarketData& market)
{
    SweepMarket m;
    m.label = market.label;
    m.source = market.source;
    m.symbol = market.symbol;
    m.fileSha256 = market.fileSha256;
    m.barsSha256 = market.barsSha256;
    m.bars = static_cast<std::int64_t>(market.bars.size());
    m.startMs = market.startMs();
    m.endMs = market.endMs();
    return m;
}

SweepResult Sweep::run(const SweepPlan& plan, const std::vector<std::shared_ptr<const MarketData>>& markets,
    const Options& options, const std::atomic<bool>* cancel, SweepRunner::Progress progress)
{
    QElapsedTimer clock;
    clock.start();
    SweepRunner runner(plan, markets);
    runner.setJobs(options.jobs);
    runner.setBlocks(options.blocks);
    if (!options.members.empty()) {
        std::vector<std::int64_t> members = options.members;
        std::sort(members.begin(), members.end());
        runner.setMembers(std::move(members));
    }
    runner.setCancelFlag(cancel);
    runner.setProgress(std::move(progress));
    std::vector<RunResult> runs = runner.run();

    SweepResult result;
    result.grid = plan.grid();
    result.baseConfig = ConfigJson::toJson(plan.base(), true);
    result.objective = options.objective;
    result.blocks = options.blocks;
    result.jobs = options.jobs;
    for (const auto& m : markets)
        result.markets.push_back(describe(*m));
    // A cancelled sweep keeps the configurations that finished on every market.
    for (std::size_t c = 0; c < runner.members().size(); ++c) {
        bool complete = true;
        for (std::size_t m = 0; m < markets.size(); ++m)
            complete = complete && runs[runner.index(c, m, 0)].done;
        if (!complete)
            continue;
        result.configs.push_back(runner.members()[c]);
        for (std::size_t m = 0; m < markets.size(); ++m) {
            RunResult& run = runs[runner.index(c, m, 0)];
            result.rows.push_back({ runner.members()[c], m, std::move(run.summary), std::move(run.returns) });
        }
    }
    result.cancelled = runner.cancelled();
    SweepAnalysis::complete(result);
    result.elapsedMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace veloce
