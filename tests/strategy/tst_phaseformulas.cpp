// The scoring formulas of docs/strategy.md §2 pinned one by one with hand-computed rows, boundaries
// included: these are the numbers a user sees on the score bars and in scores.csv.
#include "strategy/phaseformulas.h"

#include <QTest>

using namespace veloce;

class TestPhaseFormulas : public QObject
{
    Q_OBJECT
private slots:
    void inSqueeze_data();
    void inSqueeze();
    void squeezeScore_data();
    void squeezeScore();
    void volumeTrend_data();
    void volumeTrend();
    void divergence_data();
    void divergence();
    void reset_data();
    void reset();
    void momentum_data();
    void momentum();
    void volume_data();
    void volume();
    void total_data();
    void total();
};

void TestPhaseFormulas::inSqueeze_data()
{
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<double>("multBb");
    QTest::addColumn<double>("kcHalf");
    QTest::addColumn<bool>("expected");
    // Bollinger half-width = multBb * sd; in squeeze only when strictly inside the Keltner band.
    QTest::newRow("bb 2 < kc 2.5") << 100.0 << 1.0 << 2.0 << 2.5 << true;
    QTest::newRow("bb 2 == kc 2 (strict: out)") << 100.0 << 1.0 << 2.0 << 2.0 << false;
    QTest::newRow("bb 2 > kc 1.5") << 100.0 << 1.0 << 2.0 << 1.5 << false;
    // Range form with sd 0.75, range 2: bb 2 * 0.75 = 1.5, kc 2 * 1.5 / 2 = 1.5 (all exact in binary).
    QTest::newRow("range form, exactly equal") << 50000.0 << 0.75 << 2.0 << 2.0 * 1.5 / 2.0 << false;
    QTest::newRow("range form, sd a hair smaller") << 50000.0 << 0.7499 << 2.0 << 1.5 << true;
    // Flat window: sd 0, range 0 -> both bands collapse onto the mean -> not in squeeze.
    QTest::newRow("flat") << 100.0 << 0.0 << 2.0 << 0.0 << false;
    // ATR form on a flat window: sd 0 but atr_L 0.4 -> kc 1.5 * 0.4 = 0.6 > 0 -> in squeeze.
    QTest::newRow("flat closes, atr 0.4") << 100.0 << 0.0 << 2.0 << 0.6 << true;
}

void TestPhaseFormulas::inSqueeze()
{
    QFETCH(double, mean);
    QFETCH(double, sd);
    QFETCH(double, multBb);
    QFETCH(double, kcHalf);
    QFETCH(bool, expected);
    QCOMPARE(PhaseFormulas::inSqueeze(mean, sd, multBb, kcHalf), expected);
}

void TestPhaseFormulas::squeezeScore_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<double>("expected");
    const qint64 t0 = 1759276800000; // 2025-10-01T00:00:00Z: real epoch magnitudes
    // min(3, floor(ms / 1000) / 60)
    QTest::newRow("first bar of the squeeze") << t0 << t0 << 0.0;
    QTest::newRow("999 ms -> 0 whole seconds") << t0 << t0 + 999 << 0.0;
    QTest::newRow("30 s") << t0 << t0 + 30000 << 0.5;
    QTest::newRow("59.999 s -> 59 s") << t0 << t0 + 59999 << 59.0 / 60.0;
    QTest::newRow("60 s") << t0 << t0 + 60000 << 1.0;
    QTest::newRow("90.5 s -> 90 s") << t0 << t0 + 90500 << 1.5;
    QTest::newRow("179.999 s -> 179 s") << t0 << t0 + 179999 << 179.0 / 60.0;
    QTest::newRow("180 s -> cap 3") << t0 << t0 + 180000 << 3.0;
    QTest::newRow("1 h") << t0 << t0 + 3600000 << 3.0;
    // The blueprint's timedelta.seconds wraps to 30 s after one day (score 0.5); total seconds -> 3.
    QTest::newRow("1 day + 30 s") << t0 << t0 + 86400000 + 30000 << 3.0;
    QTest::newRow("3 days") << t0 << t0 + 3 * 86400000LL << 3.0;
}

