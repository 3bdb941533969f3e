#include "data/influxql.h"

#include "data/dataerror.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <limits>

namespace veloce::InfluxQl {

namespace {
bool isAsciiAlnum(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}
} // namespace

bool isValidIdentifier(const QString& name)
{
    if (name.isEmpty() || name.size() > 255)
        return false;
    return std::none_of(name.begin(), name.end(), [](QChar c) {
        return c == QLatin1Char('"') || c == QLatin1Char('\\') || c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
}

QString quoted(const QString& name, const char* what)
{
    if (!isValidIdentifier(name))
        throw DataError(
            QStringLiteral("invalid InfluxDB %1 name \"%2\": it must be 1-255 characters without quotes, "
                           "backslashes or control characters")
                .arg(QLatin1String(what), name.left(80)));
    return QLatin1Char('"') + name + QLatin1Char('"');
}

bool isValidMarket(const QString& market)
{
    const qsizetype colon = market.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon > 32 || market.size() - colon - 1 < 1 || market.size() > 100)
        return false;
    for (qsizetype i = 0; i < market.size(); ++i) {
        const QChar c = market[i];
        if (isAsciiAlnum(c) || c == QLatin1Char('_'))
            continue;
        if (i > colon
            && (c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('/')
                || c == QLatin1Char(':')))
            continue;
        if (i == colon)
            continue;
        return false;
    }
    return true;
}

void requireValidMarkets(const QStringList& markets)
{
    if (markets.isEmpty())
        throw DataError(QStringLiteral("no InfluxDB market given (e.g. --market BINANCE:btcusdt)"));
    for (const QString& m : markets) {
        if (!isValidMarket(m))
            throw DataError(
                QStringLiteral("invalid market name \"%1\": expected EXCHANGE:symbol as aggr-server "
                               "writes it (e.g. BINANCE:btcusdt, OKEX:BTC-USDT-SWAP); allowed are "
                               "letters, digits, _ and, after the colon, . - / :")
                    .arg(m.left(100)));
    }
    for (qsizetype i = 0; i < markets.size(); ++i)
        if (markets.indexOf(markets[i], i + 1) >= 0)
            throw DataError(QStringLiteral("market \"%1\" is listed twice").arg(markets[i]));
}

std::int64_t clampTime(std::int64_t ms)
{
    return std::clamp(ms, kMinTimeMs, kMaxTimeMs);
}

std::string rfc3339(std::int64_t ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(clampTime(ms), QTimeZone::utc());
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toStdString();
}

QString displayTime(std::int64_t ms)
{
    if (ms <= kMinTimeMs)
        return QStringLiteral("the beginning");
    if (ms >= kMaxTimeMs)
        return QStringLiteral("the end");
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t.toString(
        ms % 1000 == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ssZ") : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace veloce::InfluxQl
