#pragma once

#include "types/backtestsummary.h"
#include "types/phasescores.h"
#include "types/trade.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace veloce {

// Running performance statistics of docs/strategy.md §6, O(1) per bar and without storing the
// series: drawdown over every bar, Sharpe/Sortino over per-minute equity samples, exposure and
// per-phase activity. The per-bar part is inline: it runs once per bar and configuration, the
// whole per-bar cost of a parameter sweep's portfolio runs.
class Metrics
{
public:
    // sharpe_ratio and sortino_ratio are per-minute ratios annualised by sqrt of this (24/7 market).
    static constexpr double kMinutesPerYear = 525600.0;

    explicit Metrics(double initialCapital);

    // The UTC minute of a bar time (floor division): equity is sampled once per minute with a bar.
    static std::int64_t minuteOf(std::int64_t t) { return t >= 0 ? t / 60000 : (t - 59999) / 60000; }

    // After step 5 of a bar. Returns true when `t` starts a new UTC minute, i.e. the previous
    // minute's last sample was just committed (callers emit their per-minute equity row then).
    // `activePhases`: bit i set when phase i scored > 0 on this bar (PhaseScores::activeMask()).
    inline bool onBar(std::int64_t t, double equity, bool exposed, std::uint8_t activePhases);
    bool onBar(std::int64_t t, double equity, bool exposed, const PhaseScores& scores)
    {
        return onBar(t, equity, exposed, scores.activeMask());
    }
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
    inline void addSample(double equity);

    double m_initial;
    double m_peak;
    double m_drawdown = 0;
    double m_maxDrawdown = 0;
    std::int64_t m_bars = 0;
    std::int64_t m_exposedBars = 0;
    // Bars by their set of active phases (bit i: phase i); finish() sums them per phase.
    static constexpr std::size_t kMaskCount = std::size_t(1) << PhaseScores::Count;
    std::int64_t m_phaseMasks[kMaskCount] = {};
    std::int64_t m_firstMs = 0;
    std::int64_t m_lastMs = 0;

    // Per-minute equity samples: the pending one is the latest bar of the current minute.
    std::int64_t m_minute = INT64_MIN;
    std::int64_t m_minuteStartMs = INT64_MAX; // start of m_minute; INT64_MAX: none yet
    double m_pending = 0;
    bool m_hasSample = false;
    double m_lastSample = 0;
    // The returns are summed about the first one (K): Σ (r - K) and Σ (r - K)². Plain sums keep
    // the per-sample work free of a chain of divisions (a running mean divides on every sample,
    // and with 1-minute bars every bar is a sample); the shift keeps a constant series exact (sd 0,
    // so sharpe 0) and the variance precise when the mean is far from 0.
    std::int64_t m_returns = 0;
    double m_shift = 0;
    double m_sum = 0;
    double m_sumSq = 0;
    double m_downsideSq = 0;

    std::int64_t m_trades = 0;
    std::int64_t m_wins = 0;
    std::int64_t m_losses = 0;
    double m_grossWin = 0;
    double m_grossLoss = 0;
    std::int64_t m_signals = 0;
    std::int64_t m_rejected = 0;
};

bool Metrics::onBar(std::int64_t t, double equity, bool exposed, std::uint8_t activePhases)
{
    if (m_bars == 0)
        m_firstMs = t;
    m_lastMs = t;
    ++m_bars;
    m_exposedBars += exposed;
    ++m_phaseMasks[activePhases & (kMaskCount - 1)]; // one count, not five: per-phase sums in finish()

    // max rather than ifs: while a position is open, whether equity makes a new peak is a coin
    // toss on every bar, which a branch predictor loses about half the time; maxsd cannot
    // mispredict. (Same values: no NaN reaches here.)
    m_peak = std::max(m_peak, equity);
    m_drawdown = (m_peak - equity) / m_peak;
    m_maxDrawdown = std::max(m_maxDrawdown, m_drawdown);

    // Most bars fall in the minute of the previous one: a range check spares the 64-bit
    // division (a measurable share of the per-bar budget at 20 M bars/s).
    bool newMinute = false;
    if (t < m_minuteStartMs || t >= m_minuteStartMs + 60000) {
        // With 1-minute bars every bar opens the next minute: no division for that either.
        const std::int64_t minute
            = t >= m_minuteStartMs && t < m_minuteStartMs + 120000 ? m_minute + 1 : minuteOf(t);
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
        if (m_returns == 0)
            m_shift = r;
        ++m_returns;
        const double d = r - m_shift;
        m_sum += d;
        m_sumSq += d * d;
        // r when negative, else 0: the sign bit spread into a mask. For std::min, ?: or any
        // arithmetic form the compiler emits a branch, and the sign of a return while exposed is a
        // coin toss the predictor loses half the time. (-0.0 stays -0.0: its square is 0 too.)
        const auto bits = std::bit_cast<std::uint64_t>(r);
        const double down
            = std::bit_cast<double>(bits & static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63));
        m_downsideSq += down * down;
    }
    m_lastSample = equity;
    m_hasSample = true;
}

} // namespace veloce
