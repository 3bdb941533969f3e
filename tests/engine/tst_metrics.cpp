// The summary statistics of docs/strategy.md §6 from hand-made equity paths: per-minute sampling for
// Sharpe/Sortino (final equity replacing the last sample), their edge cases, drawdown over every
// bar, exposure, phase activity and trade statistics.
#include "portfolio/metrics.h"

#include <QTest>
#include <cmath>

using namespace veloce;

namespace {
constexpr std::int64_t kT0 = 1759276800000; // a UTC minute boundary
const double kAnnual = std::sqrt(525600.0);

using EquityBar = std::pair<qint64, double>; // (ms after kT0, equity after the bar)

Trade tradeWithPnl(double pnl)
{
    Trade t;
    t.pnl = pnl;
    return t;
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private slots:
    void sharpeSortino_data();
    void sharpeSortino();
    void newMinuteIsReported();
    void maxDrawdownEveryBar_data();
    void maxDrawdownEveryBar();
    void exposureAndPhaseActivity();
    void tradeStatistics_data();
    void tradeStatistics();
    void totalsAndCounts();
};

void TestMetrics::sharpeSortino_data()
{
    QTest::addColumn<QList<EquityBar>>("bars");
    QTest::addColumn<double>("finalEquity");
    QTest::addColumn<double>("sharpe");
    QTest::addColumn<bool>("sortinoNull");
    QTest::addColumn<double>("sortino");
    // Samples: the equity of the last bar of every UTC minute that has a bar; the last sample is
    // the final equity. Returns are simple returns between consecutive samples.
    QTest::newRow("one minute: no return -> 0, null")
        << QList<EquityBar> { { 0, 100 }, { 30000, 101 } } << 101.0 << 0.0 << true << 0.0;
    QTest::newRow("one return -> sharpe 0; no downside -> null")
        << QList<EquityBar> { { 0, 100 }, { 60000, 110 } } << 110.0 << 0.0 << true << 0.0;
    // One return of -0.1: sharpe 0 (fewer than 2), sortino = -0.1 / sqrt(0.01) * sqrt(525600).
    QTest::newRow("one negative return")
        << QList<EquityBar> { { 0, 100 }, { 60000, 90 } } << 90.0 << 0.0 << false << -kAnnual;
    QTest::newRow("flat equity: std 0 -> 0, null")
        << QList<EquityBar> { { 0, 1e5 }, { 60000, 1e5 }, { 120000, 1e5 } } << 1e5 << 0.0 << true << 0.0;
    // 100 -> 200 -> 400: returns 1, 1 (exact), std 0.
    QTest::newRow("constant growth: std 0 -> 0, null")
        << QList<EquityBar> { { 0, 100 }, { 60000, 200 }, { 120000, 400 } } << 400.0 << 0.0 << true << 0.0;
    // 100 -> 110 -> 104.5: r = 0.1, -0.05; mean 0.025; sample variance (0.075^2 * 2) / 1 = 0.01125;
    // downside sqrt((0 + 0.0025) / 2) = sqrt(0.00125).
    QTest::newRow("hand computed") << QList<EquityBar> { { 0, 100 }, { 60000, 110 }, { 120000, 104.5 } }
                                   << 104.5 << 0.025 / std::sqrt(0.01125) * kAnnual << false
                                   << 0.025 / std::sqrt(0.00125) * kAnnual;
    // Minute 0: 100, 105 -> sample 105. Minute 1: 103, 110 -> 110. Minutes 2..9 have no bar.
    // Minute 10: 120, but the end-of-data closes leave 99, which replaces it.
    // r1 = 110/105 - 1 = 1/21, r2 = 99/110 - 1 = -1/10; mean -11/420; sd = (31/210) / sqrt(2)
    // -> sharpe = -11 sqrt(2) / 62 * sqrt(525600) = -181.90;
    // downside = sqrt(0.01 / 2) -> sortino = (-11/420) / (0.1 / sqrt(2)) * sqrt(525600) = -268.53.
    QTest::newRow("per-minute samples, gaps, final equity replaces the last")
        << QList<EquityBar> { { 0, 100 }, { 30000, 105 }, { 61000, 103 }, { 119999, 110 }, { 600000, 120 } }
        << 99.0 << -11.0 * std::sqrt(2.0) / 62.0 * kAnnual << false
        << (-11.0 / 420.0) / (0.1 / std::sqrt(2.0)) * kAnnual;
    // 59.999 s and 60.000 s are different minutes: samples 100 | 121 | 133.1 -> r 0.21, 0.1;
    // mean 0.155, sd 0.11 / sqrt(2) -> sharpe 0.155 sqrt(2) / 0.11 * sqrt(525600) = 1444.7.
    QTest::newRow("UTC minute boundary")
        << QList<EquityBar> { { 59999, 100 }, { 60000, 110 }, { 119999, 121 }, { 120000, 133.1 } } << 133.1
        << 0.155 * std::sqrt(2.0) / 0.11 * kAnnual << true << 0.0;
}

void TestMetrics::sharpeSortino()
{
    QFETCH(QList<EquityBar>, bars);
    QFETCH(double, finalEquity);
    QFETCH(double, sharpe);
    QFETCH(bool, sortinoNull);
    QFETCH(double, sortino);
    Metrics m(bars.front().second);
    for (const EquityBar& b : bars)
        m.onBar(kT0 + b.first, b.second, false, PhaseScores());
    BacktestSummary s;
    m.finish(finalEquity, s);
    QVERIFY2(near(s.sharpeRatio, sharpe), qPrintable(QString::number(s.sharpeRatio, 'g', 17)));
    QCOMPARE(!s.sortinoRatio.has_value(), sortinoNull);
    if (!sortinoNull)
        QVERIFY2(near(*s.sortinoRatio, sortino), qPrintable(QString::number(*s.sortinoRatio, 'g', 17)));
}

void TestMetrics::newMinuteIsReported()
{
    // onBar() says when a bar opens a new minute (the previous minute's sample is then final).
    Metrics m(100);
    QCOMPARE(m.onBar(kT0 + 1000, 100, false, {}), false);
    QCOMPARE(m.onBar(kT0 + 59999, 100, false, {}), false);
    QCOMPARE(m.onBar(kT0 + 60000, 100, false, {}), true);
    QCOMPARE(m.onBar(kT0 + 61000, 100, false, {}), false);
    QCOMPARE(m.onBar(kT0 + 3600000, 100, false, {}), true);
}

void TestMetrics::maxDrawdownEveryBar_data()
{
    QTest::addColumn<double>("initial");
    QTest::addColumn<QList<double>>("equity"); // one bar per second, all within one minute
    QTest::addColumn<double>("maxDrawdown");
    QTest::addColumn<double>("lastDrawdown");
    // 100 -> 120 -> 90 -> 120 inside one minute: the minute sample (120) shows no drawdown,
    // every-bar tracking gives (120 - 90) / 120 = 0.25.
    QTest::newRow("intra-minute dip") << 100.0 << QList<double> { 120, 90, 120 } << 0.25 << 0.0;
    // The initial capital is the first peak: 95 on the first bar is a 5 % drawdown.
    QTest::newRow("below initial capital at once") << 100.0 << QList<double> { 95, 99 } << 0.05 << 0.01;
    // 20 % from 100, later 15 % from 200: the maximum stays 0.2.
    QTest::newRow("largest of several") << 100.0 << QList<double> { 80, 200, 170 } << 0.2 << 0.15;
    QTest::newRow("only gains") << 100.0 << QList<double> { 101, 102, 103 } << 0.0 << 0.0;
}

void TestMetrics::maxDrawdownEveryBar()
{
    QFETCH(double, initial);
    QFETCH(QList<double>, equity);
    QFETCH(double, maxDrawdown);
    QFETCH(double, lastDrawdown);
    Metrics m(initial);
    double peak = initial;
    for (int i = 0; i < equity.size(); ++i) {
        m.onBar(kT0 + i * 1000, equity[i], false, {});
        peak = std::max(peak, equity[i]);
        QCOMPARE(m.peak(), peak);
    }
    QVERIFY(near(m.drawdown(), lastDrawdown));
    QVERIFY(near(m.maxDrawdown(), maxDrawdown));
    BacktestSummary s;
    m.finish(equity.back(), s);
    QVERIFY(near(s.maxDrawdown, maxDrawdown));
}

void TestMetrics::exposureAndPhaseActivity()
{
    // 4 bars, exposed on bars 0 and 3 -> 0.5. Phase scores > 0 per bar:
    //   bar 0: squeeze, momentum; bar 1: momentum, volume; bar 2: none; bar 3: divergence, momentum.
    // -> squeeze 1/4, divergence 1/4, reset 0, momentum 3/4, volume 1/4.
    PhaseScores b0, b1, b2, b3;
    b0.squeeze = 1;
    b0.momentum = 0.5;
    b1.momentum = 1;
    b1.volume = 1.5;
    b3.divergence = 2;
    b3.momentum = 1;
    Metrics m(1000);
    m.onBar(kT0, 1000, true, b0);
    m.onBar(kT0 + 1000, 1000, false, b1);
    m.onBar(kT0 + 2000, 1000, false, b2);
    m.onBar(kT0 + 3000, 1000, true, b3);
    BacktestSummary s;
    m.finish(1000, s);
    QCOMPARE(s.exposure, 0.5);
    QCOMPARE(s.phaseActivity[0], 0.25);
    QCOMPARE(s.phaseActivity[1], 0.25);
    QCOMPARE(s.phaseActivity[2], 0.0);
    QCOMPARE(s.phaseActivity[3], 0.75);
    QCOMPARE(s.phaseActivity[4], 0.25);
}

void TestMetrics::tradeStatistics_data()
{
    QTest::addColumn<QList<double>>("pnls");
    QTest::addColumn<qint64>("wins");
    QTest::addColumn<qint64>("losses");
    QTest::addColumn<double>("winRate");
    QTest::addColumn<bool>("pfNull");
    QTest::addColumn<double>("profitFactor");
    // A zero-PnL trade is neither a win nor a loss but counts in win_rate's denominator.
    QTest::newRow("mixed: PF 50 / 10")
        << QList<double> { 30, -10, 20, 0 } << qint64(2) << qint64(1) << 0.5 << false << 5.0;
    QTest::newRow("no losses -> PF null")
        << QList<double> { 30, 20 } << qint64(2) << qint64(0) << 1.0 << true << 0.0;
    QTest::newRow("no trades") << QList<double> {} << qint64(0) << qint64(0) << 0.0 << true << 0.0;
    QTest::newRow("only losses -> PF 0")
        << QList<double> { -5, -15 } << qint64(0) << qint64(2) << 0.0 << false << 0.0;
    QTest::newRow("one break-even trade")
        << QList<double> { 0 } << qint64(0) << qint64(0) << 0.0 << true << 0.0;
}

void TestMetrics::tradeStatistics()
{
    QFETCH(QList<double>, pnls);
    QFETCH(qint64, wins);
    QFETCH(qint64, losses);
    QFETCH(double, winRate);
    QFETCH(bool, pfNull);
    QFETCH(double, profitFactor);
    Metrics m(1000);
    m.onBar(kT0, 1000, false, {});
    for (double p : pnls)
        m.onTrade(tradeWithPnl(p));
    BacktestSummary s;
    m.finish(1000, s);
    QCOMPARE(s.totalTrades, qint64(pnls.size()));
    QCOMPARE(s.winningTrades, wins);
    QCOMPARE(s.losingTrades, losses);
    QCOMPARE(s.winRate, winRate);
    QCOMPARE(!s.profitFactor.has_value(), pfNull);
    if (!pfNull)
        QCOMPARE(*s.profitFactor, profitFactor);
}

void TestMetrics::totalsAndCounts()
{
    Metrics m(100000);
    m.onBar(kT0 + 5000, 100000, false, {});
    m.onSignal(true);
    m.onSignal(false);
    m.onSignal(false);
    m.onBar(kT0 + 9000, 101000, true, {});
    BacktestSummary s;
    m.finish(102500, s);
    QCOMPARE(s.startMs, kT0 + 5000);
    QCOMPARE(s.endMs, kT0 + 9000);
    QCOMPARE(s.bars, std::int64_t(2));
    QCOMPARE(s.initialCapital, 100000.0);
    QCOMPARE(s.finalEquity, 102500.0);
    QCOMPARE(s.totalReturn, 0.025); // 102500 / 100000 - 1
    QCOMPARE(s.signalCount, std::int64_t(3));
    QCOMPARE(s.rejectedSignals, std::int64_t(2));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
