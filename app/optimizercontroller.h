#pragma once

#include "backtestrunner.h"
#include "optimizerrunner.h"
#include "sourcespec.h"
#include "types/config.h"

#include <QObject>
#include <memory>

namespace veloce {

class MainWindow;
class OptimizerPanel;
class OptimizerWindow;
struct GuiOptions;

// Wires the Optimizer: its window (setup panel, sweep view, walk-forward view), the runner that
// does the work, and its one entry in the main window (Research -> Optimizer...). The base config
// is the main window's current one (setConfig, parsed once by MainController). A double-click on a
// configuration asks MainController to backtest it into the dashboard (backtestRequested), and the
// walk-forward's stitched out-of-sample run can be shown there too (resultOpened).
//
// Thread contract: lives on the GUI thread like every widget it drives. OptimizerRunner's workers
// reach it only through queued signals carrying immutable values (OptimizerRunner::SweepPtr,
// WalkForwardPtr); the sweep report is written on a short-lived thread of its own
// (BackgroundWrite) that shares the immutable result.
class OptimizerController : public QObject
{
    Q_OBJECT
public:
    explicit OptimizerController(MainWindow* mainWindow, QObject* parent = nullptr);
    ~OptimizerController() override;

    OptimizerWindow* window() const { return m_window.get(); }
    OptimizerPanel* panel() const { return m_panel; }
    OptimizerRunner* runner() const { return m_runner; }
    const OptimizerRunner::SweepPtr& lastSweep() const { return m_sweep; }
    const OptimizerRunner::WalkForwardPtr& lastWalkForward() const { return m_walkForward; }
    void setConfig(const Config& config);

    // --optimizer GRID.json [--optimizer-data FILE] [--walkforward TRAIN,TEST[,STEP]] [--screenshot PNG]:
    // opens the window, runs, and with --screenshot saves the window once the run is shown, then quits.
    void launch(const GuiOptions& options);

public Q_SLOTS:
    void show();
    void runSweep();
    void runWalkForward();
    void cancel();
    // Backtests grid index `config` of the last sweep into the dashboard.
    void openConfiguration(qint64 config);
    // Writes the last sweep's HTML report (asks for a path unless one is given).
    void exportReport(const QString& path = QString());
    // Replaces the form's grid with a GRID.json file; false (and why in the status) when it cannot.
    bool loadGrid(const QString& path = QString());
    void saveGrid(const QString& path = QString());

Q_SIGNALS:
    void backtestRequested(const veloce::SourceSpec& source, const veloce::Config& config);
    void resultOpened(veloce::BacktestRunner::ResultPtr result, veloce::BacktestRunner::ReportPtr report);
    void reportWritten(const QString& path, const QString& error);
    void screenshotSaved(const QString& path, bool ok);

private:
    // The grid of the form, checked; false (and the problem in the status) when it is not valid.
    bool readGrid(Grid& grid) const;
    void showGridSummary();
    void onSweepFinished(int run, OptimizerRunner::SweepPtr sweep);
    void onWalkForwardFinished(int run, OptimizerRunner::WalkForwardPtr walkForward);
    void onFailed(int run, const QString& message);
    void afterLaunchRun();
    void takeScreenshot();

    MainWindow* m_mainWindow;
    OptimizerPanel* m_panel;
    std::unique_ptr<OptimizerWindow> m_window;
    OptimizerRunner* m_runner;
    Config m_base;
    OptimizerRunner::SweepPtr m_sweep;
    OptimizerRunner::WalkForwardPtr m_walkForward;
    QString m_screenshotPath; // set by launch(): save the window after the run, then quit
};

} // namespace veloce
