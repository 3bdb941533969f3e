#pragma once

#include "data/barsource.h"
#include "data/simulatorconfig.h"
#include "data/xoshiro256.h"

namespace veloce {

// The built-in market: deterministic 1-second BTC-like bars for demos, the default paper session
// and speed work. A regime switcher alternates
//   quiet   -- minutes of tight, mean-reverting prices with thin volume (what a Bollinger-inside-
//              Keltner squeeze detects),
//   normal  -- a random walk at ordinary BTC volatility with occasional fat-tailed jumps,
//   trend   -- an expansion: directional drift with an initial impulse, high and self-exciting
//              volume, taker flow leaning the way price moves;
// quiet phases mostly end in a trend, so squeezes are followed by breakouts as the strategy
// expects. Volume is heavy-tailed and bursty; a few quiet seconds have no trades and no bar.
//
// Same seed -> same bars on any IEEE-754 platform: only its own PRNG, basic arithmetic, sqrt and
// rounding are used (no std distributions, no libm transcendental functions). next() does not
// allocate and costs a few dozen nanoseconds.
class MarketSimulator : public BarSource
{
public:
    explicit MarketSimulator(const SimulatorConfig& config = {});

    bool next(Bar& out) override;
    QString description() const override;
    QString symbol() const override { return m_config.symbol; }
    SourceStats stats() const override;
    double progress() const override;

    const SimulatorConfig& config() const { return m_config; }

private:
    enum class Regime
    {
        Quiet,
        Normal,
        Trend
    };

    void enterRegime(Regime regime);
    void chooseNextRegime();
    double roundPrice(double p) const;

    SimulatorConfig m_config;
    Xoshiro256 m_rng;
    std::int64_t m_t; // time of the next second
    std::int64_t m_produced = 0;
    double m_fair; // unrounded "true" price
    double m_lastClose;
    Regime m_regime = Regime::Normal;
    std::int64_t m_regimeLeft = 0; // seconds
    double m_anchor = 0; // quiet: level prices revert to
    double m_sigma = 0; // current per-second volatility (relative), glides to the regime's target
    double m_sigmaTarget = 0;
    double m_drift = 0; // trend: per-second relative drift, signed
    double m_impulse = 0; // trend: extra drift at the start, decays
    double m_activity = 1; // volume intensity, self-exciting
    double m_activityBase = 1;
    double m_wick = 0.5; // intra-second excursion in units of sigma
    double m_gapProbability = 0; // chance that a second has no trade
    double m_jumpProbability = 0;
    double m_jumpScale = 0;
};

} // namespace veloce
