#include "data/marketsimulator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace veloce {

namespace {

// Parameters of docs/simulator.md §3 (its table says where each value comes from).

// Long-run volatility of one second, diffusion part: with the jumps about 3 % a day (Binance
// BTCUSDT measured 3.2 % in Q1 2024 and 2.5 % in October 2025).
constexpr double kSigmaPerSecond = 9.0e-5;
// Business time (Clark's mixture of distributions): a second's variance is
// kMixBase + (1 - kMixBase) x its volume burst, so bursts of trading are bursts of price discovery.
constexpr double kMixBase = 0.3;
// Jumps: a second carries one with probability kJumpRate x activity; its size is kJumpMin
// one-minute sigmas (at the current volatility) times a Pareto(4) factor, capped at kJumpCap.
constexpr double kJumpRate = 1.0 / 14400;
constexpr double kJumpMin = 2.5;
constexpr double kJumpCap = 12.0;
constexpr double kRootSixty = 7.745966692414834; // sqrt(60): one-minute sigmas in one-second ones
// Largest move of one second, both ways (a symmetric cap keeps the mean at zero).
constexpr double kMaxMove = 0.08;
// Intra-second excursion beyond open/close: kWick x sigma x u^2 on each side, on average kWick / 3
// sigma -- about the excursion of a Brownian path over the second.
constexpr double kWick = 1.2;

// Binance spot BTCUSDT traded 0.27 .. 0.55 BTC per second on average in the samples.
constexpr double kVolumePerSecond = 0.40;
// Volume of a second = kVolumePerSecond x activity x calendar x burst x
// (kVolumeBase + kVolumeMove x min(shock, kVolumeMoveCap)), shock = |news| in sigmas (a jump
// counts in full); the two weights make the bracket's mean 1 for normal news.
constexpr double kVolumeMove = 0.9;
constexpr double kVolumeBase = 1.0 - kVolumeMove * 0.7978845608028654; // E|z| = sqrt(2 / pi)
constexpr double kVolumeMoveCap = 20.0;
// Burst: Pareto(1), 1/u capped at kBurstCap, scaled to mean 1. The median second trades about a
// fifth of the mean and one in a hundred some fifteen times it, as in the Binance trades sample.
constexpr double kBurstCap = 300.0;
// A second has no trade (no bar) with probability kNoTrade / (activity x calendar), at most 1/2.
constexpr double kNoTrade = 0.006;

// Taker-buy share = 1/2 + flow + kShareLean x clamp(move / 2, -1, 1) + noise, clipped to [0, 1].
// The flow is redrawn from N(0, kFlowSd^2) on average every kFlowTime seconds; it is independent of
// every return, past and future, so it cannot tell anyone where the price goes next.
constexpr double kFlowTime = 300.0;
constexpr double kFlowSd = 0.08;
constexpr double kShareLean = 0.5;
constexpr double kShareNoise = 1.0; // width of the uniform noise

constexpr double kUnit16 = 1.0 / 65536.0;
constexpr double kUnit24 = 1.0 / 16777216.0;

// Bars are whole seconds: a "now" from the caller is rounded up to the next second.
std::int64_t ceilToSecond(std::int64_t ms)
{
    const std::int64_t q = ms / 1000; // truncation is already the ceiling for negative times
    return (ms % 1000 > 0 ? q + 1 : q) * 1000;
}

std::int64_t minuteOf(std::int64_t ms)
{
    return ms >= 0 ? ms / 60000 : -((59999 - ms) / 60000);
}

// Rounds a positive value half up to a multiple of 1 / scale. The integer conversion is exact and
// the same everywhere, and unlike std::round it is not a library call per price.
double roundPositive(double v, double scale)
{
    return double(std::int64_t(v * scale + 0.5)) / scale;
}

double roundPrice(double p)
{
    return roundPositive(p, 100.0); // tick size 0.01 USDT
}

double roundVolume(double v)
{
    return roundPositive(v, 1e5); // Binance's BTC lot step is 0.00001
}

// The burst of a 16-bit uniform k: 1 / ((k + 1/2) / 65536), capped.
double rawBurst(std::uint64_t k)
{
    return std::min(65536.0 / (double(k) + 0.5), kBurstCap);
}

// 1 / the mean burst over all 65536 values: exact for the discrete law the simulator draws from.
double burstScale()
{
    double sum = 0;
    for (std::uint64_t k = 0; k < 65536; ++k)
        sum += rawBurst(k);
    return 65536.0 / sum;
}

} // namespace

