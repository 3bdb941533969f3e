#include "research/sweepanalysis.h"

#include "portfolio/metrics.h"

#include <algorithm>
#include <cmath>

namespace veloce {

std::int64_t SweepResult::position(std::int64_t config) const
{
    const auto it = std::lower_bound(configs.begin(), configs.end(), config);
    return it != configs.end() && *it == config ? it - configs.begin() : -1;
}

void SweepAnalysis::complete(SweepResult& result)
{
    result.ranking = rank(result);
    result.best = result.ranking.empty() ? -1 : result.ranking.front().config;
    result.checks.clear();
    if (result.best < 0)
        return;
    for (std::size_t m = 0; m < result.markets.size(); ++m)
        result.checks.push_back(check(result, m));
}

std::vector<SweepRank> SweepAnalysis::rank(const SweepResult& result)
{
    const Objective& objective = result.objective;
    std::vector<SweepRank> ranks;
    ranks.reserve(result.configs.size());
    for (std::size_t c = 0; c < result.configs.size(); ++c) {
        SweepRank r;
        r.config = result.configs[c];
        std::vector<double> values;
        bool anyNull = false;
        for (std::size_t m = 0; m < result.markets.size(); ++m) {
            const std::optional<double> v = objective.value(result.row(c, m).summary);
            r.perMarket.push_back(v);
            if (v)
                values.push_back(*v);
            else
                anyNull = true;
        }
        if (!values.empty()) {
            // "Worst" in the objective's own direction; the median of the numbers there are.
            std::sort(values.begin(), values.end());
            if (!anyNull)
                r.worst = objective.minimised() ? values.back() : values.front();
            const std::size_t k = values.size();
            r.median = k % 2 ? values[k / 2] : (values[k / 2 - 1] + values[k / 2]) / 2;
        }
        ranks.push_back(std::move(r));
    }
    std::stable_sort(ranks.begin(), ranks.end(), [&](const SweepRank& a, const SweepRank& b) {
        if (objective.better(a.worst, b.worst))
            return true;
        if (objective.better(b.worst, a.worst))
            return false;
        return objective.better(a.median, b.median);
    });
    return ranks;
}

OverfittingCheck SweepAnalysis::check(const SweepResult& result, std::size_t market)
{
    std::vector<Trial> trials;
    for (std::size_t c = 0; c < result.configs.size(); ++c)
        trials.push_back({ &result.row(c, market).summary, &result.row(c, market).returns });
    OverfittingCheck out = check(trials, static_cast<std::size_t>(result.position(result.best)), result.jobs);
    out.market = market;
    return out;
}

OverfittingCheck SweepAnalysis::check(const std::vector<Trial>& trials, std::size_t best, int jobs)
{
    OverfittingCheck out;
    std::vector<double> sharpes;
    std::vector<std::vector<BlockSums>> blocks;
    for (const Trial& t : trials) {
        sharpes.push_back(t.summary->sharpeRatio / std::sqrt(Metrics::kMinutesPerYear));
        blocks.push_back(t.returns->blocks);
    }
    const Trial& chosen = trials[best];
    out.deflatedSharpe
        = DeflatedSharpe::compute(chosen.summary->sharpeRatio / std::sqrt(Metrics::kMinutesPerYear),
            chosen.returns->total().n, chosen.returns->skewness(), chosen.returns->kurtosis(),
            static_cast<std::int64_t>(trials.size()), DeflatedSharpe::variance(sharpes));
    out.overfitting = BacktestOverfitting::fromBlocks(blocks, jobs);
    return out;
}

} // namespace veloce
