// Watchdog and breakers (issue 4): no bar for heartbeat_timeout_s while data is expected raises
// an alert and, with heartbeat_action "halt", halts and flattens; a drawdown reaching
// max_drawdown_percent halts new entries (positions kept).
#include "broker/paperbroker.h"
#include "engine/livefeed.h"
#include "engine/session.h"
#include "safety/killswitch.h"
#include "safety/watchdog.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace veloce;

namespace {
// Bars only when the test pushes them: a source that goes silent.
class ManualFeed : public LiveFeed
{
    Q_OBJECT
public:
    QString description() const override { return QStringLiteral("manual"); }
    SourceStats stats() const override { return {}; }
    void start() override { }
    void stop() override { }
    Q_INVOKABLE void push(double close, qint64 t)
    {
        Bar b;
        b.t = t;
        b.open = b.high = b.low = b.close = close;
        b.vbuy = b.vsell = 1;
        Q_EMIT barReady(b);
    }
};

RecoveredAccount oneLong()
{
    RecoveredAccount a;
    a.any = true;
    a.cash = 100000;
    a.peakEquity = 100000;
    a.lastClose = 100;
    a.lastBarMs = 1000;
    a.nextPositionId = 2;
    Position p;
    p.id = 1;
    p.side = Side::Long;
    p.entry = 100;
    p.qty = 100;
    p.stop = 50;
    p.target = 200;
    a.positions.push_back(p);
    return a;
}

struct Rig
{
    explicit Rig(const Config& config)
    {
        feed = new ManualFeed;
        session = new Session(config, std::make_unique<PaperBroker>(config), feed, Session::Options());
        session->setHaltFlag(kill.haltFlag());
        session->restore(oneLong());
        kill.setFlattener([this](int left) { return session->flatten(ExitReason::Kill, left); });
        watchdog = new Watchdog(*session, kill, config);
        watchdog->moveToThread(kill.safetyThread());
        // As SessionHost does: deleted when the safety thread ends (a deleteLater posted just
        // before the thread quits might never run).
        QObject::connect(kill.safetyThread(), &QThread::finished, watchdog, &QObject::deleteLater);
        session->moveToThread(&engine);
        engine.start();
        QMetaObject::invokeMethod(session, "start", Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(watchdog, "start", Qt::BlockingQueuedConnection);
    }
    ~Rig()
    {
        QMetaObject::invokeMethod(watchdog, "stop", Qt::BlockingQueuedConnection);
        kill.setFlattener(nullptr);
        QMetaObject::invokeMethod(session, "stop", Qt::BlockingQueuedConnection, Q_ARG(QString, QString()));
        engine.quit();
        engine.wait();
        delete session;
    }
    KillSwitch kill;
    QThread engine;
    ManualFeed* feed;
    Session* session;
    Watchdog* watchdog;
};
} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void silentFeedHaltsAndFlattens();
    void silentFeedOnlyAlertsByDefault();
    void drawdownBreakerHaltsEntries();
};

// The waits below are deadlines against a hang, over 50 times the ~0.5 s the watchdog takes
// here (heartbeat_timeout_s 0.3 plus its check interval); how fast it acts is not asserted.
void TestWatchdog::silentFeedHaltsAndFlattens()
{
    Config config;
    config.heartbeatTimeoutS = 0.3;
    config.heartbeatAction = HeartbeatAction::Halt;
    Rig rig(config);
    QSignalSpy alerts(rig.watchdog, &Watchdog::alert);
    QMetaObject::invokeMethod(
        rig.feed, "push", Qt::BlockingQueuedConnection, Q_ARG(double, 101), Q_ARG(qint64, 2000));
    QCOMPARE(rig.session->openPositions(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rig.kill.halted(), 30000);
    QVERIFY(rig.kill.haltReason().contains(QLatin1String("no bar processed")));
    QTRY_COMPARE_WITH_TIMEOUT(rig.session->openPositions(), 0, 30000);
    QTRY_VERIFY(alerts.count() >= 1);
    QCOMPARE(alerts.first().at(0).toString(), QStringLiteral("heartbeat"));
}

void TestWatchdog::silentFeedOnlyAlertsByDefault()
{
    Config config;
    config.heartbeatTimeoutS = 0.3;
    Rig rig(config);
    QSignalSpy alerts(rig.watchdog, &Watchdog::alert);
    QTRY_VERIFY_WITH_TIMEOUT(alerts.count() >= 1, 30000);
    QCOMPARE(alerts.first().at(0).toString(), QStringLiteral("heartbeat"));
    QVERIFY(!rig.kill.halted());
    QCOMPARE(rig.session->openPositions(), 1);
    // Bars again: the watchdog says so.
    QMetaObject::invokeMethod(
        rig.feed, "push", Qt::BlockingQueuedConnection, Q_ARG(double, 100), Q_ARG(qint64, 2000));
    QTRY_VERIFY_WITH_TIMEOUT(alerts.count() >= 2, 30000);
    QCOMPARE(alerts.at(1).at(0).toString(), QStringLiteral("heartbeat_ok"));
}

void TestWatchdog::drawdownBreakerHaltsEntries()
{
    Config config;
    config.maxDrawdownPercent = 0.005;
    Rig rig(config);
    QSignalSpy alerts(rig.watchdog, &Watchdog::alert);
    // 100 units long from 100: at 90 the account is 1 % below its peak.
    QMetaObject::invokeMethod(
        rig.feed, "push", Qt::BlockingQueuedConnection, Q_ARG(double, 90), Q_ARG(qint64, 2000));
    QTRY_VERIFY_WITH_TIMEOUT(rig.kill.halted(), 30000);
    QVERIFY(rig.kill.haltReason().startsWith(QLatin1String("breaker")));
    QCOMPARE(alerts.first().at(0).toString(), QStringLiteral("drawdown"));
    QTest::qWait(300);
    QCOMPARE(rig.session->openPositions(), 1); // halted, not flattened
}

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