MarketSimulator::MarketSimulator(const SimulatorConfig& config)
    : m_config(config)
    , m_rng(config.seed)
    , m_volatility(m_rng)
    , m_t(ceilToSecond(config.startMs))
    , m_fair(config.startPrice)
    , m_lastClose(0)
{
    if (!(config.startPrice > 0) || config.bars < 0 || config.intervalMs < 1000
        || config.intervalMs % 1000 != 0)
        throw std::invalid_argument(
            "MarketSimulator: start price must be positive, bars >= 0, the interval whole seconds");
    m_lastClose = roundPrice(m_fair);
    m_flow = kFlowSd * m_rng.normal();
    m_burstScale = burstScale();
    m_flowRenewFrom = std::uint32_t(0x1.0p32 * (1.0 - 1.0 / kFlowTime));
}

bool MarketSimulator::next(Bar& out)
{
    if (m_config.bars > 0 && m_produced >= m_config.bars)
        return false;
    for (;;) {
        const std::int64_t t = m_t;
        // Whole seconds (checked above); the default 1000 is the calibrated 1-second market.
        m_t += m_config.intervalMs;
        const std::int64_t minute = minuteOf(t);
        if (minute != m_minute) {
            m_minute = minute;
            m_season.setTime(t);
        }
        // Every second, traded or not, one draw: 24 bits decide which state variable (a volatility
        // component or the taker flow) is redrawn, 24 the jump, 16 whether anybody trades.
        const std::uint64_t d = m_rng.next();
        const std::uint32_t renewal = std::uint32_t(d >> 40) << 8;
        m_volatility.step(renewal, m_rng);
        if (renewal >= m_flowRenewFrom)
            m_flow = kFlowSd * m_rng.normal();
        const double activity = m_volatility.activity() * m_season.volume();
        const double gapU = double(d & 0xffff) * kUnit16;
        if (gapU * activity < kNoTrade && gapU < 0.5)
            continue; // nobody traded in this second: no bar, price unchanged

        // One draw gives four 16-bit uniforms: the volume burst, share noise, two wick sizes.
        const std::uint64_t bits = m_rng.next();
        const double burst = rawBurst(bits & 0xffff) * m_burstScale;
        const double noiseU = double((bits >> 16) & 0xffff) * kUnit16;
        const double upU = double((bits >> 32) & 0xffff) * kUnit16;
        const double downU = double(bits >> 48) * kUnit16;

        const double sigma = kSigmaPerSecond * m_volatility.sigma() * m_season.sigma();
        const double z = m_rng.normal();
        double r = sigma * std::sqrt(kMixBase + (1.0 - kMixBase) * burst) * z;
        double shock = std::abs(z); // the second's news in sigmas: drives its volume
        if (double((d >> 16) & 0xffffff) * kUnit24 < kJumpRate * m_volatility.activity()) {
            // Pareto(4) tail via two square roots: mostly a few minute-sigmas, now and then many.
            const std::uint64_t jb = m_rng.next();
            const double u = double((jb >> 11) + 1) * 0x1.0p-53;
            const double size = kJumpMin * std::min(1.0 / std::sqrt(std::sqrt(u)), kJumpCap / kJumpMin);
            r += ((jb & 1) ? 1.0 : -1.0) * size * sigma * kRootSixty;
            shock += size * kRootSixty;
        }
        r = std::clamp(r, -kMaxMove, kMaxMove);
        m_fair *= 1.0 + r;

        const double open = m_lastClose;
        const double close = roundPrice(m_fair);
        const double wickScale = kWick * sigma * m_fair;
        const double high = roundPrice(std::max(open, close) + wickScale * upU * upU);
        const double low = roundPrice(std::min(open, close) - wickScale * downU * downU);

        // Volume: activity (volatility and calendar) x the size of this second's news x its
        // burst. The taker flow leans with this second's move only.
        const double volume = kVolumePerSecond * activity
            * (kVolumeBase + kVolumeMove * std::min(shock, kVolumeMoveCap)) * burst;
        const double move = r / sigma;
        const double share = std::clamp(
            0.5 + m_flow + kShareLean * std::clamp(move * 0.5, -1.0, 1.0) + kShareNoise * (noiseU - 0.5), 0.0,
            1.0);
        double vbuy = roundVolume(volume * share);
        double vsell = roundVolume(volume * (1.0 - share));
        if (vbuy + vsell <= 0) // a bar means at least one trade of one lot
            (share >= 0.5 ? vbuy : vsell) = 1e-5;

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
