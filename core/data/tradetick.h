#pragma once

#include <cstdint>

namespace veloce {

// One executed trade (a row of a Binance trades dump) or one aggregated trade (aggTrades row),
// normalised: time in milliseconds and the number of exchange trades it stands for, so that
// klines built from either carry Binance's trade count.
struct TradeTick
{
    std::int64_t t = 0; // transact time, ms
    double price = 0;
    double qty = 0; // base units
    double quoteQty = 0; // price * qty unless the file states it
    std::int64_t count = 1; // 1 for a trade, last_trade_id - first_trade_id + 1 for an aggTrade
    bool buyerMaker = false; // true: the taker sold
};

} // namespace veloce
