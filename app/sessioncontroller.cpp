#include "sessioncontroller.h"

#include "alertbanner.h"
#include "candlechart.h"
#include "engine/livefeed.h"
#include "engine/session.h"
#include "killswitchbutton.h"
#include "liveconfirmdialog.h"
#include "mainwindow.h"
#include "safety/alertlog.h"
#include "safety/journalerror.h"
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
    connect(window->alertBanner(), &AlertBanner::acknowledgeRequested, this,
        &SessionController::acknowledgeAlarms);
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
    m_host.reset(); // returns at once: the old session's threads wind down on their own
    m_pending.reset();
    m_last.reset();
    m_barsShown = 0;
    m_barsLost = 0;
    m_lastBarSeq = 0;
    m_barsAcked.reset();
    m_redrawMs = setup.config.snapshotIntervalMs;
    m_host = std::make_unique<SessionHost>(setup);
    SessionHost* host = m_host.get();
    m_panel->setRunning(true);
    m_panel->setState(tr("Opening the journal %1…").arg(host->setup().journalPath));
    try {
        // Returns at once: the journal is checked and read on its own thread.
        host->openAsync([this, host](std::exception_ptr error) { onOpened(host, error); });
    } catch (...) {
        onOpened(host, std::current_exception());
        return false;
    }
    return true;
}

void SessionController::onOpened(SessionHost* host, std::exception_ptr error)
{
    if (host != m_host.get())
        return; // a session replaced in the meantime
    if (error) {
        QString what;
        bool refused = false;
        try {
            std::rethrow_exception(error);
        } catch (const JournalError& e) {
            what = QString::fromUtf8(e.what());
            refused = e.refused();
        } catch (const std::exception& e) {
            what = QString::fromUtf8(e.what());
        }
        const QString text = tr("Could not start the session: %1").arg(what);
        m_panel->setRunning(false);
        m_panel->setState(text, true);
        m_window->status()->setConnection(SessionStatus::Connection::Failed, what);
        Q_EMIT message(text);
        if (refused)
            Q_EMIT journalRefused(host->setup().journalPath, what);
        // A host that could not open is discarded (its kill socket closes), once this callback
        // has returned into it.
        QTimer::singleShot(0, this, [this, host] {
            if (m_host.get() == host)
                m_host.reset();
        });
        return;
    }
    if (m_halted && !host->killSwitch()->halted())
        host->killSwitch()->startHalted(tr("halted in the window before this session started"));
    m_halted = host->killSwitch()->halted();

    // Bars reach the chart by acknowledgement: every snapshot carries the bars after the newest
    // one drawn, so coalescing snapshots (newest wins) never drops a bar, and the feed's gate
    // holds a replay back while the chart is too far behind (Session::consumersHaveRoom).
    m_barsAcked = host->session()->barAcknowledgement();
    m_barsAcked->store(0, std::memory_order_release);
    connect(host, &SessionHost::snapshotReady, this, &SessionController::onSnapshot);
    connect(host, &SessionHost::eventCommitted, m_window, &MainWindow::showSessionEvent);
    connect(host, &SessionHost::killReport, this, &SessionController::onKillReport);
    connect(host, &SessionHost::tradingStateChanged, this,
        [this](TradingState s, const QString& reason, const QString&) { onTradingState(s, reason); });
    connect(host, &SessionHost::alertRaised, this, [this](const Alert& a) {
        if (a.severity != AlertSeverity::Info)
            m_window->statusBar()->showMessage(tr("%1: %2").arg(a.source, a.message), 10000);
        Q_EMIT message(a.message);
    });
    connect(host, &SessionHost::alarmsChanged, this, &SessionController::showAlarms);
    connect(host, &SessionHost::finished, this, &SessionController::onFinished);
    connect(host, &SessionHost::recordingChanged, this, [this](bool recording, const QString& text) {
        m_panel->setRecording(recording, text);
        Q_EMIT recordingChanged(recording, text);
    });

    const Config& config = host->setup().config;
    m_window->resetLiveView(host->session()->description(), config.initialCapital, config.minEntryScore,
        config.heartbeatTimeoutS * 1000);
    if (m_halted)
        m_window->killSwitch()->showHalted(0, 0, host->killSwitch()->haltReason());
    else
        m_window->killSwitch()->showArmed();
    m_window->status()->setTradingHalted(m_halted);
    showAlarms();
    host->start();
    m_panel->setRecordable(host->session()->feed()->canRecord());
    // The host's setup: an empty journal path in `setup` means the default one, filled in there.
    m_panel->setState(
        tr("Running: %1 (journal %2)").arg(host->session()->description(), host->setup().journalPath));
    Q_EMIT sessionStarted();
}

