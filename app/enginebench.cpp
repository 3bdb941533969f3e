#include "enginebench.h"

#include "data/marketsimulator.h"
#include "engine/backtestsink.h"
#include "engine/barprocessor.h"

#include <QElapsedTimer>

namespace veloce {

namespace {
// Counts what the engine produced.
class CountingSink : public BacktestSink
{
public:
    void onSignal(const SignalRecord&) override { ++signalCount; }
    void onTrade(const Trade&) override { ++trades; }
    std::int64_t signalCount = 0;
    std::int64_t trades = 0;
};
} // namespace

std::vector<Bar> EngineBench::simulate(std::int64_t bars, quint64 seed, std::int64_t intervalMs)
{
    std::vector<Bar> out;
    out.reserve(static_cast<std::size_t>(bars));
    SimulatorConfig simConfig;
    simConfig.seed = seed;
    simConfig.bars = bars;
    simConfig.intervalMs = intervalMs;
    MarketSimulator sim(simConfig);
    Bar bar;
    while (sim.next(bar))
        out.push_back(bar);
    return out;
}

EngineBench::Figure EngineBench::measure(const std::vector<Bar>& bars, const Config& config)
{
    CountingSink sink;
    BarProcessor engine(config, sink);
    QElapsedTimer timer;
    timer.start();
    for (const Bar& b : bars)
        engine.process(b);
    Figure f;
    f.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    f.bars = static_cast<std::int64_t>(bars.size());
    f.barsPerSecond = static_cast<double>(f.bars) / f.seconds;
    f.signalCount = sink.signalCount;
    f.trades = sink.trades;
    return f;
}

} // namespace veloce
