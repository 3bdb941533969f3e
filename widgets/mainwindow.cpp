#include "mainwindow.h"

#include "candlechart.h"
#include "candlechartview.h"
#include "dashboard.h"
#include "equitychart.h"
#include "killswitchbutton.h"
#include "positionsmodel.h"
#include "scorebars.h"
#include "sessionstatus.h"
#include "tableviewfactory.h"
#include "theme.h"
#include "tradesmodel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace veloce {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_chart(new CandleChart(this))
    , m_scores(new ScoreBars(this))
    , m_positions(new PositionsModel(this))
    , m_trades(new TradesModel(this))
    , m_equity(new EquityChart(this))
    , m_kill(new KillSwitchButton(this))
    , m_dashboard(new Dashboard(this))
    , m_status(new SessionStatus(this))
    , m_central(new QTabWidget(this))
    , m_toolbar(new QToolBar(tr("Trading"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Veloce"));
    setAcceptDrops(true);
    setDockOptions(
        QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);

    m_central->setObjectName(QStringLiteral("centralTabs"));
    m_central->setDocumentMode(true);
    m_central->addTab(m_chart, tr("Live"));
    m_central->addTab(m_dashboard, tr("Backtest dashboard"));
    setCentralWidget(m_central);

    // The kill switch toolbar: always there, cannot be moved, floated or hidden (createPopupMenu
    // leaves it out, and it has no toggle action in any menu).
    m_toolbar->setObjectName(QStringLiteral("killSwitchToolBar"));
    m_toolbar->setMovable(false);
    m_toolbar->setFloatable(false);
    m_toolbar->addWidget(m_kill);
    addToolBar(Qt::TopToolBarArea, m_toolbar);

    m_scores->setObjectName(QStringLiteral("scoreBars"));
    addDock(m_scores, tr("Score"), QStringLiteral("scoreDock"), Qt::RightDockWidgetArea);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("positionTabs"));
    tabs->addTab(
        TableViewFactory::create(m_positions, QStringLiteral("positionsTable"), tabs), tr("Positions"));
    tabs->addTab(
        TableViewFactory::create(m_trades, QStringLiteral("sessionTradesTable"), tabs), tr("Closed trades"));
    addDock(tabs, tr("Positions"), QStringLiteral("positionsDock"), Qt::BottomDockWidgetArea);
    addDock(m_equity, tr("Equity"), QStringLiteral("equityDock"), Qt::RightDockWidgetArea);

    statusBar()->addPermanentWidget(m_status, 1);
    buildMenus();
    resize(1560, 940);
}

QDockWidget* MainWindow::addDock(
    QWidget* widget, const QString& title, const QString& objectName, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    dock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    if (m_viewMenu)
        m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

QDockWidget* MainWindow::addPanel(
    QWidget* panel, const QString& title, const QString& objectName, Qt::DockWidgetArea area)
{
    return addDock(panel, title, objectName, area);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(
        tr("&Open data file for a backtest\u2026"), QKeySequence::Open, this, &MainWindow::openFileRequested);
    file->addAction(tr("&Export HTML report\u2026"), m_dashboard, &Dashboard::exportRequested);
    file->addSeparator();
    file->addAction(tr("&Settings\u2026"), QKeySequence::Preferences, this, &MainWindow::settingsRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* trading = menuBar()->addMenu(tr("&Trading"));
    // The chord itself is handled by KillSwitchButton's application-wide filter; the menu shows it.
    trading->addAction(tr("&Kill switch\tCtrl+Shift+K"), m_kill, &KillSwitchButton::trigger);
    trading->addAction(tr("&Re-arm trading"), m_kill, &KillSwitchButton::rearmRequested);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("&Live chart"), this, &MainWindow::showLive);
    m_viewMenu->addAction(tr("Backtest &dashboard"), this, &MainWindow::showDashboard);
    m_viewMenu->addSeparator();
    const QList<QDockWidget*> docks = findChildren<QDockWidget*>();
    for (QDockWidget* d : docks)
        m_viewMenu->addAction(d->toggleViewAction());
}

QMenu* MainWindow::createPopupMenu()
{
    auto* menu = new QMenu(this);
    const QList<QDockWidget*> docks = findChildren<QDockWidget*>();
    for (QDockWidget* d : docks)
        menu->addAction(d->toggleViewAction());
    return menu;
}

void MainWindow::showLive()
{
    m_central->setCurrentWidget(m_chart);
}

void MainWindow::showDashboard()
{
    m_central->setCurrentWidget(m_dashboard);
}

bool MainWindow::dashboardShown() const
{
    return m_central->currentWidget() == m_dashboard;
}

void MainWindow::resetLiveView(
    const QString& title, double initialCapital, double minEntryScore, double staleAfterMs)
{
    m_initialCapital = initialCapital;
    m_lastSnapshotSeq = -1;
    m_chart->view()->clear();
    m_chart->view()->setFollowing(true);
    m_chart->setTitle(title);
    m_scores->setScores({});
    m_scores->setThreshold(minEntryScore);
    m_positions->setPositions({}, 0);
    m_trades->setTrades({});
    m_equity->setInitialCapital(initialCapital);
    m_equity->clear();
    m_status->setSource(title);
    m_status->setStaleAfterMs(staleAfterMs);
    m_status->setConnection(SessionStatus::Connection::Connecting);
    m_status->setFeedHealth(FeedHealth());
}

void MainWindow::showSnapshot(const SessionSnapshot& s)
{
    if (s.seq <= m_lastSnapshotSeq)
        return; // an older snapshot overtaken by a newer one
    m_lastSnapshotSeq = s.seq;
    CandleChartView* chart = m_chart->view();
    chart->appendBars(s.bars);
    chart->setOpenPositions(s.positions);
    if (!s.bars.empty())
        m_scores->setScores(s.current);
    m_positions->setPositions(s.positions, s.lastBarMs);
    const int before = m_trades->rowCount();
    m_trades->appendTrades(s.recentTrades);
    for (int row = before; row < m_trades->rowCount(); ++row)
        chart->appendTrade(m_trades->trades()[std::size_t(row)]);
    m_equity->setEquity(s.equityCurve);

    m_status->setSource(s.source);
    switch (s.state) {
    case SessionState::Idle:
        m_status->setConnection(SessionStatus::Connection::Connecting);
        break;
    case SessionState::Running:
        m_status->setConnection(
            s.lastBarMs > 0 ? SessionStatus::Connection::Live : SessionStatus::Connection::Connecting,
            s.lastAlert);
        break;
    case SessionState::Finished:
        m_status->setConnection(SessionStatus::Connection::Finished);
        break;
    case SessionState::Stopped:
        m_status->setConnection(SessionStatus::Connection::Idle, tr("stopped"));
        break;
    case SessionState::Failed:
        m_status->setConnection(SessionStatus::Connection::Failed, s.lastAlert);
        break;
    }
    // A live exchange feed knows more about its connection than "bars arrive": say that instead.
    m_status->setFeedHealth(s.state == SessionState::Running ? s.feed : FeedHealth());
    if (s.lastBarAgeMs >= 0)
        m_status->setLastBarAge(s.lastBarAgeMs);
    m_status->setBarsPerSecond(s.barsPerSecond);
    if (m_initialCapital > 0 && s.lastBarMs > 0)
        m_status->setSessionPnl(s.equity - m_initialCapital, s.equity / m_initialCapital - 1);
    m_status->setTradingHalted(s.halted);
}

void MainWindow::showSessionEvent(const SessionEvent& e)
{
    if (e.kind == SessionEvent::Kind::Signal)
        m_chart->view()->appendSignal(e.signal);
}

void MainWindow::saveLayout(QSettings& settings) const
{
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(1));
    settings.setValue(QStringLiteral("window/centralTab"), m_central->currentIndex());
    settings.setValue(QStringLiteral("chart/timeframeMs"), qint64(m_chart->timeframe()));
}

void MainWindow::restoreLayout(QSettings& settings)
{
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), 1);
    m_central->setCurrentIndex(settings.value(QStringLiteral("window/centralTab"), 0).toInt());
    const qint64 tf = settings.value(QStringLiteral("chart/timeframeMs"), 1000).toLongLong();
    if (tf > 0)
        m_chart->setTimeframe(tf);
    m_toolbar->setVisible(true); // whatever the saved state says, the kill switch stays visible
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().size() == 1
        && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.constFirst().isLocalFile()) {
        event->acceptProposedAction();
        Q_EMIT fileDropped(urls.constFirst().toLocalFile());
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    Q_EMIT closing();
    QMainWindow::closeEvent(event);
}

} // namespace veloce
