#pragma once

#include "engine/backtestsink.h"
#include "research/returnsummary.h"

#include <cstdint>

namespace veloce {

// A BacktestSink that turns a run's equity rows into its ReturnSummary. The engine emits one row per
// UTC minute with a bar (that minute's last bar) and the final equity: exactly the samples of
// sharpe_ratio, so these are the same returns. Return j of `returns` falls into block
// j * blocks / returns: equal-sized blocks in time order, the same for every configuration run
// over the same bars. Constant work per row, no allocation after construction.
class ReturnCollector final : public BacktestSink
{
public:
    // `returns`: minutes with a bar minus one (MarketData::minutes - 1).
    ReturnCollector(std::int64_t returns, int blocks);

    void onEquity(const EquityPoint& point) override;
    const ReturnSummary& summary() const { return m_summary; }

private:
    ReturnSummary m_summary;
    std::int64_t m_returns;
    std::int64_t m_seen = 0; // returns so far
    std::int64_t m_nextBoundary = 0; // first return of the next block
    std::size_t m_block = 0;
    double m_last = 0;
    bool m_hasLast = false;
};

} // namespace veloce
