#include "data/binancevenue.h"

#include "data/dataerror.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace veloce {

QString BinanceMarket::label() const
{
    return BinanceVenues::name(venue) + QLatin1Char(':') + symbol;
}

QString BinanceVenues::name(BinanceVenue v)
{
    return v == BinanceVenue::Spot ? QStringLiteral("spot") : QStringLiteral("futures");
}

bool BinanceVenues::parse(const QString& text, BinanceVenue& out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("spot"))
        out = BinanceVenue::Spot;
    else if (t == QLatin1String("futures"))
        out = BinanceVenue::Futures;
    else
        return false;
    return true;
}

QUrl BinanceVenues::defaultStreamUrl(BinanceVenue v)
{
    return QUrl(v == BinanceVenue::Spot ? QStringLiteral("wss://stream.binance.com:9443")
                                        : QStringLiteral("wss://fstream.binance.com"));
}

QUrl BinanceVenues::defaultRestUrl(BinanceVenue v)
{
    return QUrl(v == BinanceVenue::Spot ? QStringLiteral("https://api.binance.com")
                                        : QStringLiteral("https://fapi.binance.com"));
}

QString BinanceVenues::aggTradesPath(BinanceVenue v)
{
    return v == BinanceVenue::Spot ? QStringLiteral("/api/v3/aggTrades")
                                   : QStringLiteral("/fapi/v1/aggTrades");
}

QString BinanceVenues::timePath(BinanceVenue v)
{
    return v == BinanceVenue::Spot ? QStringLiteral("/api/v3/time") : QStringLiteral("/fapi/v1/time");
}

int BinanceVenues::aggTradesWeight(BinanceVenue v)
{
    return v == BinanceVenue::Spot ? 4 : 20;
}

int BinanceVenues::timeWeight(BinanceVenue)
{
    return 1;
}

int BinanceVenues::weightLimitPerMinute(BinanceVenue v)
{
    return v == BinanceVenue::Spot ? 6000 : 2400;
}

QUrl BinanceVenues::streamUrl(const QUrl& base, const QList<BinanceMarket>& markets)
{
    QStringList names;
    for (const BinanceMarket& m : markets)
        names << m.streamName();
    QUrl url = base;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/stream"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("streams"), names.join(QLatin1Char('/')));
    url.setQuery(query);
    return url;
}

QList<BinanceMarket> BinanceVenues::parseMarkets(const QString& list, BinanceVenue defaultVenue)
{
    static const QRegularExpression symbol(QStringLiteral("^[A-Za-z0-9]{2,20}$"));
    QList<BinanceMarket> out;
    const QStringList items = list.split(QLatin1Char(','));
    for (const QString& raw : items) {
        const QString item = raw.trimmed();
        BinanceMarket m;
        m.venue = defaultVenue;
        QString name = item;
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            if (!parse(item.left(colon), m.venue))
                throw DataError(
                    QStringLiteral("Binance market \"%1\": unknown venue \"%2\" (use spot or futures)")
                        .arg(item, item.left(colon)));
            name = item.mid(colon + 1);
        }
        if (!symbol.match(name).hasMatch())
            throw DataError(
                QStringLiteral("Binance market \"%1\": a symbol is 2 to 20 letters and digits, e.g. btcusdt")
                    .arg(item));
        m.symbol = name.toUpper();
        if (out.contains(m))
            throw DataError(QStringLiteral("Binance market \"%1\" is listed twice").arg(m.label()));
        out << m;
    }
    return out;
}

} // namespace veloce
