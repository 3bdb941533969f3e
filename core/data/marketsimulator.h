#pragma once

#include "data/barsource.h"
#include "data/marketseason.h"
#include "data/simulatorconfig.h"
#include "data/volatilitycascade.h"
#include "data/xoshiro256.h"

namespace veloce {

// The built-in market: deterministic 1-second BTC-like bars for demos, the default paper session
// and speed work (docs/simulator.md). Prices are a martingale -- every second's return has mean
// zero whatever happened before, so no rule can earn anything before costs -- with the texture of
// the real market:
//   - volatility from a multi-timescale cascade (VolatilityCascade): calm and violent spells that
//     last from minutes to days, the long memory behind squeezes and breakouts;
//   - fat tails: rare jumps, sized in units of the current volatility and more frequent when the
//     market is busy;
//   - a calendar (MarketSeason): busy US afternoons, quiet Asian nights and weekends;
//   - volume that rises with volatility and with the size of the second's move, heavy-tailed from
//     second to second; a few quiet seconds have no trade and no bar;
//   - a taker-buy share that wanders around one half and leans with the second's own move, but
//     says nothing about the next one.
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
    SimulatorConfig m_config;
    Xoshiro256 m_rng;
    VolatilityCascade m_volatility;
    MarketSeason m_season;
    std::int64_t m_t; // time of the next second
    std::int64_t m_minute = -1; // UTC minute the season factors were set for
    std::int64_t m_produced = 0;
    double m_fair; // unrounded "true" price
    double m_lastClose;
    double m_flow = 0; // slowly wandering taker-buy imbalance around one half
    std::uint32_t m_flowRenewFrom = 0; // renewal draws at or above this redraw the flow
    double m_burstScale = 1; // 1 / mean volume burst
};

} // namespace veloce
