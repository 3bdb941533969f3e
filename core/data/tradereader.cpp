#include "data/tradereader.h"

#include "data/aggtrade.h"

namespace veloce {

TradeReader::TradeReader(const QString& path, TradeLayout layout, bool skipBadRows)
    : CsvRecordReader(path, skipBadRows)
    , m_layout(layout)
{
    if (!hasHeader())
        return;
    // Column names tell the two layouts apart; a forced format that contradicts the header would
    // otherwise read quote_qty as a trade id, or worse, silently shift the time column.
    const QString h = QString::fromUtf8(header()).toLower();
    const bool aggHeader = h.contains(QLatin1String("first_trade_id"));
    const bool tradesHeader = h.contains(QLatin1String("quote_qty"));
    if (m_layout == TradeLayout::AggTrades && tradesHeader)
        fail(headerLine(), QStringLiteral("this is a Binance trades header, not aggTrades"));
    if (m_layout == TradeLayout::Trades && aggHeader)
        fail(headerLine(), QStringLiteral("this is a Binance aggTrades header, not trades"));
}

QString TradeReader::formatName() const
{
    return m_layout == TradeLayout::AggTrades ? QStringLiteral("Binance aggTrades")
                                              : QStringLiteral("Binance trades");
}

bool TradeReader::priceAndQty(int priceColumn, int qtyColumn, TradeTick& out)
{
    if (!doubleField(priceColumn, "price", out.price) || !doubleField(qtyColumn, "quantity", out.qty))
        return false;
    if (out.price <= 0) {
        reject(QStringLiteral("price %1 is not positive").arg(num(out.price)));
        return false;
    }
    return priceValid("price", out.price) && volumeValid("quantity", out.qty);
}

bool TradeReader::decodeAggTrade(TradeTick& out)
{
    enum
    {
        Id,
        Price,
        Qty,
        FirstId,
        LastId,
        Time,
        BuyerMaker
    };
    if (!columnCount(7, 8, "Binance aggTrades"))
        return false;
    std::int64_t first = 0;
    std::int64_t last = 0;
    if (!priceAndQty(Price, Qty, out) || !intField(FirstId, "first_trade_id", first)
        || !intField(LastId, "last_trade_id", last) || !timeField(Time, "transact_time", out.t)
        || !boolField(BuyerMaker, "is_buyer_maker", out.buyerMaker))
        return false;
    if (last < first) {
        reject(QStringLiteral("last_trade_id %1 is below first_trade_id %2").arg(last).arg(first));
        return false;
    }
    out = aggTradeTick(out.t, out.price, out.qty, first, last, out.buyerMaker);
    return true;
}

bool TradeReader::decodeTrade(TradeTick& out)
{
    enum
    {
        Id,
        Price,
        Qty,
        QuoteQty,
        Time,
        BuyerMaker
    };
    if (!columnCount(6, 7, "Binance trades"))
        return false;
    if (!priceAndQty(Price, Qty, out) || !doubleField(QuoteQty, "quote_qty", out.quoteQty)
        || !timeField(Time, "time", out.t) || !boolField(BuyerMaker, "is_buyer_maker", out.buyerMaker))
        return false;
    out.count = 1;
    return true;
}

bool TradeReader::next(TradeTick& out)
{
    while (nextRow()) {
        const bool ok = m_layout == TradeLayout::AggTrades ? decodeAggTrade(out) : decodeTrade(out);
        if (ok)
            return true;
    }
    return false;
}

bool TradeReader::nextBar(Bar& out)
{
    Kline second;
    TradeTick trade;
    while (!m_finished) {
        if (!next(trade)) {
            m_finished = true;
            break;
        }
        if (m_seconds.addTrade(trade, second)) {
            out = second.toBar();
            return true;
        }
    }
    if (m_seconds.flush(second)) {
        out = second.toBar();
        return true;
    }
    return false;
}

} // namespace veloce
