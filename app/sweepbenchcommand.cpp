#include "sweepbenchcommand.h"

#include "cliparser.h"
#include "configloader.h"
#include "data/memorybarsource.h"
#include "enginebench.h"
#include "research/marketdata.h"
#include "research/sweep.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// 4 × 2 × 5 × 5 × 5 = 1,000 configurations in 8 score groups: indicator keys (shared streams) and
// portfolio keys (one portfolio run each).
const char* const kDefaultGrid = R"({
  "squeeze_length": [10, 20, 30, 40],
  "squeeze_keltner": ["range", "atr"],
  "min_entry_score": [3, 3.5, 4, 4.5, 5],
  "base_risk_per_trade": {"from": 0.01, "to": 0.05, "step": 0.01},
  "max_open_positions": {"from": 1, "to": 5, "step": 1}
})";

} // namespace

int SweepBenchCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Measure a parameter sweep (default: 1,000 configurations over 525,600 simulated "
                       "1-minute bars, a year) and, in the same run, the single-configuration engine figure "
                       "of veloce-cli bench. Prints JSON: the sweep's configurations x bars per second, and "
                       "its ratio to the engine figure (target: at least 2 x jobs). Use a release build."));
    p.addOption({ QStringLiteral("bars"), QStringLiteral("1-minute bars to sweep over (default 525600)."),
        QStringLiteral("N"), QStringLiteral("525600") });
    p.addOption({ QStringLiteral("engine-bars"),
        QStringLiteral("1-second bars for the engine figure, as veloce-cli bench (default 10000000)."),
        QStringLiteral("N"), QStringLiteral("10000000") });
    p.addOption({ QStringLiteral("grid"),
        QStringLiteral("Grid file instead of the built-in 1,000 configurations."), QStringLiteral("file") });
    p.addOption({ QStringLiteral("jobs"), QStringLiteral("Worker threads (default: the number of CPUs)."),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("seed"), QStringLiteral("Simulator seed."), QStringLiteral("S"),
        QStringLiteral("42") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const auto bars = p.integer(QStringLiteral("bars"), 1000, std::int64_t(1) << 30);
    const auto engineBars = p.integer(QStringLiteral("engine-bars"), 1000, std::int64_t(1) << 32);
    const auto seed
        = static_cast<quint64>(p.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
    const int jobs = p.isSet(QStringLiteral("jobs"))
        ? static_cast<int>(p.integer(QStringLiteral("jobs"), 1, 1024))
        : std::max(1, QThread::idealThreadCount());
    const Config config = p.config();
    const QString gridPath
        = p.isSet(QStringLiteral("grid")) ? p.value(QStringLiteral("grid")) : QStringLiteral("built-in grid");
    const nlohmann::ordered_json gridJson = p.isSet(QStringLiteral("grid"))
        ? ConfigLoader::readJson(gridPath)
        : nlohmann::ordered_json::parse(kDefaultGrid);
    const SweepPlan plan(Grid::fromJson(gridJson, gridPath), config);

    // The engine figure exactly as `veloce-cli bench` takes it.
    const EngineBench::Figure engine = EngineBench::measure(EngineBench::simulate(engineBars, seed), config);
    // The same engine on the sweep's own bars, one configuration: the per-bar cost of 1-minute bars.
    const std::vector<Bar> minutes = EngineBench::simulate(bars, seed, 60000);
    const EngineBench::Figure engineMinutes = EngineBench::measure(minutes, config);

    MemoryBarSource source(minutes, QStringLiteral("simulator, 1-minute bars"), QStringLiteral("BTCUSDT"));
    const auto market = MarketData::load(source, QStringLiteral("simulated-minutes"));
    Sweep::Options options;
    options.jobs = jobs;
    QElapsedTimer timer;
    timer.start();
    const SweepResult result = Sweep::run(plan, { market }, options);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::int64_t trades = 0;
    for (const SweepRow& row : result.rows)
        trades += row.summary.totalTrades;

    const double configBars = static_cast<double>(plan.size()) * static_cast<double>(minutes.size());
    const double throughput = configBars / seconds;
    nlohmann::ordered_json out;
    out["engine_bars"] = engine.bars;
    out["engine_bars_per_second"] = engine.barsPerSecond;
    out["engine_trades"] = engine.trades;
    out["engine_minute_bars_per_second"] = engineMinutes.barsPerSecond;
    out["sweep_configurations"] = plan.size();
    out["sweep_score_streams"] = plan.scoreGroups(plan.allIndices()).size();
    out["sweep_bars"] = static_cast<std::int64_t>(minutes.size());
    out["sweep_jobs"] = jobs;
    out["sweep_seconds"] = seconds;
    out["sweep_trades"] = trades;
    out["sweep_config_bars_per_second"] = throughput;
    out["ratio_to_engine"] = throughput / engine.barsPerSecond;
    out["target_ratio"] = 2.0 * jobs;
    out["ratio_met"] = throughput / engine.barsPerSecond >= 2.0 * jobs;
    out["under_10_seconds"] = seconds < 10.0;
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    return 0;
}

} // namespace veloce
