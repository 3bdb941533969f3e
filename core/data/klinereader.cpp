#include "data/klinereader.h"

namespace veloce {

namespace {
enum Column
{
    OpenTime,
    Open,
    High,
    Low,
    Close,
    Volume,
    CloseTime,
    QuoteVolume,
    Count,
    TakerBuyBase,
    TakerBuyQuote,
    Ignore
};
} // namespace

KlineReader::KlineReader(const QString& path, bool skipBadRows)
    : CsvRecordReader(path, skipBadRows)
{
    if (hasHeader() && headerFieldCount() != kColumns)
        fail(headerLine(),
            QStringLiteral("the header has %1 columns; Binance klines have %2")
                .arg(headerFieldCount())
                .arg(kColumns));
}

bool KlineReader::decodeBar(Bar& bar, double& volume)
{
    if (!columnCount(kColumns, "Binance klines"))
        return false;
    double takerBuy = 0;
    if (!timeField(OpenTime, "open_time", bar.t) || !doubleField(Open, "open", bar.open)
        || !doubleField(High, "high", bar.high) || !doubleField(Low, "low", bar.low)
        || !doubleField(Close, "close", bar.close) || !doubleField(Volume, "volume", volume)
        || !doubleField(TakerBuyBase, "taker_buy_base_volume", takerBuy))
        return false;
    if (!ohlcValid(bar.open, bar.high, bar.low, bar.close))
        return false;
    if (!volumeValid("volume", volume))
        return false;
    if (takerBuy < 0 || takerBuy > volume) {
        reject(QStringLiteral("taker_buy_base_volume %1 is outside 0..volume (%2)")
                   .arg(num(takerBuy), num(volume)));
        return false;
    }
    bar.vbuy = takerBuy;
    bar.vsell = volume - takerBuy;
    return true;
}

bool KlineReader::nextBar(Bar& out)
{
    double volume = 0;
    while (nextRow()) {
        if (decodeBar(out, volume))
            return true;
    }
    return false;
}

bool KlineReader::next(Kline& out)
{
    while (nextRow()) {
        Bar bar;
        if (!decodeBar(bar, out.volume))
            continue;
        if (!timeField(CloseTime, "close_time", out.closeTime)
            || !doubleField(QuoteVolume, "quote_volume", out.quoteVolume)
            || !intField(Count, "count", out.count)
            || !doubleField(TakerBuyQuote, "taker_buy_quote_volume", out.takerBuyQuote))
            continue;
        if (out.count < 0) {
            reject(QStringLiteral("count %1 is negative").arg(out.count));
            continue;
        }
        out.openTime = bar.t;
        out.open = bar.open;
        out.high = bar.high;
        out.low = bar.low;
        out.close = bar.close;
        out.takerBuyBase = bar.vbuy;
        return true;
    }
    return false;
}

} // namespace veloce
