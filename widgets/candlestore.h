#pragma once

#include "candle.h"
#include "types/bar.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace veloce {

// The bars a chart can show, kept as candles at a few fixed resolutions (the bars themselves and
// 1m / 5m / 1h aggregates, all maintained in O(1) per appended bar) so that any visible window at
// any zoom is aggregated from the coarsest level that divides the wanted bucket: showing a month
// of 1-second bars reads at most a few thousand hourly candles, not 2.6 million bars.
// Pure maths, no Qt GUI: the chart view asks it for the candles of its visible window.
class CandleStore
{
public:
    static constexpr std::int64_t kSecond = 1000;
    static constexpr std::int64_t kMinute = 60 * kSecond;
    static constexpr std::int64_t kHour = 60 * kMinute;
    static constexpr std::int64_t kDay = 24 * kHour;

    // At most `maxBars` bars are kept; the oldest half is dropped when the limit is reached, so a
    // session left running for weeks keeps bounded memory.
    explicit CandleStore(std::size_t maxBars = 4'000'000);

    void clear();
    // Bars must arrive in strictly increasing time; a bar at or before the last one is ignored
    // (returns false) because the sources already report and drop those.
    bool append(const Bar& bar);
    void assign(const std::vector<Bar>& bars);

    bool empty() const { return m_levels[0].empty(); }
    std::size_t size() const { return m_levels[0].size(); }
    std::int64_t firstMs() const { return empty() ? 0 : m_levels[0].front().t; }
    std::int64_t lastMs() const { return empty() ? 0 : m_levels[0].back().t; }
    const Candle& last() const { return m_levels[0].back(); }
    // Smallest spacing between consecutive bars (1000 for 1-second bars, 60000 for 1-minute
    // klines); 1000 until two bars exist. A timeframe below it shows nothing new.
    std::int64_t resolutionMs() const { return m_resolution; }

    // Candles of width `bucketMs` covering [fromMs, toMs): every bucket that starts before toMs
    // and ends after fromMs, aggregated from whole buckets (the first candle is never partial).
    // `out` is cleared and refilled (callers reuse it to avoid allocating per redraw).
    void window(
        std::int64_t fromMs, std::int64_t toMs, std::int64_t bucketMs, std::vector<Candle>& out) const;
    std::vector<Candle> window(std::int64_t fromMs, std::int64_t toMs, std::int64_t bucketMs) const;

    // The bucket width for showing `spanMs` at `timeframeMs` with at most `maxCandles` candles:
    // the smallest "round" width (1s 2s 5s 10s 15s 30s 1m 2m 5m 10m 15m 30m 1h 2h 4h 6h 12h 1d 2d
    // 7d, then whole weeks) that is a multiple of the timeframe and keeps the count in bounds.
    // Round widths keep candles stable while the user pans.
    static std::int64_t bucketFor(std::int64_t spanMs, std::int64_t timeframeMs, int maxCandles);
    // Floor of `t` to a multiple of `bucket`, correct for negative times as well.
    static std::int64_t floorTo(std::int64_t t, std::int64_t bucket);
    // Index of the first candle at or after `t` in a time-sorted array (binary search).
    static std::size_t lowerBound(const std::vector<Candle>& candles, std::int64_t t);

private:
    static constexpr std::array<std::int64_t, 4> kLevelWidth = { 0, kMinute, 5 * kMinute, kHour };
    void trim();

    std::size_t m_maxBars;
    std::int64_t m_resolution = kSecond;
    std::array<std::vector<Candle>, 4> m_levels; // [0] = the bars as candles
};

} // namespace veloce
