#include "sessionhost.h"

#include "binancesetup.h"
#include "broker/freqtradebroker.h"
#include "broker/freqtradeflattener.h"
#include "broker/paperbroker.h"
#include "clicommand.h"
#include "data/barfile.h"
#include "data/influxsettings.h"
#include "data/marketsimulator.h"
#include "data/timerangesource.h"
#include "engine/influxfeed.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "safety/journal.h"
#include "safety/killserver.h"
#include "safety/killswitch.h"
#include "safety/watchdog.h"
#include "types/configjson.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <nlohmann/json.hpp>

namespace veloce {

SessionHost::SessionHost(SessionSetup setup, QObject* parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    m_engineThread.setObjectName(QStringLiteral("veloce-engine"));
    if (m_setup.journalPath.isEmpty())
        m_setup.journalPath = defaultJournalPath();
}

SessionHost::~SessionHost()
{
    if (m_session && m_running && !m_finished)
        QMetaObject::invokeMethod(
            m_session, "stop", Qt::BlockingQueuedConnection, Q_ARG(QString, QStringLiteral("shutdown")));
    // The safety thread first: its flattener and watchdog use the session.
    m_kill.reset();
    m_engineThread.quit();
    m_engineThread.wait();
    if (m_session && !m_engineThread.isRunning())
        delete m_session.data(); // never started: its thread never ran a deleteLater
    if (m_journal && m_sessionId > 0 && !m_finished) {
        try {
            m_journal->endSession(QStringLiteral("shutdown"));
        } catch (const JournalError&) {
        }
    }
    m_journal.reset();
}

QString SessionHost::defaultJournalPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("veloce/journal.sqlite"));
}

void SessionHost::open()
{
    const QFileInfo fi(m_setup.journalPath);
    QDir().mkpath(fi.absolutePath());
    m_journal = std::make_unique<Journal>(m_setup.journalPath);
    m_journal->open();
    m_kill = std::make_unique<KillSwitch>();
    m_socketName = KillServer::socketNameFor(m_setup.journalPath);

    // One running session per journal: the kill socket is the lock (a crashed session leaves
    // no listener behind, so its journal is free again).
    if (m_setup.killSocket) {
        auto* server = new KillServer(*m_kill);
        server->moveToThread(m_kill->safetyThread());
        connect(m_kill->safetyThread(), &QThread::finished, server, &QObject::deleteLater);
        m_killServer = server;
        bool ok = false;
        QString error;
        QMetaObject::invokeMethod(
            server, [&] { ok = server->listen(m_socketName, &error); }, Qt::BlockingQueuedConnection);
        if (!ok)
            throw std::runtime_error(QStringLiteral("%1: %2").arg(m_setup.journalPath, error).toStdString());
    } else if (KillServer::inUse(m_socketName)) {
        throw std::runtime_error(QStringLiteral("%1: another session is running on this journal")
                                     .arg(m_setup.journalPath)
                                     .toStdString());
    }

    m_recovered = m_journal->recover(m_setup.config.initialCapital);
    buildSession();
    Journal::SessionInfo info;
    info.mode = QString::fromLatin1(modeName(m_setup.config.mode));
    info.broker = m_setup.broker;
    info.source = m_session->description();
    info.configHash = ConfigJson::hash(m_setup.config);
    info.configJson = QString::fromStdString(ConfigJson::toJson(m_setup.config, true).dump());
    m_sessionId = m_journal->beginSession(info, m_recovered.fromSession);
    if (m_recovered.halted)
        m_kill->startHalted(m_recovered.haltReason.isEmpty() ? QStringLiteral("halted before the restart")
                                                             : m_recovered.haltReason);
}