void SessionController::stop()
{
    if (isOpening()) {
        // Stopped before it started: nothing ran, nothing to wait for.
        m_host.reset();
        m_panel->setRunning(false);
        m_panel->setState(tr("Session stopped"));
        return;
    }
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
    // Keep only the newest; draw at most every snapshot_interval_ms. A slow GUI skips snapshots, never
    // queues work for later, and never holds the engine up.
    // What the kill switch did is shown at once: the halt, and positions that are gone.
    const bool urgent = snapshot->halted
        && (!m_last || !m_last->halted || snapshot->positions.size() < m_last->positions.size());
    m_pending = snapshot;
    if (urgent) {
        m_redrawTimer.stop();
        render();
        return;
    }
    if (m_redrawTimer.isActive())
        return;
    m_redrawTimer.start(int(std::max<qint64>(0, m_redrawMs - m_sinceRedraw.elapsed())));
}

void SessionController::render()
{
    if (!m_pending)
        return;
    SessionSnapshotPtr s = std::move(m_pending);
    m_pending.reset();
    m_sinceRedraw.restart();
    ++m_redraws;
    if (!m_window->showSnapshot(*s))
        return;
    if (!s->bars.empty()) {
        const std::int64_t last = s->firstBarSeq + std::int64_t(s->bars.size()) - 1;
        if (s->firstBarSeq > m_lastBarSeq + 1)
            m_barsLost += s->firstBarSeq - (m_lastBarSeq + 1);
        const std::int64_t fresh = last - std::max(m_lastBarSeq, s->firstBarSeq - 1);
        if (fresh > 0) {
            m_barsShown += fresh;
            m_lastBarSeq = last;
        }
    }
    if (m_barsAcked)
        m_barsAcked->store(m_lastBarSeq, std::memory_order_release);
    m_last = s;
    Q_EMIT snapshotShown(s);
}

void SessionController::kill()
{
    // The host's KillSwitch sets its atomic halt flag before trigger() returns; the flatten runs
    // on the safety thread and reports through killReport.
    m_halted = true;
    if (m_host && m_host->isOpen()) {
        m_host->kill(tr("kill switch pressed in the window"), QStringLiteral("gui"));
        return;
    }
    // No session yet (or one still opening: it starts halted, see onOpened()).
    KillReport report;
    report.reason = tr("kill switch pressed in the window");
    report.origin = QStringLiteral("gui");
    report.flat = true;
    report.message = tr("no session was running");
    onKillReport(report);
}

void SessionController::rearm()
{
    if (m_host && m_host->isOpen()) {
        const QString refused = m_host->rearm(QStringLiteral("gui"));
        if (!refused.isEmpty()) {
            m_window->statusBar()->showMessage(tr("Re-arm refused: %1").arg(refused), 15000);
            Q_EMIT message(tr("Re-arm refused: %1").arg(refused));
        }
        return;
    }
    onTradingState(TradingState::Active, QString());
}

void SessionController::acknowledgeAlarms()
{
    if (m_host && m_host->isOpen())
        m_host->alerts()->acknowledgeAll(QStringLiteral("gui"));
    showAlarms();
}

void SessionController::showAlarms()
{
    const std::vector<Alert> open
        = m_host && m_host->isOpen() ? m_host->alerts()->openAlarms() : std::vector<Alert>();
    m_window->alertBanner()->setAlarms(open);
    Q_EMIT alarmsChanged(static_cast<int>(open.size()));
}

void SessionController::onKillReport(const KillReport& report)
{
    m_halted = true;
    QString detail = report.message;
    if (!report.flat && detail.isEmpty())
        detail = tr("NOT FLAT \u2014 check the venue");
    if (report.flattenRequested || m_window->killSwitch()->state() != KillSwitchButton::State::Halted)
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
