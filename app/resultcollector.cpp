#include "resultcollector.h"

#include <algorithm>

namespace veloce {

namespace {
std::int64_t floorTo(std::int64_t t, std::int64_t bucket)
{
    const std::int64_t q = t / bucket;
    return (t % bucket < 0 ? q - 1 : q) * bucket;
}

void merge(Bar& into, const Bar& next)
{
    into.high = std::max(into.high, next.high);
    into.low = std::min(into.low, next.low);
    into.close = next.close;
    into.vbuy += next.vbuy;
    into.vsell += next.vsell;
}
} // namespace

void ResultCollector::onSignal(const SignalRecord& rec)
{
    if (m_rows.signalRecords.size() < kMaxSignals)
        m_rows.signalRecords.push_back(rec);
}

void ResultCollector::onTrade(const Trade& trade)
{
    m_rows.trades.push_back(trade);
}

void ResultCollector::onEquity(const EquityPoint& point)
{
    m_rows.equity.push_back(point);
}

void ResultCollector::onBar(const Bar& bar, const PhaseScores&)
{
    auto& bars = m_rows.bars;
    if (m_bucketMs == 0) {
        bars.push_back(bar);
    } else {
        const std::int64_t t = floorTo(bar.t, m_bucketMs);
        if (!bars.empty() && bars.back().t == t) {
            merge(bars.back(), bar);
        } else {
            bars.push_back(bar);
            bars.back().t = t;
        }
    }
    if (bars.size() >= kMaxBars)
        coarsen();
}

void ResultCollector::coarsen()
{
    static constexpr std::int64_t kSteps[] = { 60'000, 300'000, 3'600'000, 86'400'000, 7 * 86'400'000LL };
    auto& bars = m_rows.bars;
    for (const std::int64_t step : kSteps) {
        if (step <= m_bucketMs)
            continue;
        m_bucketMs = step;
        std::size_t out = 0;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const std::int64_t t = floorTo(bars[i].t, step);
            if (out > 0 && bars[out - 1].t == t) {
                merge(bars[out - 1], bars[i]);
            } else {
                bars[out] = bars[i];
                bars[out].t = t;
                ++out;
            }
        }
        bars.resize(out);
        if (bars.size() <= kMaxBars / 2)
            return;
    }
}

void ResultCollector::takeInto(BacktestResult& result)
{
    result.trades = std::move(m_rows.trades);
    result.signalRecords = std::move(m_rows.signalRecords);
    result.equity = std::move(m_rows.equity);
    result.bars = std::move(m_rows.bars);
    m_rows = BacktestResult();
}

} // namespace veloce
