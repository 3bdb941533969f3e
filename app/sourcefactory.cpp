#include "sourcefactory.h"

#include "clicommand.h"
#include "data/barfile.h"
#include "data/influxsource.h"
#include "data/marketsimulator.h"
#include "data/timerangesource.h"

namespace veloce {

std::unique_ptr<BarSource> SourceFactory::open(const SourceSpec& spec, const Config& config)
{
    std::unique_ptr<BarSource> source;
    switch (spec.kind) {
    case SourceSpec::Kind::File: {
        source = openBarFile(spec.path, parseFileFormat(spec.format), spec.skipBadRows);
        break;
    }
    case SourceSpec::Kind::Simulator: {
        SimulatorConfig sim;
        sim.seed = spec.seed;
        sim.bars = spec.simulateBars;
        source = std::make_unique<MarketSimulator>(sim);
    } break;
    case SourceSpec::Kind::Influx: {
        InfluxSettings settings = InfluxSettings::fromConfig(config);
        if (!spec.influxUrl.isEmpty())
            settings.setUrl(spec.influxUrl);
        if (!spec.influxDatabase.isEmpty())
            settings.database = spec.influxDatabase;
        // The range goes into the queries themselves: no TimeRangeSource needed.
        return std::make_unique<InfluxSource>(settings, spec.markets, spec.fromMs, spec.toMs);
    }
    case SourceSpec::Kind::Binance:
        throw UsageError(QStringLiteral(
            "--binance is a live source: use it with `paper` or `record` (record, then backtest the file)"));
    }
    if (spec.hasRange())
        source = std::make_unique<TimeRangeSource>(std::move(source), spec.fromMs, spec.toMs);
    return source;
}

} // namespace veloce
