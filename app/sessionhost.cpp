#include "sessionhost.h"

#include "engine/livefeed.h"
#include "engine/session.h"
#include "engine/snapshotmailbox.h"
#include "safety/alertlog.h"
#include "safety/committedevents.h"
#include "safety/journal.h"
#include "safety/killserver.h"
#include "safety/killswitch.h"
#include "safety/sessionflattener.h"
#include "safety/watchdog.h"
#include "sessionbroker.h"
#include "sessionfeed.h"
#include "sessionruntime.h"
#include "threadreaper.h"
#include "types/configjson.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <mutex>
#include <nlohmann/json.hpp>

namespace veloce {

// Other threads reach the host only through this: a queued call while the host exists, nothing
// after its destructor started (no event is ever posted to a half-destroyed object).
struct SessionHost::Link
{
    std::mutex mutex;
    SessionHost* host = nullptr;

    void post(std::function<void(SessionHost&)> f)
    {
        std::lock_guard lock(mutex);
        if (SessionHost* h = host)
            QMetaObject::invokeMethod(
                h, [h, f = std::move(f)] { f(*h); }, Qt::QueuedConnection);
    }
    void clear()
    {
        std::lock_guard lock(mutex);
        host = nullptr;
    }
};

namespace {
AlertKind watchdogKind(const QString& kind)
{
    if (kind == QLatin1String("stale"))
        return AlertKind::Stale;
    if (kind == QLatin1String("drawdown"))
        return AlertKind::Breaker;
    return AlertKind::Heartbeat;
}
} // namespace

SessionHost::SessionHost(SessionSetup setup, QObject* parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_link(std::make_shared<Link>())
{
    m_link->host = this;
    if (m_setup.journalPath.isEmpty())
        m_setup.journalPath = defaultJournalPath();
    // A live session is never a backtest: a config that leaves "mode" at its default runs with the
    // paper broker as paper and with FreqTrade as a (verified) dry run -- journaled, shown in the
    // snapshots and in File -> Sessions as such.
    if (m_setup.config.mode == TradingMode::Backtest)
        m_setup.config.mode
            = m_setup.broker == QLatin1String("freqtrade") ? TradingMode::DryRun : TradingMode::Paper;
    qRegisterMetaType<SessionSnapshotPtr>();
    qRegisterMetaType<SessionEvent>();
    qRegisterMetaType<KillReport>();
    qRegisterMetaType<TradingState>();
    qRegisterMetaType<SessionState>();
    qRegisterMetaType<Alert>();
}

SessionHost::~SessionHost()
{
    m_link->clear();
    if (!m_rt)
        return;
    // Never wait here for the engine or the safety thread: a reaper thread does it.
    std::shared_ptr<SessionRuntime> rt = std::move(m_rt);
    rt->release();
    const bool ended = m_finished;
    ThreadReaper::instance().adopt([rt, ended] { rt->teardown(QStringLiteral("shutdown"), ended); });
}

QString SessionHost::defaultJournalPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("veloce/journal.sqlite"));
}

Session* SessionHost::session() const
{
    return m_rt ? m_rt->session : nullptr;
}

KillSwitch* SessionHost::killSwitch() const
{
    return m_rt ? m_rt->kill.get() : nullptr;
}

Journal* SessionHost::journal() const
{
    return m_rt ? m_rt->journal.get() : nullptr;
}

AlertLog* SessionHost::alerts() const
{
    return m_rt ? m_rt->alerts.get() : nullptr;
}

const RecoveredAccount& SessionHost::recovered() const
{
    static const RecoveredAccount none;
    return m_rt ? m_rt->recovered.account : none;
}

void SessionHost::open()
{
    // The CLI's form: the same steps as openAsync(), waiting for the journal's thread (no event
    // loop runs here, so nothing the CLI has queued, a SIGINT for one, is handled before start()).
    createRuntime();
    listenKillSocket();
    build(m_rt->journal->open(recoveryRules()));
    onSessionBegun(m_rt->journal->beginSession(sessionInfo()));
}

void SessionHost::openAsync(Opened done)
{
    createRuntime();
    listenKillSocket();
    m_opened = std::move(done);
    std::shared_ptr<Link> link = m_link;
    // Validation and recovery read the whole journal: on the journal's thread, not this one.
    m_rt->journal->openAsync(recoveryRules(), [link](const JournalState& state, std::exception_ptr error) {
        link->post([state, error](SessionHost& h) {
            if (error) {
                h.finishOpen(error);
                return;
            }
            try {
                h.build(state);
            } catch (...) {
                h.finishOpen(std::current_exception());
                return;
            }
            std::shared_ptr<Link> again = h.m_link;
            h.m_rt->journal->beginSessionAsync(h.sessionInfo(), [again](std::int64_t id, const QString& e) {
                again->post([id, e](SessionHost& h2) {
                    if (!e.isEmpty())
                        h2.finishOpen(std::make_exception_ptr(JournalError(e)));
                    else
                        h2.onSessionBegun(id);
                });
            });
        });
    });
}

