#pragma once

#include "types/backtestsummary.h"
#include "types/phasescores.h"
#include "types/trade.h"

#include <cstdint>

namespace veloce {

// Running performance statistics of docs/strategy.md §6, O(1) per bar and without storing the
// series: drawdown over every bar, Sharpe/Sortino over per-minute equity samples (online mean
// and variance), exposure and per-phase activity.
class Metrics
{
public:
    explicit Metrics(double initialCapital);

    // After step 5 of a bar. Returns true when `t` starts a new UTC minute, i.e. the previous
    // minute's last sample was just committed (callers emit their per-minute equity row then).
    bool onBar(std::int64_t t, double equity, bool exposed, const PhaseScores& scores);
    void onTrade(const Trade& trade);
    void onSignal(bool accepted);

    double peak() const { return m_peak; }
    double drawdown() const { return m_drawdown; }
    double maxDrawdown() const { return m_maxDrawdown; }
    std::int64_t bars() const { return m_bars; }

    // Fills every field but symbol, elapsedMs and barsPerSecond. `finalEquity` is the cash after
    // the end-of-data closes; it replaces the last minute's sample.
    void finish(double finalEquity, BacktestSummary& out) const;

private:
    void addSample(double equity);

    double m_initial;
    double m_peak;
    double m_drawdown = 0;
    double m_maxDrawdown = 0;
    std::int64_t m_bars = 0;
    std::int64_t m_exposedBars = 0;
    std::int64_t m_phaseActive[PhaseScores::Count] = { 0, 0, 0, 0, 0 };
    std::int64_t m_firstMs = 0;
    std::int64_t m_lastMs = 0;

    // Per-minute equity samples: the pending one is the latest bar of the current minute.
    std::int64_t m_minute = INT64_MIN;
    std::int64_t m_minuteStartMs = INT64_MAX; // start of m_minute; INT64_MAX: none yet
    double m_pending = 0;
    bool m_hasSample = false;
    double m_lastSample = 0;
    std::int64_t m_returns = 0;
    double m_meanReturn = 0;
    double m_m2 = 0;
    double m_downsideSq = 0;

    std::int64_t m_trades = 0;
    std::int64_t m_wins = 0;
    std::int64_t m_losses = 0;
    double m_grossWin = 0;
    double m_grossLoss = 0;
    std::int64_t m_signals = 0;
    std::int64_t m_rejected = 0;
};

} // namespace veloce
