#include "research/walkforward.h"

#include "engine/backtester.h"
#include "engine/barprocessor.h"
#include "research/sweep.h"
#include "research/sweepanalysis.h"
#include "types/configjson.h"

#include <QElapsedTimer>
#include <cmath>

namespace veloce {

namespace {
constexpr double kYearMs = 365.0 * 86400000.0;

double annualised(double totalReturn, std::int64_t spanMs)
{
    if (spanMs <= 0 || totalReturn <= -1)
        return totalReturn <= -1 ? -1.0 : 0.0;
    return std::pow(1 + totalReturn, kYearMs / static_cast<double>(spanMs)) - 1;
}
} // namespace

std::vector<std::pair<TimeRange, TimeRange>> WalkForward::windows(
    std::int64_t firstMs, std::int64_t lastMs, const Options& o)
{
    std::vector<std::pair<TimeRange, TimeRange>> out;
    if (o.trainMs <= 0 || o.testMs <= 0 || o.stepMs <= 0)
        return out;
    for (std::int64_t s = firstMs; s + o.trainMs <= lastMs; s += o.stepMs) {
        TimeRange train { s, s + o.trainMs };
        TimeRange test { s + o.trainMs, std::min(s + o.trainMs + o.testMs, lastMs + 1) };
        out.emplace_back(train, test);
    }
    return out;
}

WalkForwardResult WalkForward::run(const SweepPlan& plan, const std::shared_ptr<const MarketData>& market,
    const Options& options, BacktestSink& stitchedSink, const std::atomic<bool>* cancel,
    SweepRunner::Progress progress)
{
    QElapsedTimer clock;
    clock.start();
    WalkForwardResult result;
    result.grid = plan.grid();
    result.baseConfig = ConfigJson::toJson(plan.base(), true);
    result.objective = options.objective;
    result.market = Sweep::describe(*market);
    result.trainMs = options.trainMs;
    result.testMs = options.testMs;
    result.stepMs = options.stepMs;
    result.jobs = options.jobs;

    const auto spans = windows(market->startMs(), market->endMs(), options);
    std::vector<TimeRange> ranges;
    for (const auto& [train, test] : spans) {
        ranges.push_back(train);
        ranges.push_back(test);
    }
    SweepRunner runner(plan, { market });
    runner.setJobs(options.jobs);
    runner.setBlocks(options.blocks);
    runner.setRanges(ranges);
    runner.setCancelFlag(cancel);
    runner.setProgress(std::move(progress));
    const std::vector<RunResult> runs = runner.run();
    result.cancelled = runner.cancelled();
    if (result.cancelled)
        return result;

    double inSampleSum = 0;
    for (std::size_t w = 0; w < spans.size(); ++w) {
        WalkForwardWindow window;
        window.train = spans[w].first;
        window.test = spans[w].second;
        std::size_t best = 0;
        for (std::size_t c = 1; c < runner.members().size(); ++c)
            if (options.objective.better(options.objective.value(runs[runner.index(c, 0, 2 * w)].summary),
                    options.objective.value(runs[runner.index(best, 0, 2 * w)].summary)))
                best = c;
        window.config = runner.members()[best];
        std::vector<SweepAnalysis::Trial> trials;
        for (std::size_t c = 0; c < runner.members().size(); ++c) {
            const RunResult& run = runs[runner.index(c, 0, 2 * w)];
            trials.push_back({ &run.summary, &run.returns });
        }
        window.inSampleCheck = SweepAnalysis::check(trials, best, options.jobs);
        window.inSample = runs[runner.index(best, 0, 2 * w)].summary;
        window.outOfSample = runs[runner.index(best, 0, 2 * w + 1)].summary;
        window.inSampleObjective = options.objective.value(window.inSample);
        window.outOfSampleObjective = options.objective.value(window.outOfSample);
        window.inSampleAnnualReturn
            = annualised(window.inSample.totalReturn, window.train.toMs - window.train.fromMs);
        window.outOfSampleAnnualReturn
            = annualised(window.outOfSample.totalReturn, window.test.toMs - window.test.fromMs);
        if (window.inSampleAnnualReturn > 0)
            window.efficiency = window.outOfSampleAnnualReturn / window.inSampleAnnualReturn;
        inSampleSum += window.inSampleAnnualReturn;
        result.windows.push_back(window);
    }
    result.stitched = stitch(plan, *market, result.windows, stitchedSink);
    std::int64_t testSpan = 0;
    for (const WalkForwardWindow& w : result.windows)
        testSpan += w.test.toMs - w.test.fromMs;
    result.stitchedAnnualReturn = annualised(result.stitched.totalReturn, testSpan);
    // The out-of-sample side is the chained account's return, not the mean of the windows' own
    // annualised returns: compounding one lucky week to a year would outweigh every other window.
    const double inSampleMean
        = result.windows.empty() ? 0.0 : inSampleSum / static_cast<double>(result.windows.size());
    if (inSampleMean > 0)
        result.efficiency = result.stitchedAnnualReturn / inSampleMean;
    result.elapsedMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    return result;
}

BacktestSummary WalkForward::stitch(const SweepPlan& plan, const MarketData& market,
    const std::vector<WalkForwardWindow>& windows, BacktestSink& sink)
{
    QElapsedTimer clock;
    clock.start();
    BacktestSummary summary;
    if (windows.empty())
        return summary;
    BarProcessor processor(plan.config(windows.front().config), sink);
    std::size_t scoredUpTo = 0; // bars the strategy has seen
    for (std::size_t w = 0; w < windows.size(); ++w) {
        if (w > 0) {
            processor.closeAll(ExitReason::End); // the window's end, as in its own out-of-sample run
            if (!processor.reconfigure(plan.config(windows[w].config)))
                scoredUpTo = 0; // other indicator keys: rebuild the history from the start
        }
        const std::size_t begin = market.lowerBound(windows[w].test.fromMs);
        const std::size_t end = market.lowerBound(windows[w].test.toMs);
        for (; scoredUpTo < begin; ++scoredUpTo)
            processor.warmUp(market.bars[scoredUpTo]);
        for (std::size_t i = begin; i < end; ++i)
            processor.process(market.bars[i]);
        scoredUpTo = std::max(scoredUpTo, end);
    }
    Backtester::finish(processor, summary, market.symbol, static_cast<double>(clock.nsecsElapsed()) / 1e6);
    return summary;
}

} // namespace veloce
