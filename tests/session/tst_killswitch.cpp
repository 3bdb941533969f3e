// The kill switch (issue 4): halts entries at once and flattens a paper account from its own
// thread, within 250 ms, while the engine thread is deliberately stalled; it is journaled with
// its timings; trading stays halted until an explicit re-arm.
#include "broker/paperbroker.h"
#include "data/marketsimulator.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "safety/journal.h"
#include "safety/killswitch.h"
#include "sessiontesthelpers.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace veloce;

namespace {
// An endless simulated market as fast as the engine goes: positions open within milliseconds.
Session* makeSession(const Config& config)
{
    SimulatorConfig sim;
    sim.seed = 11;
    return new Session(config, std::make_unique<PaperBroker>(config),
        new PacedFeed(std::make_unique<MarketSimulator>(sim), 0), Session::Options());
}
} // namespace

class TestKillSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flattensWhileEngineStalled();
    void haltWithoutFlattenKeepsPositions();
};

void TestKillSwitch::flattensWhileEngineStalled()
{
    QTemporaryDir dir;
    Config config;
    config.maxOpenPositions = 3;
    Journal journal(dir.filePath(QStringLiteral("j.sqlite")));
    journal.open();
    journal.beginSession({}, 0);
    KillSwitch kill;
    QThread engine;
    test::RecordingRecorder recorder;
    Session* session = makeSession(config);
    session->setHaltFlag(kill.haltFlag());
    session->setRecorder(&recorder);
    kill.setFlattener(
        [session](int left) { return session->flatten(ExitReason::Kill, std::min(left, 250)); });
    std::mutex m;
    std::vector<KillReport> reports;
    connect(
        &kill, &KillSwitch::flattened, &kill,
        [&](const KillReport& r) {
            journal.recordKill(r);
            std::lock_guard lock(m);
            reports.push_back(r);
        },
        Qt::DirectConnection);
    session->moveToThread(&engine);
    engine.start();
    // A failed check returns early: never leave the engine thread running behind it.
    const auto stopEngine = qScopeGuard([&] {
        engine.quit();
        engine.wait(10000);
    });
    QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);

    // Block the engine's event loop while it holds a position, then pull the switch. At full
    // speed a position can close between our look and the stall: then let it run and retry.
    int open = 0;
    for (int attempt = 0; attempt < 10 && open == 0; ++attempt) {
        QTRY_VERIFY_WITH_TIMEOUT(session->openPositions() > 0, 30000);
        QMetaObject::invokeMethod(session, "stall", Qt::QueuedConnection, Q_ARG(int, 3000));
        QTRY_VERIFY_WITH_TIMEOUT(session->stalled(), 5000);
        open = session->openPositions();
        if (open == 0)
            QTRY_VERIFY_WITH_TIMEOUT(!session->stalled(), 5000);
    }
    QVERIFY(open > 0);
    const std::int64_t beatBefore = session->lastBeatNs();
    QElapsedTimer sinceTrigger;
    sinceTrigger.start();
    // The engine is stalled: every event from here on comes after the trigger (by order, not by
    // wall-clock millisecond, which the last events before the stall may share).
    const std::size_t eventsBeforeTrigger = recorder.events().size();
    kill.trigger(QStringLiteral("test"), QStringLiteral("test"));
    QVERIFY(kill.halted()); // entries refused before trigger() returned
    QTRY_VERIFY_WITH_TIMEOUT(session->openPositions() == 0, 250);
    const qint64 flatAfterMs = sinceTrigger.elapsed();
    QVERIFY2(session->stalled(), "the flatten must not have waited for the engine");
    QCOMPARE(session->lastBeatNs(), beatBefore);
    QTRY_VERIFY_WITH_TIMEOUT(!reports.empty(), 1000);
    KillReport r;
    {
        std::lock_guard lock(m);
        r = reports.front();
    }
    QVERIFY(r.flat);
    QCOMPARE(r.closed, open);
    QVERIFY2(r.flattenLatencyMs < 250, qPrintable(QString::number(r.flattenLatencyMs)));
    QVERIFY(flatAfterMs < 250);
    for (const Trade& t : r.trades)
        QCOMPARE(t.reason, ExitReason::Kill);
    const SessionSnapshotPtr snap = session->snapshot();
    QVERIFY(snap->positions.empty());
    QVERIFY(snap->halted);

    // After the stall the engine runs on, but every signal is refused with "halted".
    QTRY_VERIFY_WITH_TIMEOUT(!session->stalled(), 5000);
    const std::size_t eventsAtKill = recorder.events().size();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events().size() > eventsAtKill + 50, 10000);
    int haltedSignals = 0;
    const std::vector<SessionEvent> events = recorder.events();
    for (std::size_t i = eventsBeforeTrigger; i < events.size(); ++i) {
        const SessionEvent& e = events[i];
        if (e.kind != SessionEvent::Kind::Signal)
            continue;
        QVERIFY(!e.signal.accepted);
        haltedSignals += e.signal.reason == RejectReason::Halted;
    }
    QVERIFY(haltedSignals > 0);
    QCOMPARE(session->openPositions(), 0);

    // Re-arming is explicit; then entries resume.
    kill.rearm(QStringLiteral("test"));
    QVERIFY(!kill.halted());
    QTRY_VERIFY_WITH_TIMEOUT(session->openPositions() > 0, 30000);

    QMetaObject::invokeMethod(
        session, "stop", Qt::BlockingQueuedConnection, Q_ARG(QString, QStringLiteral("test")));
    engine.quit();
    engine.wait();
    kill.setFlattener(nullptr);
    delete session;

    // Journaled, with its timings.
    journal.flush();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(journal.path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT kind, latency_ms, detail FROM events WHERE kind = 'kill'")));
        QVERIFY(q.next());
        QVERIFY(q.value(1).toDouble() > 0 && q.value(1).toDouble() < 250);
        QVERIFY(q.value(2).toString().contains(QLatin1String("\"flat\":true")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestKillSwitch::haltWithoutFlattenKeepsPositions()
{
    Config config;
    KillSwitch kill;
    QThread engine;
    Session* session = makeSession(config);
    session->setHaltFlag(kill.haltFlag());
    kill.setFlattener([session](int left) { return session->flatten(ExitReason::Kill, left); });
    std::atomic<bool> reported { false };
    connect(
        &kill, &KillSwitch::flattened, &kill, [&](const KillReport&) { reported = true; },
        Qt::DirectConnection);
    session->moveToThread(&engine);
    engine.start();
    const auto stopEngine = qScopeGuard([&] {
        engine.quit();
        engine.wait(10000);
    });
    QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(session->openPositions() > 0, 30000);
    // The drawdown breaker's kind of trigger: entries stop, positions are managed on.
    kill.trigger(QStringLiteral("breaker"), QStringLiteral("breaker"), false);
    QTRY_VERIFY(reported.load());
    QVERIFY(kill.halted());
    const SessionSnapshotPtr s = session->snapshot();
    QVERIFY(s->halted);
    QMetaObject::invokeMethod(
        session, "stop", Qt::BlockingQueuedConnection, Q_ARG(QString, QStringLiteral("test")));
    engine.quit();
    engine.wait();
    kill.setFlattener(nullptr);
    delete session;
}

QTEST_GUILESS_MAIN(TestKillSwitch)
#include "tst_killswitch.moc"
