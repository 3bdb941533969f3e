#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace veloce {

// Binance's two public market-data venues and what differs between them: endpoints, REST paths,
// request weights and the IP's weight limit per minute (from Binance's API documentation; see
// docs/binance-live.md for the sources).
enum class BinanceVenue
{
    Spot,
    Futures, // USD-M futures
};

// One market of a live session: a symbol on a venue. Written "btcusdt" (the session's default
// venue) or "spot:btcusdt" / "futures:btcusdt".
struct BinanceMarket
{
    BinanceVenue venue = BinanceVenue::Futures;
    QString symbol; // upper case, as REST wants it: "BTCUSDT"

    QString streamName() const { return symbol.toLower() + QStringLiteral("@aggTrade"); }
    QString label() const;
    bool operator==(const BinanceMarket& o) const { return venue == o.venue && symbol == o.symbol; }
};

class BinanceVenues
{
public:
    static QString name(BinanceVenue v); // "spot" | "futures"
    // "spot" | "futures" (case-insensitive); false for anything else.
    static bool parse(const QString& text, BinanceVenue& out);

    static QUrl defaultStreamUrl(BinanceVenue v); // wss://stream.binance.com:9443 | wss://fstream.binance.com
    static QUrl defaultRestUrl(BinanceVenue v); // https://api.binance.com | https://fapi.binance.com
    static QString aggTradesPath(BinanceVenue v); // /api/v3/aggTrades | /fapi/v1/aggTrades
    static QString timePath(BinanceVenue v); // /api/v3/time | /fapi/v1/time
    static int aggTradesWeight(BinanceVenue v); // 4 | 20
    static int timeWeight(BinanceVenue v); // 1
    static int weightLimitPerMinute(BinanceVenue v); // 6000 | 2400

    // The combined-stream URL for `markets` (all on one venue): <base>/stream?streams=a@aggTrade/...
    static QUrl streamUrl(const QUrl& base, const QList<BinanceMarket>& markets);

    // "btcusdt,spot:btcusdc" -> markets, unprefixed ones on `defaultVenue`. Throws DataError naming
    // the bad entry (empty, unknown venue, not 2-20 letters and digits, repeated).
    static QList<BinanceMarket> parseMarkets(const QString& list, BinanceVenue defaultVenue);
};

} // namespace veloce
