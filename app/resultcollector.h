#pragma once

#include "engine/backtestsink.h"
#include "types/backtestresult.h"

#include <cstddef>

namespace veloce {

// Collects a backtest into a BacktestResult for the GUI dashboard while it runs: every trade and
// equity row, signals up to kMaxSignals (the summary still counts all of them), and the bars for
// the candle chart with bounded memory: past kMaxBars they are merged into 1-minute candles, then
// 5-minute, 1-hour, 1-day ones (still exact OHLC of their span).
class ResultCollector : public BacktestSink
{
public:
    static constexpr std::size_t kMaxBars = 1'000'000; // 56 MB
    static constexpr std::size_t kMaxSignals = 2'000'000;

    void onSignal(const SignalRecord& rec) override;
    void onTrade(const Trade& trade) override;
    void onEquity(const EquityPoint& point) override;
    bool wantsBars() const override { return true; }
    void onBar(const Bar& bar, const PhaseScores& scores) override;

    // Width of the stored candles: 0 while they are the raw bars.
    std::int64_t barBucketMs() const { return m_bucketMs; }
    // Moves the collected rows into `result` (summary, source and config set by the caller).
    void takeInto(BacktestResult& result);

private:
    void coarsen();

    BacktestResult m_rows;
    std::int64_t m_bucketMs = 0;
};

} // namespace veloce
