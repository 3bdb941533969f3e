#include "portfolio/metrics.h"

#include <cmath>

namespace veloce {

Metrics::Metrics(double initialCapital)
    : m_initial(initialCapital)
    , m_peak(initialCapital)
{
}

void Metrics::onTrade(const Trade& trade)
{
    ++m_trades;
    if (trade.pnl > 0) {
        ++m_wins;
        m_grossWin += trade.pnl;
    } else if (trade.pnl < 0) {
        ++m_losses;
        m_grossLoss += trade.pnl;
    }
}

void Metrics::onSignal(bool accepted)
{
    ++m_signals;
    m_rejected += !accepted;
}

void Metrics::finish(double finalEquity, BacktestSummary& out) const
{
    // The last minute's sample is the final equity after the end-of-data closes.
    Metrics copy = *this;
    if (copy.m_minute != INT64_MIN)
        copy.addSample(finalEquity);

    out.startMs = m_firstMs;
    out.endMs = m_lastMs;
    out.bars = m_bars;
    out.initialCapital = m_initial;
    out.finalEquity = finalEquity;
    out.totalReturn = finalEquity / m_initial - 1.0;
    out.totalTrades = m_trades;
    out.winningTrades = m_wins;
    out.losingTrades = m_losses;
    out.winRate = m_trades > 0 ? static_cast<double>(m_wins) / static_cast<double>(m_trades) : 0.0;
    out.maxDrawdown = m_maxDrawdown;
    out.profitFactor.reset();
    if (m_grossLoss < 0)
        out.profitFactor = m_grossWin / std::fabs(m_grossLoss);

    out.sharpeRatio = 0;
    out.sortinoRatio.reset();
    const double n = static_cast<double>(copy.m_returns);
    const double mean = copy.m_returns > 0 ? copy.m_shift + copy.m_sum / n : 0.0;
    if (copy.m_returns >= 2) {
        const double variance = (copy.m_sumSq - copy.m_sum * copy.m_sum / n) / (n - 1);
        if (variance > 0)
            out.sharpeRatio = mean / std::sqrt(variance) * std::sqrt(kMinutesPerYear);
    }
    if (copy.m_returns >= 1) {
        const double downside = std::sqrt(copy.m_downsideSq / n);
        if (downside > 0)
            out.sortinoRatio = mean / downside * std::sqrt(kMinutesPerYear);
    }
    out.exposure = m_bars > 0 ? static_cast<double>(m_exposedBars) / static_cast<double>(m_bars) : 0.0;
    for (int i = 0; i < PhaseScores::Count; ++i) {
        std::int64_t active = 0;
        for (std::size_t mask = 0; mask < kMaskCount; ++mask)
            active += (mask >> i) & 1u ? m_phaseMasks[mask] : 0;
        out.phaseActivity[i] = m_bars > 0 ? static_cast<double>(active) / static_cast<double>(m_bars) : 0.0;
    }
    out.signalCount = m_signals;
    out.rejectedSignals = m_rejected;
}

} // namespace veloce
