#include "portfolio/metrics.h"

#include <cmath>

namespace veloce {

namespace {
constexpr double kMinutesPerYear = 525600.0; // 24/7 market
std::int64_t minuteOf(std::int64_t t)
{
    // floor division: bar times before 1970 are not expected, but stay correct anyway
    return t >= 0 ? t / 60000 : (t - 59999) / 60000;
}
} // namespace

Metrics::Metrics(double initialCapital)
    : m_initial(initialCapital)
    , m_peak(initialCapital)
{
}

bool Metrics::onBar(std::int64_t t, double equity, bool exposed, const PhaseScores& scores)
{
    if (m_bars == 0)
        m_firstMs = t;
    m_lastMs = t;
    ++m_bars;
    m_exposedBars += exposed;
    // Unrolled by hand: this runs on every bar, and the compiler keeps phase(i)'s switch.
    m_phaseActive[0] += scores.squeeze > 0;
    m_phaseActive[1] += scores.divergence > 0;
    m_phaseActive[2] += scores.reset > 0;
    m_phaseActive[3] += scores.momentum > 0;
    m_phaseActive[4] += scores.volume > 0;

    if (equity > m_peak)
        m_peak = equity;
    m_drawdown = (m_peak - equity) / m_peak;
    if (m_drawdown > m_maxDrawdown)
        m_maxDrawdown = m_drawdown;

    // Most bars fall in the minute of the previous one: a range check spares the 64-bit
    // division (a measurable share of the per-bar budget at 20 M bars/s).
    bool newMinute = false;
    if (t < m_minuteStartMs || t >= m_minuteStartMs + 60000) {
        const std::int64_t minute = minuteOf(t);
        newMinute = minute != m_minute && m_minute != INT64_MIN;
        if (newMinute)
            addSample(m_pending);
        m_minute = minute;
        m_minuteStartMs = minute * 60000;
    }
    m_pending = equity;
    return newMinute;
}

void Metrics::addSample(double equity)
{
    if (m_hasSample) {
        const double r = equity / m_lastSample - 1.0;
        ++m_returns;
        const double delta = r - m_meanReturn;
        m_meanReturn += delta / static_cast<double>(m_returns);
        m_m2 += delta * (r - m_meanReturn);
        const double down = r < 0 ? r : 0.0;
        m_downsideSq += down * down;
    }
    m_lastSample = equity;
    m_hasSample = true;
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
    if (copy.m_returns >= 2) {
        const double sd = std::sqrt(copy.m_m2 / static_cast<double>(copy.m_returns - 1));
        if (sd > 0)
            out.sharpeRatio = copy.m_meanReturn / sd * std::sqrt(kMinutesPerYear);
    }
    if (copy.m_returns >= 1) {
        const double downside = std::sqrt(copy.m_downsideSq / static_cast<double>(copy.m_returns));
        if (downside > 0)
            out.sortinoRatio = copy.m_meanReturn / downside * std::sqrt(kMinutesPerYear);
    }
    out.exposure = m_bars > 0 ? static_cast<double>(m_exposedBars) / static_cast<double>(m_bars) : 0.0;
    for (int i = 0; i < PhaseScores::Count; ++i)
        out.phaseActivity[i]
            = m_bars > 0 ? static_cast<double>(m_phaseActive[i]) / static_cast<double>(m_bars) : 0.0;
    out.signalCount = m_signals;
    out.rejectedSignals = m_rejected;
}

} // namespace veloce