void TestPhaseFormulas::squeezeScore()
{
    QFETCH(qint64, start);
    QFETCH(qint64, now);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::squeezeScore(start, now), expected);
}

void TestPhaseFormulas::volumeTrend_data()
{
    QTest::addColumn<double>("newer");
    QTest::addColumn<double>("older");
    QTest::addColumn<bool>("olderZero");
    QTest::addColumn<double>("expected");
    QTest::newRow("halved") << 250.0 << 500.0 << false << -0.5;
    QTest::newRow("doubled") << 1000.0 << 500.0 << false << 1.0;
    QTest::newRow("equal") << 500.0 << 500.0 << false << 0.0;
    QTest::newRow("older half zero -> 0") << 500.0 << 0.0 << true << 0.0;
    QTest::newRow("both zero -> 0") << 0.0 << 0.0 << true << 0.0;
}

void TestPhaseFormulas::volumeTrend()
{
    QFETCH(double, newer);
    QFETCH(double, older);
    QFETCH(bool, olderZero);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::divergenceVolumeTrend(newer, older, olderZero), expected);
}

void TestPhaseFormulas::divergence_data()
{
    QTest::addColumn<double>("pt");
    QTest::addColumn<double>("vt");
    QTest::addColumn<double>("expected");
    // score = min(3, |vt| * 10) when price and volume diverge beyond the thresholds.
    QTest::newRow("up 2%, volume -20%") << 0.02 << -0.2 << 2.0;
    QTest::newRow("down 2%, volume +20%") << -0.02 << 0.2 << 2.0;
    QTest::newRow("up 5%, volume -15%") << 0.05 << -0.15 << 1.5;
    QTest::newRow("down, volume +90% -> cap 3") << -0.03 << 0.9 << 3.0;
    QTest::newRow("up, volume -90% -> cap 3") << 0.03 << -0.9 << 3.0;
    QTest::newRow("pt exactly +0.01 -> 0") << 0.01 << -0.5 << 0.0;
    QTest::newRow("pt exactly -0.01 -> 0") << -0.01 << 0.5 << 0.0;
    QTest::newRow("vt exactly -0.1 -> 0") << 0.02 << -0.1 << 0.0;
    QTest::newRow("vt exactly +0.1 -> 0") << -0.02 << 0.1 << 0.0;
    QTest::newRow("up with rising volume -> 0") << 0.02 << 0.5 << 0.0;
    QTest::newRow("down with falling volume -> 0") << -0.02 << -0.5 << 0.0;
    QTest::newRow("flat price") << 0.0 << -0.9 << 0.0;
}

void TestPhaseFormulas::divergence()
{
    QFETCH(double, pt);
    QFETCH(double, vt);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::divergenceScore(pt, vt), expected);
}

void TestPhaseFormulas::reset_data()
{
    QTest::addColumn<double>("r0");
    QTest::addColumn<double>("r10");
    QTest::addColumn<double>("r19");
    QTest::addColumn<double>("expected");
    // a = (r10 - r0) / r0, b = (r19 - r10) / r10; 2 when |a|, |b| > 0.005 and a * b < 0.
    QTest::newRow("up 1% then down 0.99%") << 100.0 << 101.0 << 100.0 << 2.0;
    QTest::newRow("down 1% then up 1.01%") << 100.0 << 99.0 << 100.0 << 2.0;
    QTest::newRow("up, up") << 100.0 << 101.0 << 102.0 << 0.0;
    QTest::newRow("down, down") << 100.0 << 99.0 << 98.0 << 0.0;
    // 0.5 / 100 is exactly the double nearest 0.005: not > 0.005.
    QTest::newRow("a exactly +0.005") << 100.0 << 100.5 << 99.0 << 0.0;
    QTest::newRow("a exactly -0.005") << 100.0 << 99.5 << 101.0 << 0.0;
    // b = -1 / 200 = -0.005 exactly; a = +1.
    QTest::newRow("b exactly -0.005") << 100.0 << 200.0 << 199.0 << 0.0;
    QTest::newRow("b exactly +0.005") << 200.0 << 100.0 << 100.5 << 0.0;
    QTest::newRow("b -0.0055") << 100.0 << 200.0 << 198.9 << 2.0;
    QTest::newRow("a -0.006, b +0.00604") << 100.0 << 99.4 << 100.0 << 2.0;
    QTest::newRow("flat") << 100.0 << 100.0 << 100.0 << 0.0;
}

