#pragma once

#include "data/klineaggregator.h"
#include "types/bar.h"

#include <cstdint>
#include <vector>

namespace veloce {

// The statistics that tell a market from a toy (docs/simulator.md §6), computed in one streaming
// pass over a bar series with memory bounded by the largest lag: log-return and |log-return|
// autocorrelations, variance ratios, kurtosis, volatility, the volume-volatility correlation and
// the taker-buy share, including whether the share says anything about the next return.
// `veloce-cli stats` prints them for any data file or the simulator, so the simulator can be
// held against real data.
//
// Bars may be resampled first (e.g. 1-second bars to minutes, aligned to the epoch like Binance's
// klines). Lags and variance-ratio horizons count bars of the analysed (resampled) series.
class MarketStats
{
public:
    struct Options
    {
        std::int64_t resampleMs = 0; // 0: analyse the bars as they come
        std::vector<int> lags { 1, 2, 5, 10, 30, 60, 240 }; // each >= 1
    };

    struct Result
    {
        std::int64_t inputBars = 0;
        std::int64_t bars = 0; // analysed (after resampling)
        std::int64_t firstMs = 0;
        std::int64_t lastMs = 0;
        std::int64_t returns = 0;
        std::vector<int> lags;
        std::vector<double> returnAcf; // per lag
        std::vector<double> absReturnAcf;
        std::vector<double> varianceRatio; // Var(sum of k returns) / (k Var(return)); 1 for lag 1
        double meanReturn = 0;
        double sdReturn = 0;
        double dailyVolatility = 0; // sqrt(sum r^2 / days spanned)
        double skewness = 0;
        double kurtosis = 0; // not excess: 3 for a normal distribution
        double maxAbsReturn = 0;
        double meanVolume = 0; // per analysed bar
        double volumeVolatilityCorrelation = 0; // corr(volume_t, |r_t|)
        double volumeAcf1 = 0;
        double takerBuyShareMean = 0; // of vbuy / volume, bars with volume
        double takerBuyShareSd = 0;
        double shareReturnCorrelation = 0; // corr(share_t, r_t): flow moves price
        double shareNextReturnCorrelation = 0; // corr(share_t, r_t+1): ~0, or flow is a free lunch
    };

    explicit MarketStats(Options options);

    // Bars in time order. Does not allocate.
    void add(const Bar& bar);
    // Completes the open resampling interval and returns the statistics; call once, at the end.
    Result finish();

private:
    // Running sums for a Pearson correlation of pairs (x, y).
    struct PairSums
    {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        void add(double x, double y)
        {
            n += 1;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double correlation() const;
    };
    // Non-overlapping sums of k consecutive returns.
    struct BlockSums
    {
        int k = 1;
        int filled = 0;
        double partial = 0;
        double n = 0, s = 0, ss = 0;
    };

    void analyse(const Bar& bar);

    Options m_options;
    KlineAggregator m_aggregator;
    int m_maxLag = 0;
    std::int64_t m_inputBars = 0;
    std::int64_t m_bars = 0;
    std::int64_t m_firstMs = 0;
    std::int64_t m_lastMs = 0;
    double m_prevClose = 0;

    // The last m_maxLag returns, a ring indexed by the return count.
    std::vector<double> m_history;
    std::int64_t m_returns = 0;
    std::vector<PairSums> m_acf;
    std::vector<PairSums> m_absAcf;
    std::vector<BlockSums> m_blocks;

    // Central moments of returns (online, numerically stable).
    double m_mean = 0, m_m2 = 0, m_m3 = 0, m_m4 = 0;
    double m_sumSquares = 0;
    double m_maxAbs = 0;

    double m_volumeSum = 0;
    PairSums m_volumeVolatility;
    PairSums m_volumeLag1;
    double m_prevVolume = -1;
    PairSums m_shareNow;
    PairSums m_shareNext;
    double m_shareCount = 0, m_shareSum = 0, m_shareSquares = 0;
    double m_prevShare = -1; // -1: the previous bar had no volume
};

} // namespace veloce
