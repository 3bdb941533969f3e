#pragma once

#include "data/csvrecordreader.h"
#include "data/klineaggregator.h"
#include "data/tradetick.h"

namespace veloce {

// The two Binance trade dumps; they differ in column order and in what one row stands for.
enum class TradeLayout
{
    // agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker[,is_best_match]
    AggTrades,
    // id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]
    Trades,
};

// Binance aggTrades / trades CSV, with or without header, times in ms or µs. next() yields the
// trades themselves; nextBar() groups them into the 1-second bars of docs/strategy.md §1
// (is_buyer_maker true means the taker sold: the quantity counts as vsell).
class TradeReader : public CsvRecordReader
{
public:
    TradeReader(const QString& path, TradeLayout layout, bool skipBadRows);

    bool next(TradeTick& out);
    bool nextBar(Bar& out) override;
    QString formatName() const override;

private:
    bool decodeAggTrade(TradeTick& out);
    bool decodeTrade(TradeTick& out);
    bool priceAndQty(int priceColumn, int qtyColumn, TradeTick& out);

    TradeLayout m_layout;
    KlineAggregator m_seconds { 1000 };
    bool m_finished = false;
};

} // namespace veloce
