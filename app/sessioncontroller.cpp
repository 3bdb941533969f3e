#include "sessioncontroller.h"

#include "candlechart.h"
#include "engine/livefeed.h"
#include "killswitchbutton.h"
#include "liveconfirmdialog.h"
#include "mainwindow.h"
#include "safety/killswitch.h"
#include "sessionpanel.h"
#include "sessionstatus.h"

#include <QStatusBar>
#include <QUrl>

namespace veloce {

SessionController::SessionController(MainWindow* window, SessionPanel* panel, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_panel(panel)
    , m_confirmLive([window](const QString& endpoint, const QString& pair) {
        return LiveConfirmDialog::ask(window, endpoint, pair);
    })
{
    qRegisterMetaType<SessionSnapshotPtr>();
    qRegisterMetaType<SessionEvent>();
    qRegisterMetaType<KillReport>();
    qRegisterMetaType<TradingState>();
    qRegisterMetaType<SessionState>();
    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &SessionController::render);
    m_sinceRedraw.start();
    KillSwitchButton* button = window->killSwitch();
    connect(button, &KillSwitchButton::killRequested, this, &SessionController::kill);
    connect(button, &KillSwitchButton::rearmRequested, this, &SessionController::rearm);
    connect(panel, &SessionPanel::recordRequested, this, &SessionController::startRecording);
    connect(panel, &SessionPanel::stopRecordingRequested, this, &SessionController::stopRecording);
}

SessionController::~SessionController()
{
    m_host.reset();
}

bool SessionController::startFromPanel(const Config& config, const QString& journalPath)
{
    SessionSetup setup;
    setup.config = config;
    setup.journalPath = journalPath;
    setup.speed = m_panel->speed();
    setup.broker = m_panel->broker();
    setup.config.mode = m_panel->brokerMode();
    if (setup.config.mode == TradingMode::Live) {
        const QString endpoint = QUrl(config.freqtradeUrl).toString(QUrl::RemoveUserInfo);
        if (!m_confirmLive || !m_confirmLive(endpoint, config.freqtradePair)) {
            m_panel->setState(tr("Live session not started: not confirmed"), true);
            return false;
        }
        setup.confirmLive = true;
    }
    try {
        setup.source = m_panel->sourceSpec(config);
    } catch (const std::exception& e) {
        m_panel->setState(QString::fromUtf8(e.what()), true);
        return false;
    }
    return start(setup);
}

bool SessionController::start(const SessionSetup& setup)
{
    stop();
    m_host.reset();
    m_pending.reset();
    m_last.reset();
    m_barsShown = 0;
    m_lastBarMs = 0;
    auto host = std::make_unique<SessionHost>(setup);
    try {
        host->open();
    } catch (const std::exception& e) {
        const QString text = tr("Could not start the session: %1").arg(QString::fromUtf8(e.what()));
        m_panel->setState(text, true);
        m_window->status()->setConnection(SessionStatus::Connection::Failed, QString::fromUtf8(e.what()));
        Q_EMIT message(text);
        return false;
    }
    if (m_halted && !host->killSwitch()->halted())
        host->killSwitch()->startHalted(tr("halted in the window before this session started"));
    m_halted = host->killSwitch()->halted();

    SessionHost* h = host.get();
    connect(h, &SessionHost::snapshotReady, this, &SessionController::onSnapshot);
    connect(h, &SessionHost::eventCommitted, m_window, &MainWindow::showSessionEvent);
    connect(h, &SessionHost::killReport, this, &SessionController::onKillReport);
    connect(h, &SessionHost::tradingStateChanged, this,
        [this](TradingState s, const QString& reason, const QString&) { onTradingState(s, reason); });
    connect(h, &SessionHost::alert, this, [this](const QString& kind, const QString& text) {
        m_window->statusBar()->showMessage(tr("%1: %2").arg(kind, text), 10000);
        Q_EMIT message(text);
    });
    connect(h, &SessionHost::finished, this, &SessionController::onFinished);
    connect(h, &SessionHost::recordingChanged, this, [this](bool recording, const QString& text) {
        m_panel->setRecording(recording, text);
        Q_EMIT recordingChanged(recording, text);
    });

    const Config& config = setup.config;
    m_window->resetLiveView(h->session()->description(), config.initialCapital, config.minEntryScore,
        config.heartbeatTimeoutS * 1000);
    if (m_halted)
        m_window->killSwitch()->showHalted(0, 0, host->killSwitch()->haltReason());
    else
        m_window->killSwitch()->showArmed();
    m_window->status()->setTradingHalted(m_halted);
    m_host = std::move(host);
    m_host->start();
    m_panel->setRunning(true);
    m_panel->setRecordable(m_host->session()->feed()->canRecord());
    m_panel->setState(
        tr("Running: %1 (journal %2)").arg(m_host->session()->description(), setup.journalPath));
    return true;
}

void SessionController::stop()
{
    if (m_host && m_host->isRunning())
        m_host->stop(QStringLiteral("stopped in the window"));
}

void SessionController::startRecording(const QString& path)
{
    // The feed lives on the engine thread: the call is queued there.
    if (m_host && m_host->isRunning())
        QMetaObject::invokeMethod(
            m_host->session()->feed(), "startRecording", Qt::QueuedConnection, Q_ARG(QString, path));
}

void SessionController::stopRecording()
{
    if (m_host && m_host->isRunning())
        QMetaObject::invokeMethod(m_host->session()->feed(), "stopRecording", Qt::QueuedConnection);
}

void SessionController::onSnapshot(const SessionSnapshotPtr& snapshot)
{
    // Keep only the newest; draw at most every kRedrawMs. A slow GUI skips snapshots, never
    // queues work for later, and never holds the engine up.
    m_pending = snapshot;
    if (m_redrawTimer.isActive())
        return;
    m_redrawTimer.start(int(std::max<qint64>(0, kRedrawMs - m_sinceRedraw.elapsed())));
}

void SessionController::render()
{
    if (!m_pending)
        return;
    SessionSnapshotPtr s = std::move(m_pending);
    m_pending.reset();
    m_sinceRedraw.restart();
    ++m_redraws;
    for (const Bar& b : s->bars) {
        if (b.t > m_lastBarMs) {
            ++m_barsShown;
            m_lastBarMs = b.t;
        }
    }
    m_window->showSnapshot(*s);
    m_last = s;
    Q_EMIT snapshotShown(s);
}

void SessionController::kill()
{
    // The host's KillSwitch sets its atomic halt flag before trigger() returns; the flatten runs
    // on the safety thread and reports through killReport.
    m_halted = true;
    if (m_host) {
        m_host->kill(tr("kill switch pressed in the window"), QStringLiteral("gui"));
        return;
    }
    KillReport report;
    report.reason = tr("kill switch pressed in the window");
    report.origin = QStringLiteral("gui");
    report.flat = true;
    report.message = tr("no session was running");
    onKillReport(report);
}

void SessionController::rearm()
{
    if (m_host) {
        m_host->rearm(QStringLiteral("gui"));
        return;
    }
    onTradingState(TradingState::Active, QString());
}

void SessionController::onKillReport(const KillReport& report)
{
    m_halted = true;
    QString detail = report.message;
    if (!report.flat && detail.isEmpty())
        detail = tr("NOT FLAT \u2014 check the venue");
    m_window->killSwitch()->showHalted(report.closed, report.flattenLatencyMs, detail);
    m_window->status()->setTradingHalted(true);
    Q_EMIT killed(report);
    Q_EMIT tradingStateChanged(true);
}

void SessionController::onTradingState(TradingState state, const QString& reason)
{
    const bool halted = state == TradingState::Halted;
    m_halted = halted;
    if (halted) {
        // Halts that did not come from the button (watchdog, drawdown breaker) show up as well.
        if (m_window->killSwitch()->state() == KillSwitchButton::State::Armed)
            m_window->killSwitch()->showHalted(0, 0, reason);
    } else {
        m_window->killSwitch()->showArmed();
    }
    m_window->status()->setTradingHalted(halted);
    Q_EMIT tradingStateChanged(halted);
}

void SessionController::onFinished(SessionState state, const QString& reason)
{
    m_panel->setRunning(false);
    // `reason` is the state's machine name (journal, status JSON); the panel says it in words.
    QString text;
    switch (state) {
    case SessionState::Finished:
        text = tr("Session finished");
        break;
    case SessionState::Failed: {
        // Why, in the session's words (already redacted where it came from a server): e.g. a
        // FreqTrade bot whose mode is not the one chosen.
        const SessionSnapshotPtr s = m_host && m_host->session() ? m_host->session()->snapshot() : nullptr;
        text = s && !s->lastAlert.isEmpty() ? tr("Session failed: %1").arg(s->lastAlert)
                                            : tr("Session failed");
        break;
    }
    default:
        text = tr("Session stopped");
        break;
    }
    m_panel->setState(text, state == SessionState::Failed);
    render();
    Q_EMIT sessionFinished(reason);
}

} // namespace veloce
