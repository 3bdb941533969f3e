#include "mainwindow.h"

#include "alertbanner.h"
#include "alertsmodel.h"
#include "alertspanel.h"
#include "candlechart.h"
#include "candlechartview.h"
#include "dashboard.h"
#include "equitychart.h"
#include "killswitchbutton.h"
#include "positionsmodel.h"
#include "replaycontrols.h"
#include "scorebars.h"
#include "sessionstatus.h"
#include "tableviewfactory.h"
#include "theme.h"
#include "tradefocus.h"
#include "tradesmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace veloce {

namespace {
constexpr int kStateVersion = 2; // 2: the Alerts dock beside the positions
constexpr int kLiveTab = 0;
constexpr int kDashboardTab = 1;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_chart(new CandleChart(this))
    , m_scores(new ScoreBars(this))
    , m_positions(new PositionsModel(this))
    , m_trades(new TradesModel(this))
    , m_equity(new EquityChart(this))
    , m_kill(new KillSwitchButton(this))
    , m_banner(new AlertBanner(this))
    , m_alerts(new AlertsModel(this))
    , m_alertsPanel(new AlertsPanel(m_alerts, this))
    , m_dashboard(new Dashboard(this))
    , m_status(new SessionStatus(this))
    , m_central(new QTabWidget(this))
    , m_toolbar(new QToolBar(tr("Trading"), this))
    , m_replay(new ReplayControls(this))
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
    // The alarm banner sits above everything else in the centre, where it cannot be docked away.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_banner);
    centreLayout->addWidget(m_central, 1);
    setCentralWidget(centre);
    connect(m_central, &QTabWidget::currentChanged, this, &MainWindow::onCentralTabChanged);

    // The kill switch toolbar: always there, cannot be moved, floated or hidden (createPopupMenu
    // leaves it out, and it has no toggle action in any menu).
    m_toolbar->setObjectName(QStringLiteral("killSwitchToolBar"));
    m_toolbar->setMovable(false);
    m_toolbar->setFloatable(false);
    m_toolbar->addWidget(m_kill);
    addToolBar(Qt::TopToolBarArea, m_toolbar);
    addToolBar(Qt::TopToolBarArea, m_replay);

