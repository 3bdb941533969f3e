#include "papercommand.h"

#include "cliparser.h"
#include "engine/session.h"
#include "safety/killswitch.h"
#include "sessionhost.h"
#include "sessionjson.h"
#include "types/configjson.h"
#include "unixsignalwatcher.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

namespace veloce {

namespace {
// `--replay FILE` is the paper command's name for the shared `--data FILE`.
QStringList replayAsData(const QStringList& arguments)
{
    QStringList out;
    for (const QString& a : arguments) {
        if (a == QLatin1String("--replay") || a == QLatin1String("-replay"))
            out << QStringLiteral("--data");
        else if (a.startsWith(QLatin1String("--replay=")))
            out << QStringLiteral("--data=") + a.mid(9);
        else
            out << a;
    }
    return out;
}
} // namespace

int PaperCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Run a live session: the strategy on live bars, orders to the paper broker (default) "
                       "or FreqTrade. Sources: --simulate [--seed S] (endless, real time x --speed), "
                       "--replay FILE (alias of --data; bar times preserved, x --speed, \"max\" = as fast "
                       "as possible), --influx URL --market M (live polling) or --binance M [--venue V] "
                       "(Binance's live trade streams). One JSON line per event on stdout. Stop with Ctrl-C; "
                       "emergency stop: veloce-cli kill --journal FILE."));
    p.addSourceOptions(false, true);
    p.addConfigOption();
    p.addOption({ QStringLiteral("speed"),
        QStringLiteral("Pace of --simulate/--replay: x real time (default simulator_speed, 1); 0 or max = as "
                       "fast as possible."),
        QStringLiteral("X") });
    p.addOption({ QStringLiteral("duration"), QStringLiteral("Stop after S seconds (wall time)."),
        QStringLiteral("S") });
    p.addOption(
        { QStringLiteral("broker"), QStringLiteral("paper (default) or freqtrade (freqtrade_* config keys)."),
            QStringLiteral("name"), QStringLiteral("paper") });
    p.addOption({ QStringLiteral("confirm-live"),
        QStringLiteral("With --broker freqtrade and \"mode\": \"live\": confirm that real orders are sent. "
                       "Without it a live session does not start; a dry_run session never trades through a "
                       "live bot.") });
    p.addOption({ QStringLiteral("journal"),
        QStringLiteral("SQLite journal (default: %1). A restart on the same journal restores open paper "
                       "positions and cash.")
            .arg(SessionHost::defaultJournalPath()),
        QStringLiteral("file") });
    if (!p.parse(replayAsData(arguments)))
        return 0;

    SessionSetup setup;
    setup.config = p.config();
    setup.broker = p.value(QStringLiteral("broker"));
    if (setup.broker != QLatin1String("paper") && setup.broker != QLatin1String("freqtrade"))
        throw UsageError(QStringLiteral("--broker: \"%1\" is not one of paper, freqtrade").arg(setup.broker));
    if (setup.broker == QLatin1String("paper"))
        setup.config.mode = TradingMode::Paper;
    else if (setup.config.mode != TradingMode::Live)
        setup.config.mode = TradingMode::DryRun; // verified against the bot's show_config at start
    setup.confirmLive = p.isSet(QStringLiteral("confirm-live"));
    if (setup.confirmLive
        && (setup.broker != QLatin1String("freqtrade") || setup.config.mode != TradingMode::Live))
        throw UsageError(
            QStringLiteral("--confirm-live is only for --broker freqtrade with \"mode\": \"live\" in "
                           "the config"));
    if (setup.config.mode == TradingMode::Live && !setup.confirmLive)
        throw UsageError(QStringLiteral("\"mode\": \"live\" sends real orders through FreqTrade at %1: add "
                                        "--confirm-live to confirm")
                             .arg(QUrl(setup.config.freqtradeUrl).toString(QUrl::RemoveUserInfo)));
    setup.source = p.source(setup.config);
    setup.speed = setup.config.simulatorSpeed;
    if (p.isSet(QStringLiteral("speed")))
        setup.speed = p.value(QStringLiteral("speed")) == QLatin1String("max")
            ? 0.0
            : p.number(QStringLiteral("speed"), 0, 1e9);
    if (p.isSet(QStringLiteral("journal")))
        setup.journalPath = p.value(QStringLiteral("journal"));
    const double durationS
        = p.isSet(QStringLiteral("duration")) ? p.number(QStringLiteral("duration"), 0.001, 1e9) : 0;

    SessionHost host(setup);
    host.open();

    using SessionJson::print;
    qint64 lastBarLine = 0;
    SessionSnapshotPtr latest;
    QObject::connect(&host, &SessionHost::snapshotReady, &host, [&](const SessionSnapshotPtr& s) {
        latest = s;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - lastBarLine >= 1000 && s->barCount > 0) {
            lastBarLine = now;
            print(SessionJson::barSummary(*s));
        }
    });
    FeedHealth lastFeed;
    QObject::connect(&host, &SessionHost::feedHealthChanged, &host, [&](const FeedHealth& h) {
        if (SessionJson::feedChanged(lastFeed, h))
            print(SessionJson::feedHealth(h));
        lastFeed = h;
    });
    QObject::connect(&host, &SessionHost::eventCommitted, &host, [](const SessionEvent& e) {
        if (e.kind != SessionEvent::Kind::Equity)
            print(SessionJson::event(e));
    });
    QObject::connect(&host, &SessionHost::killReport, &host, [&host](const KillReport& r) {
        nlohmann::ordered_json j;
        j["event"] = "kill";
        const nlohmann::json report = r.toJson();
        for (auto it = report.begin(); it != report.end(); ++it)
            j[it.key()] = it.value();
        j["state"]
            = tradingStateName(host.killSwitch()->halted() ? TradingState::Halted : TradingState::Active);
        print(j);
    });
    QObject::connect(&host, &SessionHost::tradingStateChanged, &host,
        [](TradingState s, const QString& reason, const QString& origin) {
            nlohmann::ordered_json j;
            j["event"] = "trading";
            j["state"] = tradingStateName(s);
            j["reason"] = reason.toStdString();
            j["origin"] = origin.toStdString();
            print(j);
        });
    QObject::connect(&host, &SessionHost::alert, &host, [](const QString& kind, const QString& message) {
        nlohmann::ordered_json j;
        j["event"] = "alert";
        j["kind"] = kind.toStdString();
        j["message"] = message.toStdString();
        print(j);
    });

    QEventLoop loop;
    SessionState endState = SessionState::Stopped;
    QString endReason;
    QObject::connect(&host, &SessionHost::finished, &loop, [&](SessionState s, const QString& reason) {
        endState = s;
        endReason = reason;
        // Queued behind the journal's acknowledgements already posted to this thread, so that
        // every committed event is printed before "end".
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    UnixSignalWatcher signalWatcher;
    QString stopReason;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &host, [&](int, const QString& sig) {
        stopReason = sig;
        host.stop(sig);
    });
    if (durationS > 0)
        QTimer::singleShot(static_cast<int>(durationS * 1000), &host, [&] {
            stopReason = QStringLiteral("duration");
            host.stop(QStringLiteral("duration"));
        });

    const RecoveredAccount& rec = host.recovered();
    nlohmann::ordered_json start;
    start["event"] = "start";
    start["session"] = host.sessionId();
    start["mode"] = modeName(setup.config.mode);
    start["broker"] = setup.broker.toStdString();
    start["source"] = host.session()->description().toStdString();
    start["speed"] = setup.speed;
    start["journal"] = setup.journalPath.toStdString();
    start["kill_socket"] = host.socketName().toStdString();
    start["config_hash"] = ConfigJson::hash(setup.config).toStdString();
    start["version"] = VELOCE_VERSION;
    nlohmann::ordered_json recovered;
    recovered["from_session"] = rec.fromSession;
    recovered["positions"] = rec.positions.size();
    nlohmann::ordered_json ids = nlohmann::ordered_json::array();
    for (const Position& pos : rec.positions)
        ids.push_back(pos.id);
    recovered["position_ids"] = ids;
    recovered["cash"] = rec.any ? rec.cash : setup.config.initialCapital;
    recovered["last_bar_ms"] = rec.lastBarMs;
    recovered["halted"] = rec.halted;
    start["recovered"] = recovered;
    start["trading"]
        = tradingStateName(host.killSwitch()->halted() ? TradingState::Halted : TradingState::Active);
    print(start);

    host.start();
    loop.exec();

    nlohmann::ordered_json end;
    end["event"] = "end";
    end["state"] = sessionStateName(endState);
    end["reason"] = (stopReason.isEmpty() ? endReason : stopReason).toStdString();
    if (const SessionSnapshotPtr s = host.session()->snapshot()) {
        end["bars"] = s->barCount;
        end["signals"] = s->signalCount;
        end["trades"] = s->tradeCount;
        end["positions"] = s->positions.size();
        end["equity"] = s->equity;
        end["cash"] = s->cash;
        end["max_drawdown"] = s->maxDrawdown;
        end["last_alert"] = s->lastAlert.toStdString();
        if (s->feed.state != FeedHealth::State::None)
            end["feed"] = SessionJson::feedHealth(s->feed);
    }
    print(end);
    if (endState == SessionState::Failed) {
        // The reason is in the JSON lines; a person at the terminal reads stderr.
        const SessionSnapshotPtr s = host.session()->snapshot();
        QTextStream(stderr) << "veloce-cli paper: the source failed: " << (s ? s->lastAlert : endReason)
                            << '\n';
        return 2;
    }
    return 0;
}

} // namespace veloce
