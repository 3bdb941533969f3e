#pragma once

#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"

#include <QMainWindow>

class QSettings;
class QTabWidget;
class QToolBar;

namespace veloce {

class AlertBanner;
class CandleChart;
class Dashboard;
class EquityChart;
class KillSwitchButton;
class PositionsModel;
class ScoreBars;
class SessionStatus;
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
    EquityChart* liveEquity() const { return m_equity; }
    KillSwitchButton* killSwitch() const { return m_kill; }
    AlertBanner* alertBanner() const { return m_banner; }
    Dashboard* dashboard() const { return m_dashboard; }
    SessionStatus* status() const { return m_status; }
    QToolBar* mainToolBar() const { return m_toolbar; }

    // Docks a control panel of the app (backtest, session) on the left by default.
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& objectName,
        Qt::DockWidgetArea area = Qt::LeftDockWidgetArea);
    void showLive();
    void showDashboard();
    bool dashboardShown() const;

    // A new live session starts: clears the live views.
    void resetLiveView(
        const QString& title, double initialCapital, double minEntryScore, double staleAfterMs);
    // Drops a snapshot older than the one shown (lower seq): the window never goes back in time.
    void showSnapshot(const SessionSnapshot& snapshot);
    void showSessionEvent(const SessionEvent& event);

    void saveLayout(QSettings& settings) const;
    void restoreLayout(QSettings& settings);

Q_SIGNALS:
    void fileDropped(const QString& path);
    void settingsRequested();
    void openFileRequested();
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

    CandleChart* m_chart;
    ScoreBars* m_scores;
    PositionsModel* m_positions;
    TradesModel* m_trades;
    EquityChart* m_equity;
    KillSwitchButton* m_kill;
    AlertBanner* m_banner;
    Dashboard* m_dashboard;
    SessionStatus* m_status;
    QTabWidget* m_central;
    QToolBar* m_toolbar;
    QMenu* m_viewMenu = nullptr;
    double m_initialCapital = 0;
    std::int64_t m_lastSnapshotSeq = -1;
};

} // namespace veloce
