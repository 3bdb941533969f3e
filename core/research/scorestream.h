#pragma once

#include "strategy/scoredbar.h"
#include "types/config.h"

#include <atomic>
#include <memory>
#include <span>
#include <vector>

namespace veloce {

struct MarketData;

// Step 3 of docs/strategy.md §4 for every bar of one market under one indicator setting: computed
// once by the ordinary Strategy, then shared read-only (shared_ptr<const ScoreStream>) by every
// configuration of the score group, whose portfolios alone run per configuration
// (Backtester::runLockstep over bars and scores). 24 bytes a bar.
class ScoreStream
{
public:
    // `scoring`: the group's SweepPlan::ScoreGroup::scoring. Returns null if `cancel` was set.
    static std::shared_ptr<const ScoreStream> compute(
        const MarketData& market, const Config& scoring, const std::atomic<bool>* cancel = nullptr);

    std::span<const ScoredBar> scored() const { return m_scored; }

private:
    std::vector<ScoredBar> m_scored;
};

} // namespace veloce
