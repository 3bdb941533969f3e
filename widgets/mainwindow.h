#pragma once

#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"

#include <QMainWindow>

class QAction;
class QSettings;
class QTabWidget;
class QToolBar;

namespace veloce {

class AlertBanner;
class AlertsModel;
class AlertsPanel;
class CandleChart;
class Dashboard;
class EquityChart;
class KillSwitchButton;
class PositionsModel;
class ReplayControls;
class ScoreBars;
class SessionStatus;
class TradeFocus;
class TradesModel;

// The workstation window: live candles and the backtest dashboard as central tabs, dockable
// panels around them (score bars, positions and trades, equity; the app adds its control panels),
// the kill switch in a toolbar that cannot be hidden or moved, and the status bar. It renders
// session snapshots and events handed to it on the GUI thread; it never talks to the engine.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    CandleChart* liveChart() const { return m_chart; }
    ScoreBars* scoreBars() const { return m_scores; }
    PositionsModel* positionsModel() const { return m_positions; }
    TradesModel* sessionTradesModel() const { return m_trades; }
    TradeFocus* sessionTradeFocus() const { return m_tradeFocus; }
    EquityChart* liveEquity() const { return m_equity; }
    KillSwitchButton* killSwitch() const { return m_kill; }
    AlertBanner* alertBanner() const { return m_banner; }
    AlertsModel* alertsModel() const { return m_alerts; }
    AlertsPanel* alertsPanel() const { return m_alertsPanel; }
    QDockWidget* alertsDock() const { return m_alertsDock; }
    Dashboard* dashboard() const { return m_dashboard; }
    SessionStatus* status() const { return m_status; }
    QToolBar* mainToolBar() const { return m_toolbar; }
    ReplayControls* replayControls() const { return m_replay; }

    // Docks a control panel of the app (backtest, session) on the left by default.
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& objectName,
        Qt::DockWidgetArea area = Qt::LeftDockWidgetArea);
    void showLive();
    // Shows and raises the Alerts dock (from the status bar's alert count or a notification).
    void showAlerts();
    void showDashboard();
    bool dashboardShown() const;
    // The dashboard in a window of its own (true) or back as the central tab (false).
    void setDashboardDetached(bool detached);
    bool dashboardDetached() const { return m_dashboardWindow != nullptr; }

    // A new live session starts: clears the live views.
    void resetLiveView(
        const QString& title, double initialCapital, double minEntryScore, double staleAfterMs);
    // Drops a snapshot older than the one shown (lower seq): the window never goes back in time,
    // and returns false.
    bool showSnapshot(const SessionSnapshot& snapshot);
    void showSessionEvent(const SessionEvent& event);

    void saveLayout(QSettings& settings) const;
    void restoreLayout(QSettings& settings);

Q_SIGNALS:
    void fileDropped(const QString& path);
    void settingsRequested();
    void openFileRequested();
    void sessionsRequested();
    void closing();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    QMenu* createPopupMenu() override;

private:
    QDockWidget* addDock(
        QWidget* widget, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
    void buildMenus();
    void onCentralTabChanged(int index);
    bool eventFilter(QObject* watched, QEvent* event) override;

    CandleChart* m_chart;
    ScoreBars* m_scores;
    PositionsModel* m_positions;
    TradesModel* m_trades;
    TradeFocus* m_tradeFocus = nullptr;
    EquityChart* m_equity;
    KillSwitchButton* m_kill;
    AlertBanner* m_banner;
    AlertsModel* m_alerts;
    AlertsPanel* m_alertsPanel;
    QDockWidget* m_alertsDock = nullptr;
    Dashboard* m_dashboard;
    SessionStatus* m_status;
    QTabWidget* m_central;
    QToolBar* m_toolbar;
    ReplayControls* m_replay;
    QMenu* m_viewMenu = nullptr;
    QAction* m_detachAction = nullptr;
    // The dock layout of each central view (index = tab): the dashboard gets the window with the
    // docks collapsed, the live view gets its docks back. Empty until the view was left once.
    QByteArray m_viewStates[2];
    int m_shownTab = 0;
    QWidget* m_dashboardWindow = nullptr;
    double m_initialCapital = 0;
    std::int64_t m_lastSnapshotSeq = -1;
};

} // namespace veloce
