#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace veloce {

// A time series of bounded length covering the whole run: points fall into buckets of widthMs()
// aligned to the epoch, and a point landing in the current bucket is merged into it by
// `Merge(into, next)`. When more than `capacity` buckets exist, the bucket width grows to the next
// rung of a ladder of chart-friendly widths (1s 5s 15s 30s 1m 5m 15m 30m 1h 3h 6h 12h 1d, then
// doubling), merging neighbours with the same Merge, until at most capacity / 2 remain. Each rung
// is a multiple of the one below, so bucket boundaries are nested and the result is exactly what
// aggregating the whole input at the final width gives (OHLC of wider candles, per-bucket maxima).
// Memory is O(capacity) for any run length and the work per add() is amortised O(1).
//
// Points must arrive with non-decreasing `t`; a bucket's point carries the bucket start as `t`.
template<typename T, typename Merge> class DecimatedSeries
{
public:
    DecimatedSeries(std::int64_t baseWidthMs, std::size_t capacity)
        : m_baseWidth(baseWidthMs > 0 ? baseWidthMs : 1)
        , m_width(m_baseWidth)
        , m_capacity(capacity < 2 ? 2 : capacity)
    {
    }

    // Called for every bar of a run, so the common case (same bucket as the last point) is two
    // comparisons; the divisions happen only when a bucket is left.
    void add(const T& point)
    {
        if (point.t >= m_baseEnd) {
            ++m_baseBuckets;
            m_baseEnd = (floorDiv(point.t, m_baseWidth) + 1) * m_baseWidth;
        }
        if (point.t < m_end) {
            Merge()(m_points.back(), point);
            return;
        }
        const std::int64_t start = floorDiv(point.t, m_width) * m_width;
        m_points.push_back(point);
        m_points.back().t = start;
        m_end = start + m_width;
        if (m_points.size() > m_capacity)
            coarsen();
    }

    const std::vector<T>& points() const { return m_points; }
    std::int64_t widthMs() const { return m_width; }
    std::int64_t baseWidthMs() const { return m_baseWidth; }
    // Buckets of the base width seen so far: e.g. the number of 1-minute candles in the run.
    std::int64_t baseBuckets() const { return m_baseBuckets; }
    bool decimated() const { return m_width != m_baseWidth; }

    static std::int64_t floorDiv(std::int64_t a, std::int64_t b)
    {
        const std::int64_t q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

private:
    // The next wider bucket that the current one divides: the ladder, else doubling.
    static std::int64_t nextWidth(std::int64_t w)
    {
        static constexpr std::int64_t kLadder[] = { 1000, 5000, 15000, 30000, 60000, 300000, 900000, 1800000,
            3600000, 10800000, 21600000, 43200000, 86400000 };
        for (std::int64_t rung : kLadder)
            if (rung > w && rung % w == 0)
                return rung;
        return w * 2;
    }

    void coarsen()
    {
        while (m_points.size() > m_capacity / 2) {
            m_width = nextWidth(m_width);
            std::size_t out = 0;
            std::int64_t outKey = 0;
            for (std::size_t i = 0; i < m_points.size(); ++i) {
                const std::int64_t key = floorDiv(m_points[i].t, m_width);
                if (out > 0 && key == outKey) {
                    Merge()(m_points[out - 1], m_points[i]);
                    continue;
                }
                if (out != i)
                    m_points[out] = m_points[i];
                m_points[out].t = key * m_width;
                outKey = key;
                ++out;
            }
            m_points.resize(out);
            m_end = (outKey + 1) * m_width;
        }
    }

    std::int64_t m_baseWidth;
    std::int64_t m_width;
    std::size_t m_capacity;
    std::vector<T> m_points;
    // End (exclusive) of the last point's bucket and of the last base bucket; the minimum makes
    // the first point open both.
    std::int64_t m_end = std::numeric_limits<std::int64_t>::min();
    std::int64_t m_baseEnd = std::numeric_limits<std::int64_t>::min();
    std::int64_t m_baseBuckets = 0;
};

} // namespace veloce