JournalRecovery::Rules SessionHost::recoveryRules() const
{
    JournalRecovery::Rules rules;
    rules.initialCapital = m_setup.config.initialCapital;
    rules.maxOpenPositions = m_setup.config.maxOpenPositions;
    return rules;
}

void SessionHost::build(const JournalState& state)
{
    takeOverJournal(state);
    createSession();
    createFlattener();
    wireJournal();
    wireKillSwitch();
    wireWatchdog();
    wireDelivery();
}

void SessionHost::finishOpen(std::exception_ptr error)
{
    if (Opened done = std::exchange(m_opened, nullptr))
        done(error);
}

void SessionHost::createRuntime()
{
    QDir().mkpath(QFileInfo(m_setup.journalPath).absolutePath());
    m_rt = std::make_shared<SessionRuntime>();
    m_rt->journal = std::make_unique<Journal>(m_setup.journalPath);
    m_rt->journal->setMaxPageCount(m_setup.journalMaxPages);
    m_rt->alerts = std::make_unique<AlertLog>();
    m_rt->outbox = std::make_unique<CommittedEvents>();
    m_rt->mailbox = std::make_unique<SnapshotMailbox>();
    m_rt->kill = std::make_unique<KillSwitch>();
    m_rt->engineThread = std::make_unique<QThread>();
    m_rt->engineThread->setObjectName(QStringLiteral("veloce-engine"));
    m_socketName = KillServer::socketNameFor(m_setup.journalPath);
}

void SessionHost::listenKillSocket()
{
    // One running session per journal: the kill socket is the lock (a crashed session leaves no
    // listener behind, so its journal is free again).
    if (!m_setup.killSocket) {
        if (KillServer::inUse(m_socketName))
            throw std::runtime_error(QStringLiteral("%1: another session is running on this journal")
                                         .arg(m_setup.journalPath)
                                         .toStdString());
        return;
    }
    KillSwitch* kill = m_rt->kill.get();
    auto* server = new KillServer(*kill, m_rt->alerts.get());
    server->moveToThread(kill->safetyThread());
    connect(kill->safetyThread(), &QThread::finished, server, &QObject::deleteLater);
    m_rt->server = server;
    bool ok = false;
    QString error;
    // The safety thread was started a moment ago and runs nothing else yet: this wait is short.
    QMetaObject::invokeMethod(
        server, [&] { ok = server->listen(m_socketName, &error); }, Qt::BlockingQueuedConnection);
    if (!ok)
        throw std::runtime_error(QStringLiteral("%1: %2").arg(m_setup.journalPath, error).toStdString());
}

void SessionHost::takeOverJournal(const JournalState& state)
{
    m_rt->recovered = state;
    RecoveredAccount& rec = m_rt->recovered.account;
    if (m_setup.broker == QLatin1String("freqtrade")) {
        // FreqTrade is the source of truth for positions: only the halt state and where the data
        // stopped come from the journal; positions are reconciled from /status at start.
        RecoveredAccount venue;
        venue.halted = rec.halted;
        venue.haltReason = rec.haltReason;
        venue.lastBarMs = rec.lastBarMs;
        venue.lastClose = rec.lastClose;
        rec = venue;
    }
    m_rt->alerts->restore(m_rt->recovered.openAlarms, m_rt->recovered.lastAlertId);
    m_rt->alerts->setRecorder(m_rt->journal.get());
}

void SessionHost::createSession()
{
    FeedStart start;
    LiveFeed* feed = makeSessionFeed(m_setup, m_rt->recovered.account, &start);
    SessionBroker broker = makeSessionBroker(m_setup);
    Session::Options options;
    options.mode = QString::fromLatin1(modeName(m_setup.config.mode));
    auto* session = new Session(m_setup.config, std::move(broker.broker), feed, options);
    m_rt->session = session;
    m_rt->flattener = broker.venueFlattener;
    session->setHaltFlag(m_rt->kill->haltFlag());
    session->setRecorder(m_rt->journal.get());
    session->restore(m_rt->recovered.account);
    session->moveToThread(m_rt->engineThread.get());
    connect(m_rt->engineThread.get(), &QThread::finished, session, &QObject::deleteLater);
    m_feedStartMs = start.startMs;
    m_feedStartPrice = start.startPrice;
}

