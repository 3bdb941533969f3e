#include "influximportcommand.h"

#include "cliparser.h"
#include "data/barfile.h"
#include "data/influxclient.h"
#include "data/influxwriter.h"
#include "data/marketsimulator.h"
#include "influxoptions.h"
#include "timeargument.h"

#include <QTextStream>

namespace veloce {

int InfluxImportCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral(
            "Write bars into InfluxDB as aggr-server stores them: <measurement>,market=<M> "
            "open,high,low,close,vbuy,vsell at the bar's open time (ms), in batches. Creates the "
            "database and the retention policy (kept forever) if missing. Volumes are written as the "
            "file gives them (base units for Binance files), so a backtest from InfluxDB matches one "
            "from the file exactly; aggr-server itself stores quote notional."));
    p.addOption(
        { QStringLiteral("data"), QStringLiteral("CSV or CSV.gz file to import."), QStringLiteral("file") });
    p.addOption({ QStringLiteral("format"),
        QStringLiteral("File format: auto (default), klines, aggtrades, trades, bars."),
        QStringLiteral("format"), QStringLiteral("auto") });
    p.addOption({ QStringLiteral("skip-bad-rows"),
        QStringLiteral("Skip malformed rows (counted) instead of stopping.") });
    p.addOption({ QStringLiteral("simulate"),
        QStringLiteral("Import N bars of the built-in market simulator instead."), QStringLiteral("N") });
    p.addOption({ QStringLiteral("seed"), QStringLiteral("Simulator seed (default 42)."), QStringLiteral("S"),
        QStringLiteral("42") });
    p.addOption({ QStringLiteral("market"), QStringLiteral("Market tag to write, e.g. BINANCE:btcusdt."),
        QStringLiteral("M") });
    p.addOption({ QStringLiteral("batch"), QStringLiteral("Points per write request (default 5000)."),
        QStringLiteral("N"), QStringLiteral("5000") });
    InfluxOptions::add(p);
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    if (p.isSet(QStringLiteral("data")) == p.isSet(QStringLiteral("simulate")))
        throw UsageError(QStringLiteral("choose one input: --data FILE or --simulate N"));
    if (!p.isSet(QStringLiteral("market")))
        throw UsageError(QStringLiteral("--market is required (e.g. --market BINANCE:btcusdt)"));
    if (!p.isSet(QStringLiteral("influx")))
        throw UsageError(QStringLiteral("--influx URL is required"));
    const auto batch = static_cast<int>(p.integer(QStringLiteral("batch"), 1, 100000));
    const Config config = p.config();
    const InfluxSettings settings = InfluxOptions::settings(p, config);
    const QString market = p.value(QStringLiteral("market"));

    std::unique_ptr<BarSource> source;
    if (p.isSet(QStringLiteral("data"))) {
        source = openBarFile(p.value(QStringLiteral("data")),
            parseFileFormat(p.value(QStringLiteral("format"))), p.isSet(QStringLiteral("skip-bad-rows")));
    } else {
        const auto n = p.integer(QStringLiteral("simulate"), 1, std::int64_t(1) << 40);
        const auto seed
            = static_cast<quint64>(p.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
        SimulatorConfig sim;
        sim.seed = seed;
        sim.bars = n;
        source = std::make_unique<MarketSimulator>(sim);
    }

    InfluxClient client(settings);
    InfluxWriter writer(client, market, batch);
    const QString created = writer.ensureSchema();
    Bar bar;
    std::int64_t first = 0;
    std::int64_t last = 0;
    bool any = false;
    while (source->next(bar)) {
        if (!any)
            first = bar.t;
        any = true;
        last = bar.t;
        writer.add(bar);
    }
    writer.flush();

    QTextStream err(stderr);
    if (!created.isEmpty())
        err << QStringLiteral("created %1\n").arg(created);
    const SourceStats stats = source->stats();
    if (stats.outOfOrder > 0)
        err << QStringLiteral("warning: %1: dropped %2 duplicate or out-of-order bar(s)\n")
                   .arg(source->description())
                   .arg(stats.outOfOrder);
    if (stats.skippedRows > 0)
        err << QStringLiteral("warning: %1: skipped %2 malformed row(s), the first on line %3\n")
                   .arg(source->description())
                   .arg(stats.skippedRows)
                   .arg(stats.firstSkippedLine);
    err << QStringLiteral("imported %1 bars (%2 .. %3) from %4 into %5 market %6 at %7\n")
               .arg(writer.written())
               .arg(writer.written() ? TimeArgument::format(first) : QStringLiteral("-"),
                   writer.written() ? TimeArgument::format(last) : QStringLiteral("-"), source->description(),
                   settings.qualifiedMeasurement(), market, settings.endpoint());
    return 0;
}

} // namespace veloce
