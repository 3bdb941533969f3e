#pragma once

#include "data/influxbarmerger.h"
#include "data/kline.h"
#include "data/klineaggregator.h"
#include "data/tradetick.h"
#include "types/bar.h"

#include <cstdint>
#include <vector>

namespace veloce {

// Final 1-second bars from the live trades of one or more markets.
//
// Each market's trades (in id order, so in time order) go through the same KlineAggregator the
// aggTrades file reader uses, so a market's second is built exactly as a backtest of the dump
// builds it. A second is final for a market when a trade of a later second has arrived
// (addTrade) or when the feed, its connection healthy and the grace period over, says no more
// trades can come before a time (finalizeBefore) -- the rule of the InfluxDB live poller. A
// trade for a second already final is late: dropped and counted, never a second bar.
//
// With several markets a second is final once it is final for all of them; the markets' seconds
// are then merged by InfluxBarMerger exactly as the InfluxDB source merges aggr-server's markets:
// OHLC from the first market, volumes summed, no bar for a second the first market did not trade.
// Bars come out strictly increasing in time, each once.
//
// Seconds waiting for a slower market are queued per market, bounded by maxPendingSeconds
// (addTrade throws DataError beyond it, which only a market silent but "healthy" for that long
// could cause). Not thread-safe: the feed's thread uses it.
class LiveBarBuilder
{
public:
    explicit LiveBarBuilder(int markets, std::size_t maxPendingSeconds = 86400);

    // A trade of market `m` in sequence. False when its second was already final (late trade).
    bool addTrade(int m, const TradeTick& trade);
    // Market `m` will have no trade before `ms`: every second starting before floor(ms) is final.
    void finalizeBefore(int m, std::int64_t ms);
    // The next bar final for every market, oldest first; false when there is none yet.
    bool nextBar(Bar& out);

    // The start of the second `ms` falls in.
    static std::int64_t secondOf(std::int64_t ms) { return ms - ((ms % 1000) + 1000) % 1000; }

    int markets() const { return static_cast<int>(m_markets.size()); }
    bool hasOpenSecond(int m) const { return m_markets[std::size_t(m)].seconds.hasOpenInterval(); }
    std::int64_t openSecond(int m) const { return m_markets[std::size_t(m)].seconds.openIntervalStart(); }
    // Every second of market `m` before this time is final.
    std::int64_t finalBefore(int m) const { return m_markets[std::size_t(m)].finalBefore; }

    std::int64_t lateTrades() const { return m_late; }
    std::int64_t skippedNoPrice() const { return m_merger.skippedNoPrice(); }

private:
    // Final seconds of one market not yet merged: a ring that grows by doubling (so the steady
    // state allocates nothing) up to the bound.
    class Pending
    {
    public:
        void push(const Kline& k, std::size_t bound);
        bool empty() const { return m_size == 0; }
        const Kline& front() const { return m_items[m_head]; }
        void pop();

    private:
        std::vector<Kline> m_items;
        std::size_t m_head = 0;
        std::size_t m_size = 0;
    };
    struct Market
    {
        KlineAggregator seconds { 1000 };
        std::int64_t finalBefore = INT64_MIN;
        Pending done;
    };

    std::vector<Market> m_markets;
    std::size_t m_maxPending;
    InfluxBarMerger m_merger;
    std::int64_t m_late = 0;
};

} // namespace veloce
