// The kill switch (issues 4 and 11): halts entries at once and flattens a paper account from its
// own thread while the engine thread is stalled; reports only once the journal has the halt and
// the closing fills; publishes the flat account (a snapshot newer than any before it) without the
// engine; merges any number of concurrent triggers into one flatten whose report every caller
// receives; trading stays halted until an explicit re-arm.
#include "broker/paperbroker.h"
#include "data/marketsimulator.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "safety/journal.h"
#include "safety/killswitch.h"
#include "safety/sessionflattener.h"
#include "sessiontesthelpers.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <set>
#include <thread>

using namespace veloce;

namespace {
// An endless simulated market as fast as the engine goes: positions open within milliseconds.
Session* makeSession(const Config& config, quint64 seed = 11)
{
    SimulatorConfig sim;
    sim.seed = seed;
    return new Session(config, std::make_unique<PaperBroker>(config),
        new PacedFeed(std::make_unique<MarketSimulator>(sim), 0), Session::Options());
}

// Counts how often the kill switch really starts a flatten (the storm test's "exactly one").
class CountingFlattener : public Flattener
{
public:
    explicit CountingFlattener(std::shared_ptr<Flattener> inner)
        : m_inner(std::move(inner))
    {
    }
    void start(QObject* context, int deadlineMs, Done done) override
    {
        ++starts;
        m_inner->start(context, deadlineMs, std::move(done));
    }
    void cancel() override { m_inner->cancel(); }
    std::atomic<int> starts { 0 };

private:
    std::shared_ptr<Flattener> m_inner;
};

// A running paper session with its kill switch and journal, as SessionHost wires them.
struct Rig
{
    explicit Rig(const Config& config, const QString& journalPath)
        : journal(journalPath)
    {
        journal.open({ config.initialCapital, config.maxOpenPositions });
        journal.beginSession({});
        session = makeSession(config);
        session->setHaltFlag(kill.haltFlag());
        session->setRecorder(&journal);
        flattener = std::make_shared<CountingFlattener>(
            std::make_shared<SessionFlattener>(*session, config.accountLockTimeoutMs, nullptr));
        kill.setFlattener(flattener, config.flattenDeadlineMs);
        kill.setBarrier([this](std::function<void(const QString&)> done) {
            if (!holdBarrier) {
                journal.whenCommitted(std::move(done));
                return;
            }
            // The storm test keeps the flatten "in progress" until every trigger has arrived, so
            // that a descheduled trigger thread cannot come in after the report.
            std::lock_guard lock(mutex);
            held.emplace_back([this, done = std::move(done)] {
                while (holdBarrier)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                journal.whenCommitted(done);
            });
        });
        QObject::connect(
            &kill, &KillSwitch::stateChanged, &kill,
            [this](TradingState s, const QString& reason, const QString& origin) {
                journal.recordSafety(
                    s == TradingState::Halted ? QStringLiteral("halt") : QStringLiteral("rearm"), reason,
                    origin);
            },
            Qt::DirectConnection);
        QObject::connect(
            &kill, &KillSwitch::flattened, &kill,
            [this](const KillReport& r) {
                journal.recordKill(r);
                session->publishNow();
                std::lock_guard lock(mutex);
                reports.push_back(r);
            },
            Qt::DirectConnection);
        session->moveToThread(&engine);
        // Its timers belong to the engine thread: deleted there, as SessionHost does it.
        QObject::connect(&engine, &QThread::finished, session, &QObject::deleteLater);
        engine.start();
        QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
    }
    ~Rig()
    {
        holdBarrier = false;
        for (std::thread& t : held)
            t.join();
        kill.shutdown();
        kill.safetyThread()->wait();
        QMetaObject::invokeMethod(
            session, "stop", Qt::BlockingQueuedConnection, Q_ARG(QString, QStringLiteral("test")));
        engine.quit();
        engine.wait();
        journal.close();
    }
    std::vector<KillReport> reportsSoFar()
    {
        std::lock_guard lock(mutex);
        return reports;
    }
    Journal journal;
    KillSwitch kill;
    QThread engine;
    Session* session = nullptr;
    std::shared_ptr<CountingFlattener> flattener;
    std::mutex mutex;
    std::vector<KillReport> reports;
    std::atomic<bool> holdBarrier { false };
    std::vector<std::thread> held;
};

// Stalls the engine thread while the account holds a position. At full speed a position can
// close between the look and the stall: then let it run and try again.
int stallHoldingAPosition(Session* session, int stallMs)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!QTest::qWaitFor([&] { return session->openPositions() > 0; }, 30000))
            return 0;
        QMetaObject::invokeMethod(session, "stall", Qt::QueuedConnection, Q_ARG(int, stallMs));
        if (!QTest::qWaitFor([&] { return session->stalled(); }, 5000))
            return 0;
        if (const int open = session->openPositions(); open > 0)
            return open;
        (void)QTest::qWaitFor([&] { return !session->stalled(); }, stallMs + 5000);
    }
    return 0;
}
} // namespace

class TestKillSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flattensWhileEngineStalled();
    void haltWithoutFlattenKeepsPositions();
    void triggerStormIsOneFlatten_data();
    void triggerStormIsOneFlatten();
};

void TestKillSwitch::flattensWhileEngineStalled()
{
    QTemporaryDir dir;
    Config config;
    config.maxOpenPositions = 3;
    Rig rig(config, dir.filePath(QStringLiteral("j.sqlite")));
    QSignalSpy published(rig.session, &Session::snapshotReady);

    const int open = stallHoldingAPosition(rig.session, 3000);
    QVERIFY(open > 0);
    const std::int64_t beatBefore = rig.session->lastBeatNs();
    QTest::qWait(100); // the snapshot timer runs on the stalled engine thread: nothing new arrives
    const std::int64_t seqBefore
        = published.isEmpty() ? 0 : published.last().at(0).value<SessionSnapshotPtr>()->seq;
    published.clear();
    QElapsedTimer sinceTrigger;
    sinceTrigger.start();
    rig.kill.trigger(QStringLiteral("test"), QStringLiteral("test"));
    QVERIFY(rig.kill.halted()); // entries refused before trigger() returned

    // What a view receives: a snapshot taken after the flatten, newer than anything before it,
    // flat and halted -- published from the safety thread, the engine still stalled.
    QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty(), 5000);
    const qint64 shownAfterMs = sinceTrigger.elapsed();
    const auto shown = published.first().at(0).value<SessionSnapshotPtr>();
    QVERIFY2(shown->seq > seqBefore, "a view that keeps the newest snapshot would drop the flat account");
    QVERIFY(shown->positions.empty());
    QVERIFY(shown->halted);
    QVERIFY2(rig.session->stalled(), "the flatten must not have waited for the engine");
    QCOMPARE(rig.session->lastBeatNs(), beatBefore);
    qInfo("kill -> flat snapshot published in %lld ms with the engine stalled",
        static_cast<long long>(shownAfterMs));

    QTRY_VERIFY_WITH_TIMEOUT(!rig.reportsSoFar().empty(), 5000);
    const KillReport r = rig.reportsSoFar().front();
    QVERIFY(r.flat);
    QVERIFY2(r.durable, qPrintable(r.message));
    QCOMPARE(r.closed, open);
    QVERIFY(r.cash.has_value());
    QCOMPARE(*r.cash, shown->cash);
    for (const Trade& t : r.trades)
        QCOMPARE(t.reason, ExitReason::Kill);

    // Durable when reported: the halt and the closing fills are readable from another connection.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(rig.journal.path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'halt'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(
            q.exec(QStringLiteral("SELECT COUNT(*), MAX(id) FROM fills WHERE entry = 0 AND reason = 'kill'"))
            && q.next());
        QCOMPARE(q.value(0).toInt(), open);
        QVERIFY(q.exec(QStringLiteral("SELECT cash_after FROM fills ORDER BY id DESC LIMIT 1")) && q.next());
        QCOMPARE(q.value(0).toDouble(), *r.cash);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    // After the stall the engine runs on, but every signal is refused with "halted".
    QTRY_VERIFY_WITH_TIMEOUT(!rig.session->stalled(), 5000);
    QTest::qWait(300);
    QCOMPARE(rig.session->openPositions(), 0);
    QVERIFY(rig.session->snapshot()->halted);

    // Re-arming is explicit; then entries resume.
    QCOMPARE(rig.kill.rearm(QStringLiteral("test")), QString());
    QVERIFY(!rig.kill.halted());
    QTRY_VERIFY_WITH_TIMEOUT(rig.session->openPositions() > 0, 30000);
}

