// The pacing arithmetic of replay control (ReplayClock): when each bar is due at a speed, after a
// pause, after a speed change, and during a jump. Pure arithmetic on given times: no waiting.
#include "engine/replayclock.h"

#include <QTest>

using namespace veloce;

namespace {
constexpr std::int64_t kMs = 1'000'000; // ns per ms
} // namespace

class TestReplayClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void barsAreDueAtSpeed_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<qint64>("barStepMs");
        QTest::addColumn<double>("wantWaitMs"); // wait for the second bar, asked right after the first
        QTest::newRow("1x, 1 s bars") << 1.0 << qint64(1000) << 1000.0;
        QTest::newRow("60x, 1 min bars") << 60.0 << qint64(60000) << 1000.0;
        QTest::newRow("10000x, 1 s bars") << 10000.0 << qint64(1000) << 0.1;
        QTest::newRow("max") << 0.0 << qint64(1000) << 0.0;
    }
    void barsAreDueAtSpeed()
    {
        QFETCH(double, speed);
        QFETCH(qint64, barStepMs);
        QFETCH(double, wantWaitMs);
        ReplayClock clock(speed);
        QVERIFY(clock.mayRelease(1'000'000, 5 * kMs));
        QCOMPARE(clock.waitMs(1'000'000, 5 * kMs), 0.0); // the first bar is due at once
        QCOMPARE(clock.waitMs(1'000'000 + barStepMs, 5 * kMs), wantWaitMs);
        // Half of the wait later, half of it is left.
        const auto half = std::int64_t(wantWaitMs / 2 * kMs);
        QCOMPARE(clock.waitMs(1'000'000 + barStepMs, 5 * kMs + half), wantWaitMs - double(half) / kMs);
    }

    void pauseHoldsAndResumeDoesNotRace()
    {
        ReplayClock clock(1);
        QVERIFY(clock.mayRelease(0, 0));
        QCOMPARE(clock.waitMs(0, 0), 0.0);
        clock.setPaused(true);
        QVERIFY(clock.paused());
        QVERIFY(!clock.mayRelease(1000, kMs));
        // An hour later the user resumes: the next bar is due now, the one after it a second
        // later -- not an hour's worth of bars at once.
        clock.setPaused(false);
        const std::int64_t later = 3600'000 * kMs;
        QVERIFY(clock.mayRelease(1000, later));
        QCOMPARE(clock.waitMs(1000, later), 0.0);
        QCOMPARE(clock.waitMs(2000, later), 1000.0);
    }

    void speedChangeStartsFromTheNextBar()
    {
        ReplayClock clock(1);
        clock.waitMs(0, 0);
        QCOMPARE(clock.waitMs(10'000, 0), 10'000.0);
        clock.setSpeed(100);
        QCOMPARE(clock.speed(), 100.0);
        QCOMPARE(clock.waitMs(10'000, 2 * kMs), 0.0); // due at once after the change
        QCOMPARE(clock.waitMs(20'000, 2 * kMs), 100.0); // 10 s of bars at 100x
    }

    void jumpReleasesEverythingBeforeItsTimeThenPaces_data()
    {
        QTest::addColumn<bool>("paused");
        QTest::newRow("running") << false;
        QTest::newRow("paused") << true;
    }
    void jumpReleasesEverythingBeforeItsTimeThenPaces()
    {
        QFETCH(bool, paused);
        ReplayClock clock(1);
        clock.waitMs(0, 0);
        clock.setPaused(paused);
        QVERIFY(!clock.runTo(1000, 1000)); // not ahead of the next bar: nothing to do
        QVERIFY(!clock.running());
        QVERIFY(clock.runTo(60'000, 1000));
        QCOMPARE(clock.runToMs(), std::int64_t(60'000));
        for (std::int64_t t = 1000; t < 60'000; t += 1000) {
            QVERIFY(clock.mayRelease(t, kMs));
            QCOMPARE(clock.waitMs(t, kMs), 0.0);
        }
        QVERIFY(clock.running());
        // The bar at the target ends the jump and is where the pace starts again: due at once
        // when running, held when paused.
        QCOMPARE(clock.mayRelease(60'000, 7 * kMs), !paused);
        QVERIFY(!clock.running());
        if (!paused) {
            QCOMPARE(clock.waitMs(60'000, 7 * kMs), 0.0);
            QCOMPARE(clock.waitMs(61'000, 7 * kMs), 1000.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestReplayClock)
#include "tst_replayclock.moc"
