#include "data/marketsimulator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace veloce {

namespace {

// Order of magnitude of Binance spot BTCUSDT: ~0.35 BTC traded per second on average.
constexpr double kBaseVolume = 0.35;
// Prices drift freely inside this band; outside it trends lean back towards it, so that
// arbitrarily long runs stay at a realistic BTC level.
constexpr double kBandLow = 62000.0;
constexpr double kBandHigh = 105000.0;
constexpr double kBandCenter = 0.5 * (kBandLow + kBandHigh);
constexpr double kUnit16 = 1.0 / 65536.0;

// Bars are whole seconds: a "now" from the caller is rounded up to the next second.
std::int64_t ceilToSecond(std::int64_t ms)
{
    const std::int64_t q = ms / 1000; // truncation is already the ceiling for negative times
    return (ms % 1000 > 0 ? q + 1 : q) * 1000;
}

double roundVolume(double v)
{
    return std::round(v * 1e5) / 1e5; // Binance's BTC lot step is 0.00001
}

} // namespace

MarketSimulator::MarketSimulator(const SimulatorConfig& config)
    : m_config(config)
    , m_rng(config.seed)
    , m_t(ceilToSecond(config.startMs))
    , m_fair(config.startPrice)
    , m_lastClose(0)
{
    if (!(config.startPrice > 0) || config.bars < 0 || config.intervalMs < 1000
        || config.intervalMs % 1000 != 0)
        throw std::invalid_argument(
            "MarketSimulator: start price must be positive, bars >= 0, the interval whole seconds");
    m_lastClose = roundPrice(m_fair);
    enterRegime(Regime::Normal);
    m_sigma = m_sigmaTarget;
    m_activity = m_activityBase;
}

double MarketSimulator::roundPrice(double p) const
{
    return std::round(p * 100.0) / 100.0; // tick size 0.01 USDT
}

void MarketSimulator::enterRegime(Regime regime)
{
    const Regime previous = m_regime;
    m_regime = regime;
    const double u = m_rng.uniform();
    const double v = m_rng.uniform();
    switch (regime) {
    case Regime::Quiet:
        // 1.5 to 15 minutes: long enough for the squeeze score to reach 3 (three minutes).
        m_regimeLeft = 90 + std::int64_t(810 * u);
        m_sigmaTarget = 0.25e-4 * (0.7 + 0.6 * v);
        m_anchor = m_fair;
        m_drift = 0;
        m_impulse = 0;
        m_activityBase = 0.35;
        // Bid/ask bounce: wide wicks relative to the tiny close-to-close moves, which is what
        // keeps Bollinger (closes) inside Keltner (true range).
        m_wick = 1.0;
        m_gapProbability = 0.02;
        m_jumpProbability = 0;
        m_jumpScale = 0;
        break;
    case Regime::Normal:
        m_regimeLeft = 120 + std::int64_t(1680 * u);
        m_sigmaTarget = 0.7e-4 * (0.7 + 0.6 * v); // ~2 % a day
        m_drift = 0;
        m_impulse = 0;
        m_activityBase = 1.0;
        m_wick = 0.45;
        m_gapProbability = 0.003;
        m_jumpProbability = 1.0 / 3000;
        m_jumpScale = 5e-4;
        break;
    case Regime::Trend: {
        m_regimeLeft = 20 + std::int64_t(130 * u);
        // Lean back towards the band when outside it.
        const double dev = (m_fair - std::clamp(m_fair, kBandLow, kBandHigh)) / kBandCenter;
        const double pUp = std::clamp(0.5 - 4.0 * dev, 0.15, 0.85);
        const double dir = m_rng.uniform() < pUp ? 1.0 : -1.0;
        m_drift = dir * (0.05e-4 + 0.15e-4 * v);
        // A breakout out of a quiet phase starts with a burst: fast move, heavy volume.
        const bool breakout = previous == Regime::Quiet;
        m_impulse = dir * (breakout ? 0.5e-4 + 1.0e-4 * m_rng.uniform() : 0.2e-4);
        if (breakout)
            m_activity += 4.0;
        m_sigmaTarget = 1.6e-4 * (0.7 + 0.6 * m_rng.uniform());
        m_activityBase = 2.5;
        m_wick = 0.5;
        m_gapProbability = 0.0005;
        m_jumpProbability = 1.0 / 600;
        m_jumpScale = 8e-4;
        break;
    }
    }
}