void SessionHost::buildSession()
{
    const Config& config = m_setup.config;
    const SourceSpec& spec = m_setup.source;
    LiveFeed* feed = nullptr;
    switch (spec.kind) {
    case SourceSpec::Kind::Simulator: {
        // Simulated bars start now (or after the journal's last bar): live times, strictly
        // increasing across restarts of the same journal.
        SimulatorConfig sim;
        sim.seed = spec.seed;
        sim.bars = spec.simulateBars;
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        sim.startMs = std::max(now, m_recovered.lastBarMs + 1000);
        feed = new PacedFeed(std::make_unique<MarketSimulator>(sim), m_setup.speed);
        break;
    }
    case SourceSpec::Kind::File: {
        std::unique_ptr<BarSource> source
            = openBarFile(spec.path, parseFileFormat(spec.format), spec.skipBadRows);
        if (spec.hasRange())
            source = std::make_unique<TimeRangeSource>(std::move(source), spec.fromMs, spec.toMs);
        feed = new PacedFeed(std::move(source), m_setup.speed);
        break;
    }
    case SourceSpec::Kind::Influx: {
        InfluxSettings settings = InfluxSettings::fromConfig(config);
        if (!spec.influxUrl.isEmpty())
            settings.setUrl(spec.influxUrl);
        if (!spec.influxDatabase.isEmpty())
            settings.database = spec.influxDatabase;
        const std::int64_t after
            = std::max<std::int64_t>(m_recovered.lastBarMs, QDateTime::currentMSecsSinceEpoch() - 60000);
        feed = new InfluxFeed(settings, spec.markets, after, config.influxPollIntervalMs);
        break;
    }
    case SourceSpec::Kind::Binance:
        feed = BinanceSetup::makeFeed(config, spec);
        break;
    }

    std::unique_ptr<Broker> broker;
    FreqtradeClient::Settings ft;
    const bool freqtrade = m_setup.broker == QLatin1String("freqtrade");
    if (m_setup.broker == QLatin1String("paper")) {
        broker = std::make_unique<PaperBroker>(config);
    } else if (freqtrade) {
        ft.baseUrl = QUrl(config.freqtradeUrl);
        ft.username = config.freqtradeUsername;
        ft.password = config.freqtradePassword;
        ft.timeoutMs = config.freqtradeTimeoutMs;
        FreqtradeBroker::Settings bs;
        bs.client = ft;
        bs.pair = config.freqtradePair;
        bs.slippageBps = config.slippageBps;
        bs.leverage = config.leverage;
        bs.mode = config.mode == TradingMode::Live ? TradingMode::Live : TradingMode::DryRun;
        bs.liveConfirmed = m_setup.confirmLive;
        broker = std::make_unique<FreqtradeBroker>(bs);
        // FreqTrade is the source of truth for positions: only the halt state comes from the
        // journal; positions are reconciled from /status at start.
        const bool halted = m_recovered.halted;
        const QString reason = m_recovered.haltReason;
        m_recovered = RecoveredAccount();
        m_recovered.halted = halted;
        m_recovered.haltReason = reason;
    } else {
        throw UsageError(
            QStringLiteral("--broker: \"%1\" is not one of paper, freqtrade").arg(m_setup.broker));
    }

    Session::Options options;
    options.mode = QString::fromLatin1(modeName(config.mode));
    auto* session = new Session(config, std::move(broker), feed, options);
    m_session = session;
    session->setHaltFlag(m_kill->haltFlag());
    session->setRecorder(m_journal.get());
    session->restore(m_recovered);
    session->moveToThread(&m_engineThread);
    connect(&m_engineThread, &QThread::finished, session, &QObject::deleteLater);

    if (freqtrade) {
        auto flattener = std::make_shared<FreqtradeFlattener>(ft);
        m_kill->setFlattener([flattener](int deadlineMs) { return flattener->flatten(deadlineMs); }, 30000);
    } else {
        m_kill->setFlattener([session](int deadlineMs) {
            // The engine takes the account lock for microseconds per bar; waiting longer means
            // it is stuck inside a bar, and the kill switch retries until its deadline.
            return session->flatten(ExitReason::Kill, std::min(deadlineMs, 250));
        });
    }

    auto* watchdog = new Watchdog(*session, *m_kill, config);
    watchdog->moveToThread(m_kill->safetyThread());
    connect(m_kill->safetyThread(), &QThread::finished, watchdog, &QObject::deleteLater);
    m_watchdog = watchdog;

    Journal* journal = m_journal.get();
    connect(session, &Session::snapshotReady, this, &SessionHost::snapshotReady);
    connect(session, &Session::feedHealthChanged, this, &SessionHost::feedHealthChanged);
    connect(session, &Session::recordingChanged, this, &SessionHost::recordingChanged);
    connect(session, &Session::finished, this, &SessionHost::onSessionFinished);
    connect(journal, &Journal::committed, this, &SessionHost::eventCommitted);
    connect(journal, &Journal::failed, this,
        [this](const QString& m) { Q_EMIT alert(QStringLiteral("journal"), m); });
    connect(
        m_kill.get(), &KillSwitch::flattened, journal,
        [journal](const KillReport& r) { journal->recordKill(r); }, Qt::DirectConnection);
    connect(m_kill.get(), &KillSwitch::flattened, this, &SessionHost::killReport);
    connect(
        m_kill.get(), &KillSwitch::stateChanged, journal,
        [journal](TradingState s, const QString& reason, const QString& origin) {
            if (s == TradingState::Active)
                journal->recordSafety(QStringLiteral("rearm"), reason, origin);
        },
        Qt::DirectConnection);
    connect(m_kill.get(), &KillSwitch::stateChanged, this, &SessionHost::tradingStateChanged);
    connect(
        watchdog, &Watchdog::alert, journal,
        [journal](const QString& kind, const QString& text) {
            journal->recordSafety(kind, text, QStringLiteral("watchdog"));
        },
        Qt::DirectConnection);
    connect(watchdog, &Watchdog::alert, this, &SessionHost::alert);
}

void SessionHost::start()
{
    m_running = true;
    m_engineThread.start(QThread::TimeCriticalPriority);
    QMetaObject::invokeMethod(m_session, "start", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_watchdog, "start", Qt::QueuedConnection);
}

void SessionHost::stop(const QString& reason)
{
    if (m_session)
        QMetaObject::invokeMethod(m_session, "stop", Qt::QueuedConnection, Q_ARG(QString, reason));
}

void SessionHost::kill(const QString& reason, const QString& origin)
{
    if (m_kill)
        m_kill->trigger(reason, origin, true);
}

void SessionHost::rearm(const QString& origin)
{
    if (m_kill)
        m_kill->rearm(origin);
}

void SessionHost::onSessionFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_watchdog)
        QMetaObject::invokeMethod(m_watchdog, "stop", Qt::BlockingQueuedConnection);
    const SessionState state = m_session ? m_session->state() : SessionState::Stopped;
    const QString reason = QString::fromLatin1(sessionStateName(state));
    try {
        m_journal->endSession(reason);
        m_journal->flush();
    } catch (const JournalError& e) {
        Q_EMIT alert(QStringLiteral("journal"), QString::fromUtf8(e.what()));
    }
    Q_EMIT finished(state, reason);
}

} // namespace veloce
