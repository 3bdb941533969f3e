#include "data/livebarbuilder.h"

#include "data/dataerror.h"

#include <algorithm>

namespace veloce {

void LiveBarBuilder::Pending::push(const Kline& k, std::size_t bound)
{
    if (m_size == m_items.size()) {
        if (m_size >= bound)
            throw DataError(QStringLiteral(
                "%1 final seconds are waiting for another market that delivers nothing: giving up")
                                .arg(m_size));
        // Grow by doubling and unroll the ring into the new storage.
        std::vector<Kline> grown(std::min(bound, std::max<std::size_t>(64, m_items.size() * 2)));
        for (std::size_t i = 0; i < m_size; ++i)
            grown[i] = m_items[(m_head + i) % m_items.size()];
        m_items.swap(grown);
        m_head = 0;
    }
    m_items[(m_head + m_size) % m_items.size()] = k;
    ++m_size;
}

void LiveBarBuilder::Pending::pop()
{
    m_head = (m_head + 1) % m_items.size();
    --m_size;
}

LiveBarBuilder::LiveBarBuilder(int markets, std::size_t maxPendingSeconds)
    : m_markets(static_cast<std::size_t>(std::max(1, markets)))
    , m_maxPending(std::max<std::size_t>(64, maxPendingSeconds))
{
}

bool LiveBarBuilder::addTrade(int m, const TradeTick& trade)
{
    Market& market = m_markets[std::size_t(m)];
    const std::int64_t second = secondOf(trade.t);
    if (second < market.finalBefore) {
        ++m_late;
        return false;
    }
    Kline done;
    if (market.seconds.addTrade(trade, done))
        market.done.push(done, m_maxPending);
    // Trades come in time order: one of this second closes every earlier second.
    market.finalBefore = std::max(market.finalBefore, second);
    return true;
}

void LiveBarBuilder::finalizeBefore(int m, std::int64_t ms)
{
    Market& market = m_markets[std::size_t(m)];
    const std::int64_t boundary = secondOf(ms);
    if (boundary <= market.finalBefore)
        return;
    Kline done;
    if (market.seconds.hasOpenInterval() && market.seconds.openIntervalStart() < boundary
        && market.seconds.flush(done))
        market.done.push(done, m_maxPending);
    market.finalBefore = boundary;
}

bool LiveBarBuilder::nextBar(Bar& out)
{
    std::int64_t frontier = INT64_MAX;
    for (const Market& market : m_markets)
        frontier = std::min(frontier, market.finalBefore);
    while (true) {
        std::int64_t second = INT64_MAX;
        for (const Market& market : m_markets)
            if (!market.done.empty())
                second = std::min(second, market.done.front().openTime);
        if (second == INT64_MAX || second >= frontier)
            return false;
        // Rows of this second in market order: the first market's OHLC, every market's volume.
        for (std::size_t m = 0; m < m_markets.size(); ++m) {
            Pending& done = m_markets[m].done;
            if (done.empty() || done.front().openTime != second)
                continue;
            const Bar b = done.front().toBar();
            done.pop();
            InfluxRow row;
            row.t = second;
            row.tag = static_cast<int>(m);
            row.v = { b.open, b.high, b.low, b.close, b.vbuy, b.vsell, 0, 0 };
            Bar ignored;
            m_merger.add(row, ignored); // never closes anything: every second is flushed below
        }
        if (m_merger.flush(out))
            return true;
        // The first market did not trade in this second: no bar (counted by the merger).
    }
}

} // namespace veloce
