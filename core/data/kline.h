#pragma once

#include "types/bar.h"

#include <algorithm>
#include <cstdint>

namespace veloce {

// One Binance kline with every column of the official dumps (times converted to milliseconds).
// It is the common currency of the data layer: kline files read into it, and KlineAggregator
// builds it from trades or bars, so a test can compare both column by column.
struct Kline
{
    std::int64_t openTime = 0; // ms
    std::int64_t closeTime = 0; // ms, openTime + interval - 1 as Binance writes it
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    double volume = 0; // base units
    double quoteVolume = 0;
    std::int64_t count = 0; // trades
    double takerBuyBase = 0;
    double takerBuyQuote = 0;

    // docs/strategy.md §1: vbuy = taker-buy base volume, vsell = volume - vbuy. The clamp only
    // absorbs rounding of the subtraction (readers reject taker-buy > volume).
    Bar toBar() const
    {
        return Bar { openTime, open, high, low, close, takerBuyBase, std::max(0.0, volume - takerBuyBase) };
    }
};

} // namespace veloce
