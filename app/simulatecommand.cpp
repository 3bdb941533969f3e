#include "simulatecommand.h"

#include "cliparser.h"
#include "data/barcsvwriter.h"
#include "data/marketsimulator.h"

#include <QTextStream>

namespace veloce {

int SimulateCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Write N bars of the built-in market simulator as Veloce bar CSV "
                       "(t,open,high,low,close,vbuy,vsell)."));
    p.addOption({ QStringLiteral("bars"), QStringLiteral("Number of 1-second bars."), QStringLiteral("N") });
    p.addOption({ QStringLiteral("seed"), QStringLiteral("Simulator seed (default 42)."), QStringLiteral("S"),
        QStringLiteral("42") });
    p.addOption({ QStringLiteral("out"), QStringLiteral("Output file (.csv, or .csv.gz to compress)."),
        QStringLiteral("file") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("bars")) || !p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--bars N and --out FILE are required"));
    const auto bars = p.integer(QStringLiteral("bars"), 1, std::int64_t(1) << 40);
    const auto seed
        = static_cast<quint64>(p.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));

    SimulatorConfig simConfig;
    simConfig.seed = seed;
    simConfig.bars = bars;
    MarketSimulator sim(simConfig);
    BarCsvWriter writer(p.value(QStringLiteral("out")));
    Bar bar;
    while (sim.next(bar))
        writer.write(bar);
    writer.close();
    QTextStream(stderr)
        << QStringLiteral("wrote %1 bars to %2\n").arg(bars).arg(p.value(QStringLiteral("out")));
    return 0;
}

} // namespace veloce
