#pragma once

#include "data/tradetick.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace veloce {

// A decimal number exactly as the exchange wrote it ("87648.21000000"). Kept beside the parsed
// double so that a recording repeats the exchange's text to the character; fixed size, so an
// AggTrade stays a plain value that is copied without allocating.
struct DecimalText
{
    static constexpr std::size_t kMax = 31;

    char text[kMax + 1] = {};
    std::uint8_t size = 0;

    // False (and empty) when the text is longer than kMax: Binance's decimals have at most ~20.
    bool assign(std::string_view s)
    {
        if (s.size() > kMax) {
            size = 0;
            return false;
        }
        std::memcpy(text, s.data(), s.size());
        size = static_cast<std::uint8_t>(s.size());
        return true;
    }
    std::string_view view() const { return { text, size }; }
};

// The one conversion of an aggregated trade into the aggregator's TradeTick, shared by the
// aggTrades file reader and the live feed so that both build identical 1-second bars: one tick
// standing for last - first + 1 exchange trades, quote volume price * quantity.
inline TradeTick aggTradeTick(
    std::int64_t timeMs, double price, double qty, std::int64_t firstId, std::int64_t lastId, bool buyerMaker)
{
    TradeTick t;
    t.t = timeMs;
    t.price = price;
    t.qty = qty;
    t.quoteQty = price * qty;
    t.count = lastId - firstId + 1;
    t.buyerMaker = buyerMaker;
    return t;
}

// One aggregated trade of Binance's aggTrade stream or /aggTrades endpoint (fields a p q f l T m
// M), or one row of an aggTrades dump. Ids are per symbol and increase by one from trade to
// trade, which is what makes gaps, duplicates and reordering detectable.
struct AggTrade
{
    std::int64_t id = 0; // a
    std::int64_t firstId = 0; // f
    std::int64_t lastId = 0; // l
    std::int64_t t = 0; // T, transact time in ms
    double price = 0; // p
    double qty = 0; // q
    bool buyerMaker = false; // m: true when the taker sold
    bool bestMatch = true; // M: spot only
    DecimalText priceText;
    DecimalText qtyText;

    TradeTick tick() const { return aggTradeTick(t, price, qty, firstId, lastId, buyerMaker); }
};

} // namespace veloce
