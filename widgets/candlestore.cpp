#include "candlestore.h"

#include <algorithm>

namespace veloce {

namespace {
Candle toCandle(const Bar& b)
{
    return { b.t, b.open, b.high, b.low, b.close, b.volume() };
}

void merge(Candle& into, const Candle& next)
{
    into.high = std::max(into.high, next.high);
    into.low = std::min(into.low, next.low);
    into.close = next.close;
    into.volume += next.volume;
}
} // namespace

CandleStore::CandleStore(std::size_t maxBars)
    : m_maxBars(std::max<std::size_t>(maxBars, 16))
{
}

void CandleStore::clear()
{
    for (auto& level : m_levels)
        level.clear();
    m_resolution = kSecond;
}

bool CandleStore::append(const Bar& bar)
{
    auto& base = m_levels[0];
    if (!base.empty()) {
        if (bar.t <= base.back().t)
            return false;
        const std::int64_t gap = bar.t - base.back().t;
        m_resolution = base.size() == 1 ? gap : std::min(m_resolution, gap);
    }
    const Candle c = toCandle(bar);
    base.push_back(c);
    for (std::size_t i = 1; i < m_levels.size(); ++i) {
        auto& level = m_levels[i];
        const std::int64_t bucket = floorTo(bar.t, kLevelWidth[i]);
        if (level.empty() || level.back().t != bucket) {
            level.push_back(c);
            level.back().t = bucket;
        } else {
            merge(level.back(), c);
        }
    }
    if (base.size() > m_maxBars)
        trim();
    return true;
}

void CandleStore::assign(const std::vector<Bar>& bars)
{
    clear();
    m_levels[0].reserve(std::min(bars.size(), m_maxBars));
    for (const Bar& b : bars)
        append(b);
}

void CandleStore::trim()
{
    // Cut at an hour boundary so that every level still aggregates exactly the bars kept.
    auto& base = m_levels[0];
    const std::int64_t cut = floorTo(base[base.size() / 2].t, kHour);
    std::size_t drop = lowerBound(base, cut);
    if (drop == 0)
        drop = base.size() / 2;
    const std::int64_t newFirst = base[drop].t;
    base.erase(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(drop));
    for (std::size_t i = 1; i < m_levels.size(); ++i) {
        auto& level = m_levels[i];
        const std::size_t n = lowerBound(level, floorTo(newFirst, kLevelWidth[i]));
        level.erase(level.begin(), level.begin() + static_cast<std::ptrdiff_t>(n));
    }
}

void CandleStore::window(
    std::int64_t fromMs, std::int64_t toMs, std::int64_t bucketMs, std::vector<Candle>& out) const
{
    out.clear();
    if (empty() || bucketMs <= 0 || fromMs >= toMs)
        return;
    std::size_t level = 0;
    for (std::size_t i = m_levels.size() - 1; i >= 1; --i) {
        if (bucketMs % kLevelWidth[i] == 0) {
            level = i;
            break;
        }
    }
    const auto& src = m_levels[level];
    const std::int64_t end = floorTo(toMs - 1, bucketMs) + bucketMs; // the last bucket whole
    for (std::size_t i = lowerBound(src, floorTo(fromMs, bucketMs)); i < src.size() && src[i].t < end; ++i) {
        const std::int64_t bucket = floorTo(src[i].t, bucketMs);
        if (out.empty() || out.back().t != bucket) {
            out.push_back(src[i]);
            out.back().t = bucket;
        } else {
            merge(out.back(), src[i]);
        }
    }
}

std::vector<Candle> CandleStore::window(std::int64_t fromMs, std::int64_t toMs, std::int64_t bucketMs) const
{
    std::vector<Candle> out;
    window(fromMs, toMs, bucketMs, out);
    return out;
}

std::int64_t CandleStore::bucketFor(std::int64_t spanMs, std::int64_t timeframeMs, int maxCandles)
{
    static constexpr std::int64_t kLadder[] = { kSecond, 2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond,
        30 * kSecond, kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,
        2 * kHour, 4 * kHour, 6 * kHour, 12 * kHour, kDay, 2 * kDay, 7 * kDay };
    timeframeMs = std::max<std::int64_t>(timeframeMs, 1);
    spanMs = std::max<std::int64_t>(spanMs, 1);
    maxCandles = std::max(maxCandles, 3);
    // A window not aligned to the bucket touches at most ceil(span / b) + 1 buckets.
    const auto fits = [&](std::int64_t b) { return (spanMs + b - 1) / b + 1 <= maxCandles; };
    for (const std::int64_t b : kLadder) {
        if (b >= timeframeMs && b % timeframeMs == 0 && fits(b))
            return b;
    }
    // Beyond the ladder: whole weeks (or whole timeframes, should one not divide a week).
    const std::int64_t unit = (7 * kDay) % timeframeMs == 0 ? 7 * kDay : timeframeMs;
    std::int64_t b = unit * std::max<std::int64_t>(1, spanMs / (unit * (maxCandles - 1)));
    while (!fits(b))
        b += unit;
    return b;
}

std::int64_t CandleStore::floorTo(std::int64_t t, std::int64_t bucket)
{
    const std::int64_t q = t / bucket;
    return (t % bucket < 0 ? q - 1 : q) * bucket;
}

std::size_t CandleStore::lowerBound(const std::vector<Candle>& candles, std::int64_t t)
{
    return static_cast<std::size_t>(std::lower_bound(candles.begin(), candles.end(), t,
                                        [](const Candle& c, std::int64_t v) { return c.t < v; })
        - candles.begin());
}

} // namespace veloce
