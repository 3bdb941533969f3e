#pragma once

#include "backtestrunner.h"
#include "guioptions.h"
#include "types/config.h"

#include <QObject>
#include <memory>
#include <nlohmann/json.hpp>

namespace veloce {

class AlertsController;
class BacktestPanel;
class EventLoopProbe;
class MainWindow;
class OptimizerController;
class ReplayController;
class SessionController;
class SessionHistory;
class SessionPanel;

// The GUI's composition root: owns the window, its panels, the backtest runner and the session
// controller, the current config (last used one restored from QSettings, or --config), and the
// test/benchmark hooks of GuiOptions. Views get values; all work runs on worker threads.
class MainController : public QObject
{
    Q_OBJECT
public:
    static constexpr double kDemoSpeed = 60.0;

    explicit MainController(GuiOptions options, QObject* parent = nullptr);
    ~MainController() override;

    // Loads the config, shows the window and starts what the options ask for. Returns false
    // (after printing why) when the app should exit with status 2.
    bool start();

    MainWindow* window() const { return m_window.get(); }
    BacktestPanel* backtestPanel() const { return m_backtestPanel; }
    SessionPanel* sessionPanel() const { return m_sessionPanel; }
    SessionController* sessions() const { return m_sessions; }
    ReplayController* replay() const { return m_replay; }
    AlertsController* alerts() const { return m_alerts; }
    SessionHistory* history() const { return m_history; }
    BacktestRunner* runner() const { return m_runner; }
    OptimizerController* optimizer() const { return m_optimizer; }
    const Config& config() const { return m_config; }
    void setConfig(const Config& config);
    BacktestRunner::ReportPtr lastReport() const { return m_report; }

public Q_SLOTS:
    void runBacktest();
    void backtestFile(const QString& path);
    void startSession();
    void editSettings();
    // Writes the HTML report of the last backtest (asks for a path unless one is given).
    void exportReport(const QString& path = QString());

Q_SIGNALS:
    void reportWritten(const QString& path, const QString& error);

private:
    void loadSettings();
    void saveSettings() const;
    void onBacktestFinished(int run, BacktestRunner::ResultPtr result, BacktestRunner::ReportPtr report);
    void onSessionLoaded(BacktestRunner::ResultPtr result, BacktestRunner::ReportPtr report, bool thenExport);
    void installTestHooks();
    void takeScreenshot(const QString& path);
    void printStatus(const nlohmann::ordered_json& line) const;
    void offerNewJournal(const QString& path, const QString& message);
    // A journal file beside `refused` that does not exist yet (the refused one is never touched).
    static QString freshJournalPath(const QString& refused);
    void finishBenchmark();

    GuiOptions m_options;
    Config m_config;
    std::unique_ptr<MainWindow> m_window;
    BacktestPanel* m_backtestPanel = nullptr;
    SessionPanel* m_sessionPanel = nullptr;
    BacktestRunner* m_runner = nullptr;
    SessionController* m_sessions = nullptr;
    ReplayController* m_replay = nullptr;
    AlertsController* m_alerts = nullptr;
    SessionHistory* m_history = nullptr;
    OptimizerController* m_optimizer = nullptr;
    EventLoopProbe* m_probe = nullptr;
    BacktestRunner::ReportPtr m_report;
    bool m_screenshotTaken = false;
    bool m_firstBarReported = false; // --status-json: "first_bar" and "first_position", once each
    bool m_firstPositionReported = false;
    qint64 m_benchStartBars = 0;
    qint64 m_benchStartShown = 0;
    qint64 m_benchStartLost = 0;
    qint64 m_benchStartNs = 0;
    int m_benchStartRedraws = 0;
};

} // namespace veloce
