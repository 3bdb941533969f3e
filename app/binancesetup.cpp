#include "binancesetup.h"

#include "clicommand.h"
#include "engine/binancefeed.h"

namespace veloce {

namespace {
// "{venue}" lets one proxy (or the tests' loopback) serve both venues under one URL.
QUrl venueUrl(const QString& configured, BinanceVenue venue)
{
    if (configured.isEmpty())
        return {};
    QString text = configured;
    text.replace(QStringLiteral("{venue}"), BinanceVenues::name(venue));
    return QUrl(text);
}
} // namespace

BinanceLiveSource::Settings BinanceSetup::settings(const Config& config, const SourceSpec& spec)
{
    const QString venueText = spec.binanceVenue.isEmpty() ? config.binanceVenue : spec.binanceVenue;
    BinanceVenue venue = BinanceVenue::Futures;
    if (!BinanceVenues::parse(venueText, venue))
        throw UsageError(QStringLiteral("--venue: \"%1\" is not one of spot, futures").arg(venueText));
    BinanceLiveSource::Settings s;
    s.markets = BinanceVenues::parseMarkets(spec.binanceMarkets, venue);
    s.spotStreamUrl = venueUrl(config.binanceWsUrl, BinanceVenue::Spot);
    s.futuresStreamUrl = venueUrl(config.binanceWsUrl, BinanceVenue::Futures);
    s.spotRestUrl = venueUrl(config.binanceRestUrl, BinanceVenue::Spot);
    s.futuresRestUrl = venueUrl(config.binanceRestUrl, BinanceVenue::Futures);
    s.options.warmupS = config.binanceWarmupS;
    return s;
}

LiveFeed* BinanceSetup::makeFeed(const Config& config, const SourceSpec& spec)
{
    return new BinanceFeed(settings(config, spec));
}

} // namespace veloce