void TestPhaseFormulas::reset()
{
    QFETCH(double, r0);
    QFETCH(double, r10);
    QFETCH(double, r19);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::resetScore(r0, r10, r19), expected);
}

void TestPhaseFormulas::momentum_data()
{
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::addColumn<double>("expected");
    // min(1.5, |last - first| / first * 100)
    QTest::newRow("+0.5%") << 100.0 << 100.5 << 0.5;
    QTest::newRow("-1%") << 100.0 << 99.0 << 1.0;
    QTest::newRow("+1.5% (exactly the cap)") << 100.0 << 101.5 << 1.5;
    QTest::newRow("+3% -> cap 1.5") << 100.0 << 103.0 << 1.5;
    QTest::newRow("-2% -> cap 1.5") << 100.0 << 98.0 << 1.5;
    QTest::newRow("flat") << 100.0 << 100.0 << 0.0;
    QTest::newRow("BTC-sized +0.2%") << 50000.0 << 50100.0 << 0.2;
}

void TestPhaseFormulas::momentum()
{
    QFETCH(double, first);
    QFETCH(double, last);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::momentumScore(first, last), expected);
}

void TestPhaseFormulas::volume_data()
{
    QTest::addColumn<double>("avg");
    QTest::addColumn<bool>("allZero");
    QTest::addColumn<double>("cur");
    QTest::addColumn<double>("expected");
    // cur > 2 * avg -> min(1.5, cur / avg - 1); 1.5 when avg == 0 (and cur > 0).
    QTest::newRow("cur exactly 2 * avg -> 0") << 10.0 << false << 20.0 << 0.0;
    QTest::newRow("cur 2.2 * avg -> 1.2") << 10.0 << false << 22.0 << 1.2;
    QTest::newRow("cur 2.5 * avg -> 1.5") << 10.0 << false << 25.0 << 1.5;
    QTest::newRow("cur 4 * avg -> cap 1.5") << 10.0 << false << 40.0 << 1.5;
    QTest::newRow("below average") << 10.0 << false << 5.0 << 0.0;
    QTest::newRow("zero current volume") << 10.0 << false << 0.0 << 0.0;
    QTest::newRow("avg 0, cur 5 -> 1.5") << 0.0 << true << 5.0 << 1.5;
    QTest::newRow("avg 0, cur 0 -> 0 (0 > 0 is false)") << 0.0 << true << 0.0 << 0.0;
}

void TestPhaseFormulas::volume()
{
    QFETCH(double, avg);
    QFETCH(bool, allZero);
    QFETCH(double, cur);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::volumeScore(avg, allZero, cur), expected);
}

void TestPhaseFormulas::total_data()
{
    QTest::addColumn<QList<double>>("phases");
    QTest::addColumn<double>("expected");
    QTest::newRow("every phase at its maximum: 3+3+2+1.5+1.5 = 11 -> 10")
        << QList<double> { 3, 3, 2, 1.5, 1.5 } << 10.0;
    QTest::newRow("sum 10.5 -> 10") << QList<double> { 3, 2.5, 2, 1.5, 1.5 } << 10.0;
    QTest::newRow("sum exactly 10") << QList<double> { 3, 2, 2, 1.5, 1.5 } << 10.0;
    QTest::newRow("sum 8") << QList<double> { 3, 0, 2, 1.5, 1.5 } << 8.0;
    QTest::newRow("sum 4") << QList<double> { 0.5, 0, 2, 1.5, 0 } << 4.0;
    QTest::newRow("all zero") << QList<double> { 0, 0, 0, 0, 0 } << 0.0;
}

void TestPhaseFormulas::total()
{
    QFETCH(QList<double>, phases);
    QFETCH(double, expected);
    QCOMPARE(PhaseFormulas::totalScore(phases[0], phases[1], phases[2], phases[3], phases[4]), expected);
}

QTEST_GUILESS_MAIN(TestPhaseFormulas)
#include "tst_phaseformulas.moc"