void MarketSimulator::chooseNextRegime()
{
    const double u = m_rng.uniform();
    switch (m_regime) {
    case Regime::Quiet:
        enterRegime(u < 0.65 ? Regime::Trend : Regime::Normal);
        break;
    case Regime::Trend:
        enterRegime(u < 0.4 ? Regime::Quiet : Regime::Normal);
        break;
    case Regime::Normal:
        enterRegime(u < 0.5 ? Regime::Quiet : (u < 0.8 ? Regime::Trend : Regime::Normal));
        break;
    }
}

bool MarketSimulator::next(Bar& out)
{
    if (m_config.bars > 0 && m_produced >= m_config.bars)
        return false;
    for (;;) {
        if (m_regimeLeft <= 0)
            chooseNextRegime();
        --m_regimeLeft;
        const std::int64_t t = m_t;
        m_t += m_config.intervalMs;

        // One draw gives four 16-bit uniforms: no-trade test, jump test, two wick sizes.
        const std::uint64_t bits = m_rng.next();
        const double gapU = double(bits & 0xffff) * kUnit16;
        const double jumpU = double((bits >> 16) & 0xffff) * kUnit16;
        const double upU = double((bits >> 32) & 0xffff) * kUnit16;
        const double downU = double(bits >> 48) * kUnit16;
        if (gapU < m_gapProbability)
            continue; // nobody traded in this second: no bar, price unchanged

        m_sigma += (m_sigmaTarget - m_sigma) * 0.1;
        double r = m_sigma * m_rng.normal() + m_drift + m_impulse;
        m_impulse *= 0.85;
        if (m_regime == Regime::Quiet)
            r += 0.25 * (m_anchor - m_fair) / m_fair;
        if (jumpU < m_jumpProbability) {
            // Pareto tail (index 2), capped: mostly a few basis points, now and then a percent.
            const std::uint64_t jb = m_rng.next();
            const double size
                = m_jumpScale * std::min(1.0 / std::sqrt(double((jb >> 11) + 1) * 0x1.0p-53), 15.0);
            const bool withTrend = m_regime == Regime::Trend && (jb & 0x7ff) < 1434; // 70 %
            const double sign = withTrend ? (m_drift >= 0 ? 1.0 : -1.0) : ((jb & 1) ? 1.0 : -1.0);
            r += sign * size;
        }
        const double outside = (m_fair - std::clamp(m_fair, kBandLow, kBandHigh)) / kBandCenter;
        r -= 1e-5 * outside;
        r = std::clamp(r, -0.05, 0.05);
        m_fair *= 1.0 + r;

        const double open = m_lastClose;
        const double close = roundPrice(m_fair);
        const double wickScale = 3.0 * m_sigma * m_fair * m_wick; // x u^2: mean one sigma-wick
        const double high = roundPrice(std::max(open, close) + wickScale * upU * upU);
        const double low = roundPrice(std::min(open, close) - wickScale * downU * downU);

        // Volume: self-exciting activity (big moves raise it, it decays to the regime's level)
        // times a heavy-tailed per-second burst; taker flow leans the way the price moved.
        const double move = r / m_sigma;
        const double absMove = std::abs(move);
        m_activity
            = m_activityBase + (m_activity - m_activityBase) * 0.93 + 0.25 * std::max(0.0, absMove - 1.5);
        m_activity = std::min(m_activity, 50.0);
        const std::uint64_t vb = m_rng.next();
        const double burst = std::min(1.0 / std::sqrt(double((vb >> 11) + 1) * 0x1.0p-53), 20.0);
        const double volume = kBaseVolume * m_activity * 0.5 * burst * (1.0 + 0.3 * std::min(absMove, 6.0));
        const double noise = double(vb & 0x7ff) / 2048.0 - 0.5;
        const double buyShare
            = std::clamp(0.5 + 0.3 * std::clamp(move * 0.5, -1.0, 1.0) + 0.2 * noise, 0.03, 0.97);
        double vbuy = roundVolume(volume * buyShare);
        double vsell = roundVolume(volume * (1.0 - buyShare));
        if (vbuy + vsell <= 0) // a bar means at least one trade of one lot
            (buyShare >= 0.5 ? vbuy : vsell) = 1e-5;

        out = Bar { t, open, high, low, close, vbuy, vsell };
        m_lastClose = close;
        ++m_produced;
        return true;
    }
}

QString MarketSimulator::description() const
{
    return QStringLiteral("simulator (seed %1)").arg(m_config.seed);
}

SourceStats MarketSimulator::stats() const
{
    SourceStats s;
    s.rows = m_produced;
    s.bars = m_produced;
    return s;
}

double MarketSimulator::progress() const
{
    return m_config.bars > 0 ? double(m_produced) / double(m_config.bars) : -1.0;
}

} // namespace veloce