void SessionHost::createFlattener()
{
    const Config& config = m_setup.config;
    if (!m_rt->flattener) {
        AlertLog* alerts = m_rt->alerts.get();
        m_rt->flattener = std::make_shared<SessionFlattener>(
            *m_rt->session, config.accountLockTimeoutMs, [alerts](const QString& text) {
                alerts->raise(AlertKind::Kill, AlertSeverity::Warning, QStringLiteral("kill switch"), text);
            });
    }
    m_rt->kill->setFlattener(m_rt->flattener, config.flattenDeadlineMs);
}

void SessionHost::wireJournal()
{
    Journal* journal = m_rt->journal.get();
    KillSwitch* kill = m_rt->kill.get();
    AlertLog* alerts = m_rt->alerts.get();
    journal->setOutbox(m_rt->outbox.get());
    kill->setBarrier(
        [journal](std::function<void(const QString&)> done) { journal->whenCommitted(std::move(done)); });
    kill->setRearmVeto([journal] {
        return journal->hasFailed() ? QStringLiteral(
                   "the journal no longer records (%1): trading stays halted; restart on a healthy journal")
                                          .arg(journal->failure())
                                    : QString();
    });
    // The first failed commit halts entries at once: a direct call on the writer thread.
    const bool flatten = m_setup.config.journalFailureAction == JournalFailureAction::Flatten;
    connect(
        journal, &Journal::failed, journal,
        [kill, alerts, flatten](const QString& message) {
            alerts->raise(AlertKind::Journal, AlertSeverity::Alarm, QStringLiteral("journal"),
                QStringLiteral("%1 -- trading halted%2; a restart may not restore the account as it is now")
                    .arg(message, flatten ? QStringLiteral(" and positions flattened") : QString()));
            kill->trigger(QStringLiteral("journal failed: ") + message, QStringLiteral("journal"), flatten);
        },
        Qt::DirectConnection);
}

void SessionHost::wireKillSwitch()
{
    Journal* journal = m_rt->journal.get();
    KillSwitch* kill = m_rt->kill.get();
    AlertLog* alerts = m_rt->alerts.get();
    Session* session = m_rt->session;
    // Journaled where it happens, before anything the flatten records: a restart sees the halt.
    connect(
        kill, &KillSwitch::stateChanged, journal,
        [journal, alerts](TradingState s, const QString& reason, const QString& origin) {
            if (s == TradingState::Active) {
                journal->recordSafety(QStringLiteral("rearm"), reason, origin);
                alerts->raise(
                    AlertKind::Rearm, AlertSeverity::Info, origin, QStringLiteral("trading re-armed"));
            } else if (origin != QLatin1String("journal")) {
                journal->recordSafety(QStringLiteral("halt"), reason, origin);
            }
        },
        Qt::DirectConnection);
    connect(
        kill, &KillSwitch::flattened, journal,
        [journal, alerts, session](const KillReport& r) {
            journal->recordKill(r);
            // The account after the flatten, shown even while the engine thread is stuck.
            session->publishNow();
            if (!r.flattenRequested)
                return;
            if (r.flat && r.durable)
                alerts->raise(AlertKind::Kill, AlertSeverity::Warning, r.origin,
                    QStringLiteral("kill switch: halted and flat, %1 position(s) closed in %2 ms (%3)")
                        .arg(r.closed)
                        .arg(r.flattenLatencyMs, 0, 'f', 1)
                        .arg(r.reason));
            else
                alerts->raise(AlertKind::NotFlat, AlertSeverity::Alarm, r.origin, r.message);
        },
        Qt::DirectConnection);
    connect(kill, &KillSwitch::flattened, this, &SessionHost::killReport);
    connect(kill, &KillSwitch::stateChanged, this, &SessionHost::tradingStateChanged);
}

void SessionHost::wireWatchdog()
{
    KillSwitch* kill = m_rt->kill.get();
    AlertLog* alerts = m_rt->alerts.get();
    auto* watchdog = new Watchdog(*m_rt->session, *kill, m_setup.config);
    watchdog->moveToThread(kill->safetyThread());
    connect(kill->safetyThread(), &QThread::finished, watchdog, &QObject::deleteLater);
    m_rt->watchdog = watchdog;
    connect(
        watchdog, &Watchdog::alert, alerts,
        [alerts](const QString& kind, const QString& text) {
            const AlertSeverity severity
                = kind == QLatin1String("heartbeat_ok") ? AlertSeverity::Info : AlertSeverity::Warning;
            alerts->raise(watchdogKind(kind), severity, QStringLiteral("watchdog"), text);
        },
        Qt::DirectConnection);
    connect(
        m_rt->session, &Session::alertRaised, alerts,
        [alerts](Session::AlertOrigin origin, const QString& text) {
            if (origin == Session::AlertOrigin::Venue)
                alerts->raise(AlertKind::Venue, AlertSeverity::Warning, QStringLiteral("broker"), text);
            else
                alerts->raise(AlertKind::Feed, AlertSeverity::Warning, QStringLiteral("feed"), text);
        },
        Qt::DirectConnection);
}

