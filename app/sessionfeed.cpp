#include "sessionfeed.h"

#include "binancesetup.h"
#include "data/barfile.h"
#include "data/influxsettings.h"
#include "data/marketsimulator.h"
#include "data/timerangesource.h"
#include "engine/influxfeed.h"
#include "engine/pacedfeed.h"

#include <QDateTime>

namespace veloce {

LiveFeed* makeSessionFeed(const SessionSetup& setup, const RecoveredAccount& recovered, FeedStart* start)
{
    const SourceSpec& spec = setup.source;
    switch (spec.kind) {
    case SourceSpec::Kind::Simulator: {
        // Live times, strictly increasing across restarts of the same journal, continuing from
        // the journal's last price: restored positions are marked where they were left.
        SimulatorConfig sim;
        sim.seed = spec.seed;
        sim.bars = spec.simulateBars;
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        sim.startMs = std::max(now, recovered.lastBarMs + 1000);
        if (recovered.lastClose > 0)
            sim.startPrice = recovered.lastClose;
        if (start)
            *start = { sim.startMs, sim.startPrice };
        return new PacedFeed(std::make_unique<MarketSimulator>(sim), setup.speed);
    }
    case SourceSpec::Kind::File: {
        std::unique_ptr<BarSource> source
            = openBarFile(spec.path, parseFileFormat(spec.format), spec.skipBadRows);
        if (spec.hasRange())
            source = std::make_unique<TimeRangeSource>(std::move(source), spec.fromMs, spec.toMs);
        return new PacedFeed(std::move(source), setup.speed);
    }
    case SourceSpec::Kind::Influx: {
        InfluxSettings settings = InfluxSettings::fromConfig(setup.config);
        if (!spec.influxUrl.isEmpty())
            settings.setUrl(spec.influxUrl);
        if (!spec.influxDatabase.isEmpty())
            settings.database = spec.influxDatabase;
        const std::int64_t after
            = std::max<std::int64_t>(recovered.lastBarMs, QDateTime::currentMSecsSinceEpoch() - 60000);
        return new InfluxFeed(settings, spec.markets, after, setup.config.influxPollIntervalMs);
    }
    case SourceSpec::Kind::Binance:
        return BinanceSetup::makeFeed(setup.config, spec);
    }
    return nullptr;
}

} // namespace veloce
