// Every bar reaches the chart (issue 15): a Session replaying at full speed publishes coalesced
// snapshots, and a view that acknowledges what it drew gets every bar exactly once, in order,
// however slowly it draws -- the snapshots carry the bars since the acknowledged one (bounded,
// oldest first). The replay waits for its slowest consumer through the feed's one gate: a view
// that stopped acknowledging holds it exactly at half the bar history, with or without a journal
// beside it, and it goes on when the view catches up. And the replay controls of a paced feed:
// pause, one bar at a time, jump, speed.
#include "broker/paperbroker.h"
#include "data/marketsimulator.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "safety/journal.h"
#include "vectorsource.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace veloce;

namespace {
// Deletes `object` on the thread it lives on (its timers belong to that thread), then ends it.
void deleteOn(QThread& thread, QObject* object)
{
    QMetaObject::invokeMethod(
        object, [object] { delete object; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}
} // namespace

class TestBarDelivery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyBarReachesTheView_data()
    {
        QTest::addColumn<int>("drawMs"); // how long the view takes per snapshot
        QTest::addColumn<int>("bars");
        QTest::newRow("view keeps up") << 0 << 300000;
        QTest::newRow("slow view, 40 ms per frame") << 40 << 300000;
        QTest::newRow("very slow view, 250 ms per frame") << 250 << 600000;
    }
    void everyBarReachesTheView()
    {
        QFETCH(int, drawMs);
        QFETCH(int, bars);
        SimulatorConfig sim;
        sim.seed = 11;
        sim.bars = bars;
        std::vector<Bar> want;
        {
            MarketSimulator source(sim);
            Bar b;
            while (source.next(b))
                want.push_back(b);
        }
        const Config config;
        QThread engine;
        auto* session = new Session(config, std::make_unique<PaperBroker>(config),
            new PacedFeed(std::make_unique<VectorSource>(want), 0), Session::Options());
        const auto ack = session->barAcknowledgement();
        ack->store(0); // this view acknowledges
        session->moveToThread(&engine);

        std::vector<Bar> got;
        std::int64_t lastSeq = 0;
        std::int64_t gaps = 0;
        std::int64_t largest = 0;
        bool finished = false;
        // The receiver of this row's queued snapshots: destroyed at the end of the row, it takes
        // the snapshots still queued with it (they would reach the next row's view otherwise).
        QObject view;
        connect(session, &Session::finished, &view, [&] { finished = true; });
        connect(session, &Session::snapshotReady, &view, [&](const SessionSnapshotPtr& s) {
            largest = std::max<std::int64_t>(largest, std::int64_t(s->bars.size()));
            if (s->bars.empty())
                return;
            if (s->firstBarSeq > lastSeq + 1)
                gaps += s->firstBarSeq - (lastSeq + 1);
            const std::int64_t before = lastSeq;
            for (std::size_t i = 0; i < s->bars.size(); ++i) {
                const std::int64_t seq = s->firstBarSeq + std::int64_t(i);
                if (seq > lastSeq) {
                    got.push_back(s->bars[i]);
                    lastSeq = seq;
                }
            }
            // A slow redraw of the new bars. A snapshot that brings none is skipped at once, as
            // the window's SessionController does with every snapshot overtaken by a newer one.
            if (drawMs > 0 && lastSeq > before)
                QThread::msleep(static_cast<unsigned long>(drawMs));
            ack->store(lastSeq);
        });
        engine.start();
        QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
        // The session ends long before a slow view has drawn everything: it keeps publishing
        // while the view is behind.
        QTRY_VERIFY_WITH_TIMEOUT(finished && lastSeq == std::int64_t(want.size()), 300000);
        deleteOn(engine, session);

        QCOMPARE(gaps, std::int64_t(0));
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            QVERIFY2(got[i].t == want[i].t && got[i].close == want[i].close, qPrintable(QString::number(i)));
        QVERIFY(largest <= SessionSnapshot::kMaxBars);
        qInfo("%d ms per frame: %zu bars, largest snapshot %lld bars", drawMs, got.size(), qint64(largest));
    }

    void aStalledViewHoldsTheReplay_data()
    {
        QTest::addColumn<bool>("journaled"); // the journal as a second consumer behind the gate
        QTest::newRow("view only") << false;
        QTest::newRow("view and journal") << true;
    }
    void aStalledViewHoldsTheReplay()
    {
        QFETCH(bool, journaled);
        SimulatorConfig sim;
        sim.seed = 5;
        sim.bars = 300000;
        std::vector<Bar> bars;
        {
            MarketSimulator source(sim);
            Bar b;
            while (source.next(b))
                bars.push_back(b);
        }
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("j.sqlite")));
        if (journaled) {
            journal.open({});
            Journal::SessionInfo info;
            info.mode = info.broker = QStringLiteral("paper");
            journal.beginSession(info);
        }
        const Config config;
        QThread engine;
        auto* session = new Session(config, std::make_unique<PaperBroker>(config),
            new PacedFeed(std::make_unique<VectorSource>(bars), 0), Session::Options());
        if (journaled)
            session->setRecorder(&journal);
        const auto ack = session->barAcknowledgement();
        ack->store(0); // a view that has drawn nothing yet, and stalls
        session->moveToThread(&engine);
        QSignalSpy finished(session, &Session::finished);
        engine.start();
        QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
        // Held exactly where the view would lose a bar it has not drawn: the gate is asked before
        // every bar, so the replay stops at bar kBarHistory / 2 + 1 and stays there. Without the
        // view's condition in the gate it runs through (and this never compares equal).
        const std::size_t held = SessionSnapshot::kBarHistory / 2;
        QTRY_COMPARE_WITH_TIMEOUT(session->lastBarMs(), bars[held].t, 120000);
        QVERIFY(finished.isEmpty());
        // The view draws what it has, again and again: the replay goes on to the end.
        for (int round = 0; finished.isEmpty() && round < 600; ++round) {
            ack->store(session->snapshot()->barCount);
            finished.wait(200);
        }
        QVERIFY(!finished.isEmpty());
        QCOMPARE(session->lastBarMs(), bars.back().t);
        QCOMPARE(session->snapshot()->barCount, std::int64_t(bars.size()));
        deleteOn(engine, session);
        if (journaled)
            journal.close();
    }

    void withoutAcknowledgementsSnapshotsCarryTheLastBars()
    {
        std::vector<Bar> bars;
        for (int i = 0; i < 5000; ++i) {
            Bar b;
            b.t = 1'700'000'000'000 + std::int64_t(i) * 1000;
            b.open = b.high = b.low = b.close = 100 + i % 7;
            bars.push_back(b);
        }
        const Config config;
        QThread engine;
        auto* session = new Session(config, std::make_unique<PaperBroker>(config),
            new PacedFeed(std::make_unique<VectorSource>(bars), 0), Session::Options());
        session->moveToThread(&engine);
        QSignalSpy finished(session, &Session::finished);
        engine.start();
        QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
        QVERIFY(finished.wait(60000));
        const SessionSnapshotPtr last = session->snapshot();
        deleteOn(engine, session);
        QCOMPARE(int(last->bars.size()), SessionSnapshot::kBars);
        QCOMPARE(last->firstBarSeq, std::int64_t(5000 - SessionSnapshot::kBars + 1));
        QCOMPARE(last->bars.back().t, bars.back().t);
    }

    void replayControl()
    {
        // Hourly bars at 1x: after the first, the next is an hour away -- nothing arrives on its
        // own while the test runs, so every bar counted below was released by a control.
        std::vector<Bar> bars;
        const std::int64_t t0 = 1'700'000'000'000;
        for (int i = 0; i < 400; ++i) {
            Bar b;
            b.t = t0 + std::int64_t(i) * 3'600'000;
            b.open = b.high = b.low = b.close = 100;
            bars.push_back(b);
        }
        QThread engine;
        auto* feed = new PacedFeed(std::make_unique<VectorSource>(bars), 1);
        feed->moveToThread(&engine);
        QSignalSpy released(feed, &LiveFeed::barReady);
        QSignalSpy pace(feed, &PacedFeed::paceChanged);
        QSignalSpy ended(feed, &LiveFeed::finished);
        engine.start();
        const auto call = [&](auto f) { QMetaObject::invokeMethod(feed, f, Qt::QueuedConnection); };
        call([feed] { feed->start(); });
        QTRY_COMPARE(released.count(), 1);

        call([feed] { feed->setPaused(true); });
        QTRY_VERIFY(!pace.isEmpty() && pace.last().at(0).toBool());
        for (int i = 0; i < 3; ++i)
            call([feed] { feed->step(); });
        QTRY_COMPARE(released.count(), 4);

        // Jump (while paused): every bar before bar 100's time comes out, bar 100 waits.
        const qint64 target = t0 + 100 * 3'600'000;
        call([feed, target] { feed->runTo(target); });
        QTRY_COMPARE(released.count(), 100);
        QTRY_VERIFY(pace.last().at(2).toLongLong() == 0); // the jump has arrived
        QCOMPARE(released.last().at(0).value<Bar>().t, target - 3'600'000);
        call([feed] { feed->step(); });
        QTRY_COMPARE(released.count(), 101);
        QCOMPARE(released.last().at(0).value<Bar>().t, target);

        // As fast as possible, resumed: the rest.
        call([feed] { feed->setSpeed(0); });
        call([feed] { feed->setPaused(false); });
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(released.count(), 400);
        QCOMPARE(pace.last().at(1).toDouble(), 0.0);
        deleteOn(engine, feed);
    }
};

QTEST_GUILESS_MAIN(TestBarDelivery)
#include "tst_bardelivery.moc"
