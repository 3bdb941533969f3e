#pragma once

#include "data/kline.h"
#include "data/tradetick.h"
#include "types/bar.h"

#include <cstdint>

namespace veloce {

// Groups trades, bars or klines into fixed intervals aligned to the epoch (floor(t / interval)),
// the way Binance builds klines: OHLC in input order, volumes and trade counts summed. It is the
// single aggregation used for the 1-second bars of trade files, the golden 1-minute check
// against Binance's own klines, and resampling bars to N seconds.
//
// Push inputs in time order; each add...() returns true and fills `done` when the input belongs
// to a new interval, which completes the previous one. flush() hands out the last interval.
// An input older than the open interval simply starts a new one: the bar stream's order check
// (BarOrderGuard) then drops and counts it, so nothing is lost silently.
class KlineAggregator
{
public:
    explicit KlineAggregator(std::int64_t intervalMs);

    bool addTrade(const TradeTick& trade, Kline& done)
    {
        Kline piece;
        piece.openTime = trade.t;
        piece.open = piece.high = piece.low = piece.close = trade.price;
        piece.volume = trade.qty;
        piece.quoteVolume = trade.quoteQty;
        piece.count = trade.count;
        if (!trade.buyerMaker) { // the taker bought
            piece.takerBuyBase = trade.qty;
            piece.takerBuyQuote = trade.quoteQty;
        }
        return addKline(piece, done);
    }

    // A bar carries no trade count or quote volume; those stay 0 in the result.
    bool addBar(const Bar& bar, Kline& done)
    {
        Kline piece;
        piece.openTime = bar.t;
        piece.open = bar.open;
        piece.high = bar.high;
        piece.low = bar.low;
        piece.close = bar.close;
        piece.volume = bar.vbuy + bar.vsell;
        piece.takerBuyBase = bar.vbuy;
        return addKline(piece, done);
    }

    // Merges a finer kline (its openTime places it) into the interval it falls in.
    bool addKline(const Kline& piece, Kline& done);
    // The open interval, if any; afterwards the aggregator is empty.
    bool flush(Kline& done);

    std::int64_t intervalMs() const { return m_interval; }
    bool hasOpenInterval() const { return m_open; }
    // Start of the open interval (meaningful when hasOpenInterval()).
    std::int64_t openIntervalStart() const { return m_current.openTime; }

private:
    std::int64_t intervalStart(std::int64_t t) const;

    std::int64_t m_interval;
    Kline m_current;
    bool m_open = false;
};

} // namespace veloce