void SessionHost::wireDelivery()
{
    std::shared_ptr<Link> link = m_link;
    SnapshotMailbox* mailbox = m_rt->mailbox.get();
    mailbox->setNotify([link] { link->post([](SessionHost& h) { h.deliverSnapshot(); }); });
    connect(
        m_rt->session, &Session::snapshotReady, m_rt->session,
        [mailbox](const SessionSnapshotPtr& s) { mailbox->post(s); }, Qt::DirectConnection);
    m_rt->outbox->setNotify([link] { link->post([](SessionHost& h) { h.deliverEvents(); }); });
    AlertLog* alerts = m_rt->alerts.get();
    connect(alerts, &AlertLog::raised, this, &SessionHost::alertRaised);
    connect(alerts, &AlertLog::changed, this, [this, alerts] {
        Q_EMIT alarmsChanged(alerts->openAlarmCount());
        Q_EMIT alertsChanged();
    });
    connect(m_rt->session, &Session::finished, this, &SessionHost::onSessionFinished);
    connect(m_rt->session, &Session::feedHealthChanged, this, &SessionHost::feedHealthChanged);
    connect(m_rt->session, &Session::recordingChanged, this, &SessionHost::recordingChanged);
}

Journal::SessionInfo SessionHost::sessionInfo() const
{
    const Config& config = m_setup.config;
    const RecoveredAccount& rec = m_rt->recovered.account;
    Journal::SessionInfo info;
    info.mode = QString::fromLatin1(modeName(config.mode));
    info.broker = m_setup.broker;
    info.source = m_rt->session->description();
    info.configHash = ConfigJson::hash(config);
    info.configJson = QString::fromStdString(ConfigJson::toJson(config, true).dump());
    info.initialCapital = config.initialCapital;
    info.maxOpenPositions = config.maxOpenPositions;
    info.recoveredFrom = rec.fromSession;
    info.resumedAfterMs = rec.lastBarMs;
    info.feedStartMs = m_feedStartMs;
    info.feedStartPrice = m_feedStartPrice;
    return info;
}

void SessionHost::onSessionBegun(std::int64_t id)
{
    m_sessionId = id;
    const RecoveredAccount& rec = m_rt->recovered.account;
    if (rec.halted) {
        const QString reason
            = rec.haltReason.isEmpty() ? QStringLiteral("halted before the restart") : rec.haltReason;
        m_rt->kill->startHalted(reason);
        m_rt->alerts->raise(AlertKind::Halt, AlertSeverity::Warning, QStringLiteral("journal"),
            QStringLiteral("trading was halted before this start (%1); it stays halted until re-armed")
                .arg(reason));
    }
    m_open = true;
    finishOpen(nullptr);
}

void SessionHost::start()
{
    m_running = true;
    m_rt->engineStarted = true;
    m_rt->engineThread->start(QThread::TimeCriticalPriority);
    QMetaObject::invokeMethod(m_rt->session, "start", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_rt->watchdog, "start", Qt::QueuedConnection);
}

void SessionHost::stop(const QString& reason)
{
    if (m_rt && m_rt->session)
        QMetaObject::invokeMethod(m_rt->session, "stop", Qt::QueuedConnection, Q_ARG(QString, reason));
}

std::uint64_t SessionHost::kill(const QString& reason, const QString& origin)
{
    return m_rt ? m_rt->kill->trigger(reason, origin, true) : 0;
}

QString SessionHost::rearm(const QString& origin)
{
    return m_rt ? m_rt->kill->rearm(origin) : QString();
}

void SessionHost::deliverSnapshot()
{
    if (SessionSnapshotPtr s = m_rt ? m_rt->mailbox->take() : nullptr)
        Q_EMIT snapshotReady(s);
}

void SessionHost::deliverEvents()
{
    if (!m_rt)
        return;
    for (const SessionEvent& e : m_rt->outbox->take())
        Q_EMIT eventCommitted(e);
}

void SessionHost::onSessionFinished()
{
    if (m_finished || !m_rt)
        return;
    m_finished = true;
    if (m_rt->watchdog)
        QMetaObject::invokeMethod(m_rt->watchdog, "stop", Qt::QueuedConnection);
    const SessionState state = m_rt->session->state();
    const QString reason = QString::fromLatin1(sessionStateName(state));
    // finished() once the end row is durable, after every event committed before it.
    std::shared_ptr<Link> link = m_link;
    m_rt->journal->endSession(reason, [link, state, reason](const QString&) {
        link->post([state, reason](SessionHost& h) {
            h.deliverEvents();
            h.deliverSnapshot();
            Q_EMIT h.finished(state, reason);
        });
    });
}

} // namespace veloce
