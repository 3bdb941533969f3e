#include "optimizerrunner.h"

#include "data/dataerror.h"
#include "engine/teesink.h"
#include "report/reportcollector.h"
#include "researchinputs.h"
#include "resultcollector.h"
#include "timeargument.h"
#include "types/configjson.h"

#include <QPointer>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// The market of an Optimizer run, decoded once; null when cancelled. Throws DataError.
std::shared_ptr<const MarketData> readMarket(
    const SourceSpec& source, const Config& base, const std::atomic<bool>* cancel)
{
    auto market = ResearchInputs::loadMarket(source, base, ResearchInputs::label(source), cancel);
    if (market && market->bars.empty())
        throw DataError(QStringLiteral("%1: no bars in the selected range").arg(market->source));
    return market;
}
} // namespace

OptimizerRunner::OptimizerRunner(QObject* parent)
    : QObject(parent)
    , m_workers(this)
{
    qRegisterMetaType<SweepPtr>();
    qRegisterMetaType<WalkForwardPtr>();
}

OptimizerRunner::~OptimizerRunner() = default; // m_workers cancels and joins every worker

int OptimizerRunner::startSweep(
    const SourceSpec& source, const Config& base, const Grid& grid, const Sweep::Options& options)
{
    return launch([source, base, grid, options](
                      const std::atomic<bool>* cancel, const SweepRunner::Progress& progress) {
        auto run = std::make_shared<SweepRun>();
        run->source = source;
        run->plan = std::make_shared<const SweepPlan>(grid, base); // throws InvalidCombinations
        const auto market = readMarket(source, base, cancel);
        if (!market)
            return Outcome();
        auto result
            = std::make_shared<SweepResult>(Sweep::run(*run->plan, { market }, options, cancel, progress));
        if (result->configs.empty())
            return Outcome(); // cancelled before any configuration finished
        run->heatmaps = std::make_shared<const SweepHeatmaps>(*result);
        run->result = std::move(result);
        return Outcome { std::move(run), nullptr };
    });
}

int OptimizerRunner::startWalkForward(
    const SourceSpec& source, const Config& base, const Grid& grid, const WalkForward::Options& options)
{
    return launch([source, base, grid, options](
                      const std::atomic<bool>* cancel, const SweepRunner::Progress& progress) {
        auto run = std::make_shared<WalkForwardRun>();
        run->source = source;
        run->plan = std::make_shared<const SweepPlan>(grid, base);
        const auto market = readMarket(source, base, cancel);
        if (!market)
            return Outcome();
        if (WalkForward::windows(market->startMs(), market->endMs(), options).empty())
            throw DataError(
                QStringLiteral("%1 spans %2 to %3: shorter than the train span plus a test window")
                    .arg(market->source, TimeArgument::format(market->startMs()),
                        TimeArgument::format(market->endMs())));
        // The stitched out-of-sample run, collected like a GUI backtest (dashboard and report).
        ResultCollector collector;
        ReportCollector reportCollector;
        TeeSink sinks { &collector, &reportCollector };
        auto result = std::make_shared<WalkForwardResult>(
            WalkForward::run(*run->plan, market, options, sinks, cancel, progress));
        if (result->cancelled)
            return Outcome();
        const QString description = QStringLiteral("%1, walk-forward out of sample (%2 windows)")
                                        .arg(market->source)
                                        .arg(result->windows.size());
        auto stitched = std::make_shared<BacktestResult>();
        stitched->summary = result->stitched;
        stitched->source = description;
        stitched->configJson = QString::fromStdString(ConfigJson::toJson(base, true).dump());
        stitched->configHash = ConfigJson::hash(base);
        stitched->minEntryScore = base.minEntryScore;
        collector.takeInto(*stitched);
        run->report
            = std::make_shared<const ReportData>(reportCollector.result(result->stitched, description, base));
        run->stitched = std::move(stitched);
        run->result = std::move(result);
        return Outcome { nullptr, std::move(run) };
    });
}

int OptimizerRunner::launch(Work work)
{
    cancel();
    const int run = ++m_run;
    m_active = run;
    m_cancelling = false;
    QPointer<OptimizerRunner> self(this);
    const QString name = QStringLiteral("veloce-optimizer-%1").arg(run);
    m_workers.start(run, name, [self, run, work = std::move(work)](const std::atomic<bool>* cancel) {
        const SweepRunner::Progress progress = [self, run](const SweepProgress& p) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, run, p] {
                    if (self)
                        self->onProgress(run, p);
                },
                Qt::QueuedConnection);
        };
        Outcome outcome;
        QString error;
        try {
            outcome = work(cancel, progress);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, run, outcome, error] {
                if (self)
                    self->onDone(run, outcome, error);
            },
            Qt::QueuedConnection);
    });
    Q_EMIT started(run);
    Q_EMIT progress(run, 0, 0, 0, -1);
    return run;
}

void OptimizerRunner::cancel()
{
    if (m_active == 0)
        return;
    m_workers.cancel(m_active);
    m_cancelling = true;
}

void OptimizerRunner::onProgress(int run, const SweepProgress& p)
{
    if (run == m_active)
        Q_EMIT progress(run, p.runsDone, p.runsTotal, p.fraction, p.etaMs);
}

void OptimizerRunner::onDone(int run, const Outcome& outcome, const QString& error)
{
    if (run != m_active)
        return; // superseded: discard
    m_active = 0;
    m_cancelling = false;
    if (!error.isEmpty())
        Q_EMIT failed(run, error);
    else if (outcome.sweep)
        Q_EMIT sweepFinished(run, outcome.sweep);
    else if (outcome.walkForward)
        Q_EMIT walkForwardFinished(run, outcome.walkForward);
    else
        Q_EMIT cancelled(run);
}

} // namespace veloce
