#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace veloce {

// Sums of one run's per-minute returns over one stretch of time (a CSCV block).
struct BlockSums
{
    std::int64_t n = 0;
    double sum = 0;
    double sumSq = 0;

    void add(const BlockSums& o)
    {
        n += o.n;
        sum += o.sum;
        sumSq += o.sumSq;
    }
    // mean / sd (ddof 1) of the returns summed here; 0 with fewer than 2 or no spread, like
    // sharpe_ratio (docs/strategy.md §6), not annualised.
    double sharpe() const
    {
        if (n < 2)
            return 0;
        const double mean = sum / static_cast<double>(n);
        const double var = (sumSq - mean * sum) / static_cast<double>(n - 1);
        return var > 0 ? mean / std::sqrt(var) : 0.0;
    }
};

// What the overfitting statistics need of one run: the per-minute returns behind sharpe_ratio
// (docs/strategy.md §6), summed per CSCV block (for PBO) and with their third and fourth powers
// (for the skewness and kurtosis of the deflated Sharpe ratio). A plain value: a sweep keeps one per
// configuration and market, and shards carry them to the merge.
struct ReturnSummary
{
    std::vector<BlockSums> blocks;
    double sumCube = 0;
    double sumFourth = 0;

    BlockSums total() const
    {
        BlockSums t;
        for (const BlockSums& b : blocks)
            t.add(b);
        return t;
    }
    // Population skewness m3 / m2^1.5 and kurtosis m4 / m2^2 (3 for a normal distribution), from
    // the raw power sums; 0 and 3 without spread.
    double skewness() const
    {
        const Moments m = moments();
        return m.m2 > 0 ? m.m3 / std::pow(m.m2, 1.5) : 0.0;
    }
    double kurtosis() const
    {
        const Moments m = moments();
        return m.m2 > 0 ? m.m4 / (m.m2 * m.m2) : 3.0;
    }

private:
    struct Moments
    {
        double m2 = 0, m3 = 0, m4 = 0;
    };
    Moments moments() const
    {
        const BlockSums t = total();
        if (t.n == 0)
            return {};
        const double n = static_cast<double>(t.n);
        const double e1 = t.sum / n, e2 = t.sumSq / n, e3 = sumCube / n, e4 = sumFourth / n;
        Moments m;
        m.m2 = e2 - e1 * e1;
        m.m3 = e3 - 3 * e1 * e2 + 2 * e1 * e1 * e1;
        m.m4 = e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 * e1 * e1 * e1;
        return m;
    }
};

} // namespace veloce
