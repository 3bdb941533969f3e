#include "data/marketstats.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace veloce {

namespace {
constexpr double kMsPerDay = 86400000.0;
}

double MarketStats::PairSums::correlation() const
{
    if (n < 2)
        return 0;
    const double cov = sxy / n - (sx / n) * (sy / n);
    const double vx = sxx / n - (sx / n) * (sx / n);
    const double vy = syy / n - (sy / n) * (sy / n);
    return vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : 0;
}

MarketStats::MarketStats(Options options)
    : m_options(std::move(options))
    , m_aggregator(m_options.resampleMs > 0 ? m_options.resampleMs : 1000)
{
    for (int lag : m_options.lags) {
        if (lag < 1)
            throw std::invalid_argument("MarketStats: lags must be >= 1");
        m_maxLag = std::max(m_maxLag, lag);
    }
    m_history.assign(std::size_t(std::max(m_maxLag, 1)), 0.0);
    m_acf.resize(m_options.lags.size());
    m_absAcf.resize(m_options.lags.size());
    m_blocks.resize(m_options.lags.size());
    for (std::size_t i = 0; i < m_blocks.size(); ++i)
        m_blocks[i].k = m_options.lags[i];
}

void MarketStats::add(const Bar& bar)
{
    ++m_inputBars;
    if (m_options.resampleMs <= 0) {
        analyse(bar);
        return;
    }
    Kline done;
    if (m_aggregator.addBar(bar, done))
        analyse(done.toBar());
}

void MarketStats::analyse(const Bar& bar)
{
    if (m_bars == 0)
        m_firstMs = bar.t;
    m_lastMs = bar.t;
    ++m_bars;
    const double volume = bar.volume();
    m_volumeSum += volume;
    if (m_prevVolume >= 0)
        m_volumeLag1.add(m_prevVolume, volume);
    m_prevVolume = volume;
    const double share = volume > 0 ? bar.vbuy / volume : -1;
    if (share >= 0) {
        m_shareCount += 1;
        m_shareSum += share;
        m_shareSquares += share * share;
    }

    const double prevClose = m_prevClose;
    m_prevClose = bar.close;
    if (prevClose <= 0 || bar.close <= 0) {
        m_prevShare = share;
        return;
    }
    const double r = std::log(bar.close / prevClose);
    const double a = std::abs(r);

    // Lagged pairs against the returns before this one.
    const std::size_t size = m_history.size();
    for (std::size_t i = 0; i < m_options.lags.size(); ++i) {
        const int lag = m_options.lags[i];
        if (m_returns >= lag) {
            const double before = m_history[std::size_t(m_returns - lag) % size];
            m_acf[i].add(before, r);
            m_absAcf[i].add(std::abs(before), a);
        }
        BlockSums& b = m_blocks[i];
        b.partial += r;
        if (++b.filled == b.k) {
            b.n += 1;
            b.s += b.partial;
            b.ss += b.partial * b.partial;
            b.partial = 0;
            b.filled = 0;
        }
    }
    m_history[std::size_t(m_returns) % size] = r;
    ++m_returns;

    // Online central moments up to the fourth (Terriberry's update of Welford's method).
    const double n1 = double(m_returns - 1);
    const double n = double(m_returns);
    const double delta = r - m_mean;
    const double dn = delta / n;
    const double dn2 = dn * dn;
    const double term = delta * dn * n1;
    m_mean += dn;
    m_m4 += term * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * m_m2 - 4 * dn * m_m3;
    m_m3 += term * dn * (n - 2) - 3 * dn * m_m2;
    m_m2 += term;
    m_sumSquares += r * r;
    m_maxAbs = std::max(m_maxAbs, a);

    m_volumeVolatility.add(volume, a);
    if (m_prevShare >= 0) {
        m_shareNext.add(m_prevShare, r);
    }
    if (share >= 0)
        m_shareNow.add(share, r);
    m_prevShare = share;
}

MarketStats::Result MarketStats::finish()
{
    Kline last;
    if (m_options.resampleMs > 0 && m_aggregator.flush(last))
        analyse(last.toBar());

    Result out;
    out.inputBars = m_inputBars;
    out.bars = m_bars;
    out.firstMs = m_firstMs;
    out.lastMs = m_lastMs;
    out.returns = m_returns;
    out.lags = m_options.lags;
    const double variance = m_returns > 1 ? m_m2 / double(m_returns) : 0;
    for (std::size_t i = 0; i < m_options.lags.size(); ++i) {
        out.returnAcf.push_back(m_acf[i].correlation());
        out.absReturnAcf.push_back(m_absAcf[i].correlation());
        const BlockSums& b = m_blocks[i];
        double ratio = 0;
        if (b.n >= 2 && variance > 0) {
            const double blockVariance = b.ss / b.n - (b.s / b.n) * (b.s / b.n);
            ratio = blockVariance / (double(b.k) * variance);
        }
        out.varianceRatio.push_back(ratio);
    }
    out.meanReturn = m_mean;
    out.sdReturn = std::sqrt(variance);
    const double days = double(m_lastMs - m_firstMs) / kMsPerDay;
    out.dailyVolatility = days > 0 ? std::sqrt(m_sumSquares / days) : 0;
    if (variance > 0) {
        const double n = double(m_returns);
        out.skewness = (m_m3 / n) / (variance * std::sqrt(variance));
        out.kurtosis = (m_m4 / n) / (variance * variance);
    }
    out.maxAbsReturn = m_maxAbs;
    out.meanVolume = m_bars > 0 ? m_volumeSum / double(m_bars) : 0;
    out.volumeVolatilityCorrelation = m_volumeVolatility.correlation();
    out.volumeAcf1 = m_volumeLag1.correlation();
    if (m_shareCount > 0) {
        out.takerBuyShareMean = m_shareSum / m_shareCount;
        out.takerBuyShareSd = std::sqrt(
            std::max(0.0, m_shareSquares / m_shareCount - out.takerBuyShareMean * out.takerBuyShareMean));
    }
    out.shareReturnCorrelation = m_shareNow.correlation();
    out.shareNextReturnCorrelation = m_shareNext.correlation();
    return out;
}

} // namespace veloce
