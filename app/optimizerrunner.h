#pragma once

#include "backtestrunner.h"
#include "research/grid.h"
#include "research/sweep.h"
#include "research/sweepheatmaps.h"
#include "research/walkforward.h"
#include "runworkers.h"
#include "sourcespec.h"
#include "types/config.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

namespace veloce {

// Runs the Optimizer's sweeps and walk-forward analyses for the GUI: on a worker thread the bars
// are decoded once (ResearchInputs::loadMarket, as `veloce-cli sweep` reads them), every grid
// combination is checked by the config schema (SweepPlan), then Sweep::run or WalkForward::run does
// the work on `jobs` threads of its own -- the engine of the CLI, so every number is the CLI's. A
// sweep's heatmaps for every pair of keys are built on the worker too (SweepHeatmaps), so the view
// only draws.
//
// Thread contract: the runner lives on the GUI thread; start*(), cancel() and the destructor are
// called there. Each run has an id and a cancel flag of its own. The worker owns copies of what it
// reads (source, base config, grid, options) and talks back only through queued calls guarded by a
// QPointer: progress about ten times a second, then one result as shared_ptr<const ...> to values
// nobody changes again. Only the newest run reports: starting a run cancels the one before and
// drops whatever it still sends. A cancelled sweep reports the configurations that finished
// (SweepResult::cancelled), or `cancelled` when none did; a cancelled walk-forward reports
// `cancelled`. The destructor cancels and joins every worker.
class OptimizerRunner : public QObject
{
    Q_OBJECT
public:
    struct SweepRun
    {
        SourceSpec source;
        std::shared_ptr<const SweepPlan> plan; // SweepPlan::config(i) is row i's complete config
        std::shared_ptr<const SweepResult> result;
        std::shared_ptr<const SweepHeatmaps> heatmaps;
    };
    struct WalkForwardRun
    {
        SourceSpec source;
        std::shared_ptr<const SweepPlan> plan;
        std::shared_ptr<const WalkForwardResult> result;
        BacktestRunner::ResultPtr stitched; // the stitched out-of-sample run, for the dashboard
        BacktestRunner::ReportPtr report; // and its HTML report
    };
    using SweepPtr = std::shared_ptr<const SweepRun>;
    using WalkForwardPtr = std::shared_ptr<const WalkForwardRun>;

    explicit OptimizerRunner(QObject* parent = nullptr);
    ~OptimizerRunner() override;

    int startSweep(
        const SourceSpec& source, const Config& base, const Grid& grid, const Sweep::Options& options);
    int startWalkForward(
        const SourceSpec& source, const Config& base, const Grid& grid, const WalkForward::Options& options);
    // Asks the current run to stop; it reports what finished (see the contract above).
    void cancel();
    bool isRunning() const { return m_active != 0; }
    bool isCancelling() const { return m_cancelling; }
    int currentRun() const { return m_active; }
    // Workers still alive (a superseded run winds down in the background).
    int workerCount() const { return m_workers.count(); }

Q_SIGNALS:
    void started(int run);
    // runsTotal 0 while the bars are read and the grid is checked; etaMs -1 when unknown.
    void progress(int run, qint64 runsDone, qint64 runsTotal, double fraction, double etaMs);
    void sweepFinished(int run, veloce::OptimizerRunner::SweepPtr sweep);
    void walkForwardFinished(int run, veloce::OptimizerRunner::WalkForwardPtr walkForward);
    void failed(int run, const QString& message);
    void cancelled(int run);

private:
    struct Outcome
    {
        SweepPtr sweep;
        WalkForwardPtr walkForward;
    };
    using Work
        = std::function<Outcome(const std::atomic<bool>* cancel, const SweepRunner::Progress& progress)>;
    int launch(Work work);
    void onProgress(int run, const SweepProgress& progress);
    void onDone(int run, const Outcome& outcome, const QString& error);

    RunWorkers m_workers;
    int m_run = 0;
    int m_active = 0; // the run that may still report, 0 when none
    bool m_cancelling = false;
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::OptimizerRunner::SweepPtr)
Q_DECLARE_METATYPE(veloce::OptimizerRunner::WalkForwardPtr)