void TestKillSwitch::haltWithoutFlattenKeepsPositions()
{
    QTemporaryDir dir;
    Config config;
    Rig rig(config, dir.filePath(QStringLiteral("j.sqlite")));
    QTRY_VERIFY_WITH_TIMEOUT(rig.session->openPositions() > 0, 30000);
    QMetaObject::invokeMethod(rig.session, "stall", Qt::QueuedConnection, Q_ARG(int, 500));
    QTRY_VERIFY(rig.session->stalled());
    const int open = rig.session->openPositions();
    // The drawdown breaker's kind of trigger: entries stop, positions are managed on.
    rig.kill.trigger(QStringLiteral("breaker"), QStringLiteral("breaker"), false);
    QTRY_VERIFY(!rig.reportsSoFar().empty());
    QVERIFY(rig.kill.halted());
    const KillReport r = rig.reportsSoFar().front();
    QVERIFY(!r.flattenRequested);
    QCOMPARE(r.closed, 0);
    QCOMPARE(rig.flattener->starts.load(), 0);
    QCOMPARE(rig.session->openPositions(), open);
    QVERIFY(rig.session->snapshot()->halted);
}

void TestKillSwitch::triggerStormIsOneFlatten_data()
{
    QTest::addColumn<bool>("stalled"); // the engine thread stalled during the storm
    // The storm opens with a halt-only trigger (as the drawdown breaker) and every fourth is one.
    QTest::addColumn<bool>("mixed");
    QTest::newRow("engine running") << false << false;
    QTest::newRow("engine stalled") << true << false;
    QTest::newRow("with halt-only triggers") << false << true;
}

void TestKillSwitch::triggerStormIsOneFlatten()
{
    QFETCH(bool, stalled);
    QFETCH(bool, mixed);
    constexpr int kThreads = 8;
    constexpr int kPerThread = 128; // 1,024 concurrent triggers per storm
    constexpr int kRounds = 5;
    QTemporaryDir dir;
    Config config;
    config.maxOpenPositions = 3;
    Rig rig(config, dir.filePath(QStringLiteral("j.sqlite")));

    for (int round = 0; round < kRounds; ++round) {
        if (stalled)
            QVERIFY(stallHoldingAPosition(rig.session, 1500) > 0);
        else
            QTRY_VERIFY_WITH_TIMEOUT(rig.session->openPositions() > 0, 30000);
        const int startsBefore = rig.flattener->starts.load();
        const std::size_t reportsBefore = rig.reportsSoFar().size();
        std::vector<std::vector<std::uint64_t>> ids(kThreads);
        std::atomic<bool> go { false };
        rig.holdBarrier = true;
        std::set<std::uint64_t> distinct;
        if (mixed)
            distinct.insert(rig.kill.trigger(QStringLiteral("breaker"), QStringLiteral("test"), false));
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                while (!go.load())
                    std::this_thread::yield();
                for (int i = 0; i < kPerThread; ++i) {
                    const bool flatten = !mixed || (t * kPerThread + i) % 4 != 1;
                    ids[t].push_back(
                        rig.kill.trigger(QStringLiteral("storm"), QStringLiteral("test"), flatten));
                }
            });
        go = true;
        for (auto& th : threads)
            th.join();
        QVERIFY(rig.kill.halted());
        rig.holdBarrier = false;
        for (const auto& v : ids)
            distinct.insert(v.begin(), v.end());
        // Every trigger's report arrives; the storm ran the flattener exactly once.
        QTRY_VERIFY_WITH_TIMEOUT(rig.reportsSoFar().size() >= reportsBefore + distinct.size(), 10000);
        QTest::qWait(100);
        const std::vector<KillReport> reports = rig.reportsSoFar();
        QCOMPARE(reports.size(), reportsBefore + distinct.size());
        QCOMPARE(rig.flattener->starts.load() - startsBefore, 1);
        int merged = 0;
        int flats = 0;
        for (std::size_t i = reportsBefore; i < reports.size(); ++i) {
            QVERIFY(distinct.count(reports[i].id));
            merged += reports[i].triggers;
            flats += reports[i].flattenRequested ? 1 : 0;
            if (reports[i].flattenRequested) {
                QVERIFY2(reports[i].flat && reports[i].durable, qPrintable(reports[i].message));
            }
        }
        QCOMPARE(merged, kThreads * kPerThread + (mixed ? 1 : 0));
        QCOMPARE(flats, 1);
        // One flatten with one id; after a halt-only run, that run and one flatten.
        QCOMPARE(distinct.size(), std::size_t(mixed ? 2 : 1));
        QCOMPARE(rig.session->openPositions(), 0);
        qInfo("round %d: %d triggers -> %zu report(s), 1 flatten", round, kThreads * kPerThread,
            distinct.size());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.session->stalled(), 5000);
        QCOMPARE(rig.kill.rearm(QStringLiteral("test")), QString());
    }
}

QTEST_GUILESS_MAIN(TestKillSwitch)
#include "tst_killswitch.moc"