    m_scores->setObjectName(QStringLiteral("scoreBars"));
    addDock(m_scores, tr("Score"), QStringLiteral("scoreDock"), Qt::RightDockWidgetArea);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("positionTabs"));
    tabs->addTab(
        TableViewFactory::create(m_positions, QStringLiteral("positionsTable"), tabs), tr("Positions"));
    QTableView* closed = TableViewFactory::create(m_trades, QStringLiteral("sessionTradesTable"), tabs);
    closed->setToolTip(tr("Select a trade to zoom the chart to it; Up/Down walk through the trades"));
    tabs->addTab(closed, tr("Closed trades"));
    m_tradeFocus = new TradeFocus(closed, m_trades, m_chart, this);
    QDockWidget* positions
        = addDock(tabs, tr("Positions"), QStringLiteral("positionsDock"), Qt::BottomDockWidgetArea);
    // Alerts beside the positions: both stay in sight while a session runs.
    m_alertsDock
        = addDock(m_alertsPanel, tr("Alerts"), QStringLiteral("alertsDock"), Qt::BottomDockWidgetArea);
    splitDockWidget(positions, m_alertsDock, Qt::Horizontal);
    resizeDocks({ positions, m_alertsDock }, { 55, 45 }, Qt::Horizontal);
    connect(m_status, &SessionStatus::alertsClicked, this, &MainWindow::showAlerts);
    connect(m_alerts, &AlertsModel::unacknowledgedChanged, m_status, &SessionStatus::setUnacknowledgedAlerts);
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
    file->addAction(tr("&Sessions\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
        &MainWindow::sessionsRequested);
    file->addSeparator();
    file->addAction(tr("&Settings\u2026"), QKeySequence::Preferences, this, &MainWindow::settingsRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* trading = menuBar()->addMenu(tr("&Trading"));
    // The chord itself is handled by KillSwitchButton's application-wide filter; the menu shows it.
    trading->addAction(tr("&Kill switch\tCtrl+Shift+K"), m_kill, &KillSwitchButton::trigger);
    trading->addAction(tr("&Re-arm trading"), m_kill, &KillSwitchButton::rearmRequested);
    trading->addSeparator();
    trading->addAction(m_alertsPanel->acknowledgeAllAction());

    QMenu* replay = menuBar()->addMenu(tr("&Replay"));
    replay->addAction(m_replay->pauseAction());
    replay->addAction(m_replay->stepAction());
    replay->addAction(m_replay->slowerAction());
    replay->addAction(m_replay->fasterAction());
    replay->addAction(m_replay->jumpAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("&Live chart"), this, &MainWindow::showLive);
    m_viewMenu->addAction(tr("Backtest &dashboard"), this, &MainWindow::showDashboard);
    m_detachAction = m_viewMenu->addAction(tr("Dashboard in its own &window"));
    m_detachAction->setObjectName(QStringLiteral("detachDashboard"));
    m_detachAction->setCheckable(true);
    m_detachAction->setToolTip(
        tr("Show the backtest dashboard in a separate window, e.g. on a second screen"));
    connect(m_detachAction, &QAction::toggled, this, &MainWindow::setDashboardDetached);
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

void MainWindow::showAlerts()
{
    m_alertsDock->show();
    m_alertsDock->raise();
    m_alertsPanel->table()->setFocus();
}

void MainWindow::showDashboard()
{
    if (m_dashboardWindow) {
        m_dashboardWindow->show();
        m_dashboardWindow->raise();
        m_dashboardWindow->activateWindow();
        return;
    }
    m_central->setCurrentWidget(m_dashboard);
}

bool MainWindow::dashboardShown() const
{
    return m_dashboardWindow ? m_dashboardWindow->isVisible() : m_central->currentWidget() == m_dashboard;
}

void MainWindow::onCentralTabChanged(int index)
{
    if (index < 0 || index == m_shownTab)
        return;
    // Each view keeps its own dock layout: leaving the live view remembers its docks, the
    // dashboard starts with all of them collapsed (so its charts and table get the window), and
    // whatever the user opens while there is remembered for the next visit.
    m_viewStates[m_shownTab] = saveState(kStateVersion);
    m_shownTab = index;
    if (!m_viewStates[index].isEmpty()) {
        restoreState(m_viewStates[index], kStateVersion);
    } else if (index == kDashboardTab) {
        const QList<QDockWidget*> docks = findChildren<QDockWidget*>();
        for (QDockWidget* d : docks)
            d->hide();
    }
    m_toolbar->setVisible(true);
    m_replay->setVisible(true);
}

void MainWindow::setDashboardDetached(bool detached)
{
    if (detached == dashboardDetached())
        return;
    if (detached) {
        const int index = m_central->indexOf(m_dashboard);
        m_central->setCurrentIndex(kLiveTab); // the docks come back for the live view
        m_central->removeTab(index);
        m_dashboardWindow = new QWidget(this, Qt::Window);
        m_dashboardWindow->setObjectName(QStringLiteral("dashboardWindow"));
        m_dashboardWindow->setWindowTitle(tr("Veloce — backtest dashboard"));
        m_dashboardWindow->setAttribute(Qt::WA_DeleteOnClose, false);
        auto* layout = new QVBoxLayout(m_dashboardWindow);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_dashboard);
        m_dashboard->show();
        m_dashboardWindow->installEventFilter(this);
        m_dashboardWindow->resize(size());
        m_dashboardWindow->show();
    } else {
        QWidget* window = m_dashboardWindow;
        m_dashboardWindow = nullptr;
        window->removeEventFilter(this);
        m_central->insertTab(kDashboardTab, m_dashboard, tr("Backtest dashboard"));
        window->hide();
        window->deleteLater();
    }
    const QSignalBlocker block(m_detachAction);
    m_detachAction->setChecked(detached);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Closing the dashboard's own window puts it back as the central tab.
    if (watched == m_dashboardWindow && event->type() == QEvent::Close) {
        QMetaObject::invokeMethod(
            this, [this] { setDashboardDetached(false); }, Qt::QueuedConnection);
        return false;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resetLiveView(
    const QString& title, double initialCapital, double minEntryScore, double staleAfterMs)
{
    m_initialCapital = initialCapital;
    m_lastSnapshotSeq = -1;
    m_chart->view()->clear();
    m_chart->view()->setFollowing(true);
    m_chart->setTitle(title);
    m_chart->clearTradeFocus();
    m_chart->setEntryThreshold(minEntryScore);
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

bool MainWindow::showSnapshot(const SessionSnapshot& s)
{
    if (s.seq <= m_lastSnapshotSeq)
        return false; // an older snapshot overtaken by a newer one
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
    return true;
}

void MainWindow::showSessionEvent(const SessionEvent& e)
{
    if (e.kind == SessionEvent::Kind::Signal) {
        m_chart->view()->appendSignal(e.signal);
    } else if (e.kind == SessionEvent::Kind::Trade) {
        // Every committed trade, not only the snapshot's recent ones: at high replay speeds more
        // trades close between two snapshots than a snapshot carries.
        const int before = m_trades->rowCount();
        m_trades->appendTrades({ e.trade });
        if (m_trades->rowCount() > before)
            m_chart->view()->appendTrade(e.trade);
    }
}

void MainWindow::saveLayout(QSettings& settings) const
{
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    // The live view's docks are the window's state; the dashboard's collapsed docks are its own.
    const QByteArray current = saveState(kStateVersion);
    const QByteArray live
        = m_shownTab == kLiveTab || m_viewStates[kLiveTab].isEmpty() ? current : m_viewStates[kLiveTab];
    settings.setValue(QStringLiteral("window/state"), live);
    settings.setValue(QStringLiteral("window/dashboardState"),
        m_shownTab == kDashboardTab ? current : m_viewStates[kDashboardTab]);
    settings.setValue(QStringLiteral("window/centralTab"), m_central->currentIndex());
    settings.setValue(QStringLiteral("chart/timeframeMs"), qint64(m_chart->timeframe()));
}

void MainWindow::restoreLayout(QSettings& settings)
{
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: as large as the screen allows up to 1600 x 1000, the size the default
        // layout is made for (the dashboard's chart half the height, its table whole).
        if (const QScreen* screen = this->screen()) {
            const QSize room = screen->availableGeometry().size();
            resize(std::min(room.width(), 1600), std::min(room.height(), 1000));
        }
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kStateVersion);
    m_viewStates[kDashboardTab] = settings.value(QStringLiteral("window/dashboardState")).toByteArray();
    m_central->setCurrentIndex(settings.value(QStringLiteral("window/centralTab"), 0).toInt());
    const qint64 tf = settings.value(QStringLiteral("chart/timeframeMs"), 1000).toLongLong();
    if (tf > 0)
        m_chart->setTimeframe(tf);
    m_toolbar->setVisible(true); // whatever the saved state says, the kill switch stays visible
    m_replay->setVisible(true);
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
