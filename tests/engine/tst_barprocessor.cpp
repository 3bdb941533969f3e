// The per-bar order of docs/strategy.md §4 (mark, exits, score, signal, entry, equity) on hand-made bar
// sequences: fills with slippage against the trader and fees on both legs, several exits on one bar
// in opening order, exits before the entry on the same bar, the drawdown check against the peak
// of the previous bar, and the halt flag.
#include "engine/barprocessor.h"
#include "recordingsink.h"
#include "testbars.h"

#include <QTest>
#include <atomic>
#include <cmath>

using namespace veloce;
using TestBars::kT0;

Q_DECLARE_METATYPE(veloce::Side)
Q_DECLARE_METATYPE(veloce::ExitReason)
Q_DECLARE_METATYPE(veloce::RejectReason)

namespace {

bool near(double a, double b, double rel = 1e-10)
{
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

#define VERIFY_NEAR(actual, expected)                                                                        \
    QVERIFY2(near((actual), (expected)),                                                                     \
        qPrintable(QStringLiteral("%1 = %2, expected %3")                                                    \
                       .arg(QLatin1String(#actual))                                                          \
                       .arg(double(actual), 0, 'g', 17)                                                      \
                       .arg(double(expected), 0, 'g', 17)))

Signal manualSignal(Side side, double price, double fraction, double stop, double target, std::int64_t t)
{
    Signal s;
    s.t = t;
    s.side = side;
    s.price = price;
    s.score = 4;
    s.sizeFraction = fraction;
    s.stop = stop;
    s.target = target;
    return s;
}

// Flat bars at 100, 1 s apart: no signal can appear (zero ATR), so positions are placed by hand.
void processFlat(BarProcessor& bp, int count)
{
    for (int i = 0; i < count; ++i)
        bp.process(TestBars::bar(kT0 + i * 1000, 100.0));
}

} // namespace

class TestBarProcessor : public QObject
{
    Q_OBJECT
private slots:
    void entryAndExitFills_data();
    void entryAndExitFills();
    void shortEquityFallsWhenPriceRises();
    void severalExitsInOpeningOrder_data();
    void severalExitsInOpeningOrder();
    void exitBeforeEntry_data();
    void exitBeforeEntry();
    void drawdownUsesPeakOfPreviousBars_data();
    void drawdownUsesPeakOfPreviousBars();
    void haltedRefusesEntries();
    void closeAllAtLastClose();
    void equityRowPerMinute();
};

void TestBarProcessor::entryAndExitFills_data()
{
    QTest::addColumn<double>("mid");
    QTest::addColumn<double>("nextClose");
    QTest::addColumn<double>("bps");
    QTest::addColumn<double>("fee");
    QTest::addColumn<Side>("side");
    QTest::addColumn<ExitReason>("reason");
    QTest::addColumn<double>("entryFill");
    QTest::addColumn<double>("qty");
    QTest::addColumn<double>("equityAtEntryBar");
    QTest::addColumn<double>("exitFill");
    QTest::addColumn<double>("pnl");
    QTest::addColumn<double>("fees");
    // TestBars::reversal(120, mid, 15 s): one signal at bar N, close 100, atr 1.2, fraction 0.5.
    // mid 102 -> SHORT stop 102.4 target 95.2; mid 98 -> LONG stop 97.6 target 104.8.
    // Bar N+1 closes at nextClose. Entry fill = 100 (1 + side bps/1e4), exit fill =
    // close (1 - side bps/1e4), qty = min(0.5 * 100000 / fill, 2000 / |fill - stop|).
    //
    // No costs: SHORT qty 500 at 100; 95 <= 95.2 -> target; pnl -(95 - 100) * 500 = 2500.
    QTest::newRow("SHORT target, no costs")
        << 102.0 << 95.0 << 0.0 << 0.0 << Side::Short << ExitReason::Target << 100.0 << 500.0 << 100000.0
        << 95.0 << 2500.0 << 0.0;
    // 10 bps, fee 0.1 %: SHORT sells at 99.9; qty min(50000/99.9 = 500.5005, 2000/2.5 = 800);
    // entry fee 0.001 * 50000 = 50; equity at N = 100000 - 50 - (100 - 99.9) * 500.5005 = 99899.94995.
    // Exit buys at 95 * 1.001 = 95.095: gross 4.805 * 500.5005 = 2404.9049, exit fee 47.5951,
    // pnl 2404.9049 - 50 - 47.5951 = 2307.3098.
    QTest::newRow("SHORT target, slippage + fees")
        << 102.0 << 95.0 << 10.0 << 0.001 << Side::Short << ExitReason::Target << 99.9 << 50000.0 / 99.9
        << 99899.94994994995 << 95.095 << 2307.3098098098 << 97.595095095095;
    // SHORT stopped at 103 (>= 102.4): buys back at 103.103; gross -3.203 * 500.5005 = -1603.103,
    // exit fee 51.6031; pnl -1704.7062.
    QTest::newRow("SHORT stop, slippage + fees")
        << 102.0 << 103.0 << 10.0 << 0.001 << Side::Short << ExitReason::Stop << 99.9 << 50000.0 / 99.9
        << 99899.94994994995 << 103.103 << -1704.7062062062 << 101.6031031031;
    // LONG buys at 100.1: qty min(50000/100.1 = 499.5005, 2000/2.5); equity at N 99900.04995.
    // 105 >= 104.8 -> target, sells at 104.895: gross 4.795 * 499.5005 = 2395.1049, exit fee
    // 52.3951; pnl 2292.7098.
    QTest::newRow("LONG target, slippage + fees")
        << 98.0 << 105.0 << 10.0 << 0.001 << Side::Long << ExitReason::Target << 100.1 << 50000.0 / 100.1
        << 99900.04995004995 << 104.895 << 2292.7097902098 << 102.3951048951;
    // LONG stopped at 97 (<= 97.6), sells at 96.903: gross -3.197 * 499.5005 = -1596.9031,
    // exit fee 48.4031; pnl -1695.3062.
    QTest::newRow("LONG stop, slippage + fees")
        << 98.0 << 97.0 << 10.0 << 0.001 << Side::Long << ExitReason::Stop << 100.1 << 50000.0 / 100.1
        << 99900.04995004995 << 96.903 << -1695.3061938062 << 98.4030969031;
}

void TestBarProcessor::entryAndExitFills()
{
    QFETCH(double, mid);
    QFETCH(double, nextClose);
    QFETCH(double, bps);
    QFETCH(double, fee);
    QFETCH(Side, side);
    QFETCH(ExitReason, reason);
    QFETCH(double, entryFill);
    QFETCH(double, qty);
    QFETCH(double, equityAtEntryBar);
    QFETCH(double, exitFill);
    QFETCH(double, pnl);
    QFETCH(double, fees);
    Config c;
    c.slippageBps = bps;
    c.feeRate = fee;
    RecordingSink sink;
    BarProcessor bp(c, sink);
    std::vector<Bar> bars = TestBars::reversal(120, mid, 15000);
    for (const Bar& b : bars)
        bp.process(b);
    QCOMPARE(sink.signalRecords.size(), std::size_t(1));
    QVERIFY(sink.signalRecords[0].accepted);
    QCOMPARE(bp.portfolio().positions().size(), std::size_t(1));
    const Position& p = bp.portfolio().positions().front();
    QCOMPARE(p.side, side);
    VERIFY_NEAR(p.entry, entryFill);
    VERIFY_NEAR(p.qty, qty);
    VERIFY_NEAR(p.entryFee, fee * 50000.0);
    VERIFY_NEAR(bp.portfolio().equity(), equityAtEntryBar);
    QCOMPARE(p.entryMs, bars.back().t);

    const Bar next = TestBars::bar(bars.back().t + 15000, nextClose);
    bp.process(next);
    QCOMPARE(sink.trades.size(), std::size_t(1));
    const Trade& t = sink.trades[0];
    QCOMPARE(t.reason, reason);
    QCOMPARE(t.side, side);
    QCOMPARE(t.exitMs, next.t);
    VERIFY_NEAR(t.entryPrice, entryFill);
    VERIFY_NEAR(t.exitPrice, exitFill);
    VERIFY_NEAR(t.pnl, pnl);
    VERIFY_NEAR(t.fees, fees);
    QVERIFY(bp.portfolio().flat());
    VERIFY_NEAR(bp.portfolio().cash(), 100000.0 + pnl);
    QCOMPARE(sink.signalRecords.size(), std::size_t(1)); // bar N+1 has no signal
}

void TestBarProcessor::shortEquityFallsWhenPriceRises()
{
    // SHORT 500 at 100 (stop 102.4, target 95.2); then closes 101, 102, 99, 100.
    // equity = 100000 - (close - 100) * 500: 99500, 99000, 100500, 100000.
    // drawdown from the peak of every bar: 0.005, 0.01, 0, (100500 - 100000) / 100500.
    RecordingSink sink;
    BarProcessor bp(Config(), sink);
    std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    for (const Bar& b : bars)
        bp.process(b);
    QCOMPARE(bp.portfolio().positions().front().side, Side::Short);
    const QList<QPair<double, double>> steps
        = { { 101, 99500 }, { 102, 99000 }, { 99, 100500 }, { 100, 100000 } };
    const QList<double> dd = { 0.005, 0.01, 0.0, 500.0 / 100500.0 };
    for (int i = 0; i < steps.size(); ++i) {
        bp.process(TestBars::bar(bars.back().t + (i + 1) * 15000, steps[i].first));
        VERIFY_NEAR(bp.portfolio().equity(), steps[i].second);
        VERIFY_NEAR(bp.metrics().drawdown(), dd[i]);
    }
    QVERIFY(sink.trades.empty());
    VERIFY_NEAR(bp.metrics().maxDrawdown(), 0.01);
}

void TestBarProcessor::severalExitsInOpeningOrder_data()
{
    QTest::addColumn<QList<int>>("sides"); // +1 / -1, in order of opening
    QTest::addColumn<QList<double>>("stops");
    QTest::addColumn<QList<double>>("targets");
    QTest::addColumn<double>("close");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QList<qint64>>("remaining");
    // Positions opened at 100 after 30 flat bars; the next bar closes at `close`.
    QTest::newRow("SHORT target and LONG stop at 99.5")
        << QList<int> { -1, 1, 1 } << QList<double> { 101, 99.5, 98 } << QList<double> { 99.5, 101, 105 }
        << 99.5 << QStringList { QStringLiteral("trade 1 target"), QStringLiteral("trade 2 stop") }
        << QList<qint64> { 3 };
    QTest::newRow("SHORT stop and LONG target at 101")
        << QList<int> { -1, 1, 1 } << QList<double> { 101, 99.5, 98 } << QList<double> { 99.5, 101, 105 }
        << 101.0 << QStringList { QStringLiteral("trade 1 stop"), QStringLiteral("trade 2 target") }
        << QList<qint64> { 3 };
    QTest::newRow("first and last exit, middle stays")
        << QList<int> { 1, 1, -1 } << QList<double> { 99.5, 98, 101 } << QList<double> { 105, 105, 99.5 }
        << 99.5 << QStringList { QStringLiteral("trade 1 stop"), QStringLiteral("trade 3 target") }
        << QList<qint64> { 2 };
    QTest::newRow("all three") << QList<int> { 1, -1, 1 } << QList<double> { 99, 101, 99.9 }
                               << QList<double> { 101, 98.5, 110 } << 98.0
                               << QStringList { QStringLiteral("trade 1 stop"),
                                      QStringLiteral("trade 2 target"), QStringLiteral("trade 3 stop") }
                               << QList<qint64> {};
}

void TestBarProcessor::severalExitsInOpeningOrder()
{
    QFETCH(QList<int>, sides);
    QFETCH(QList<double>, stops);
    QFETCH(QList<double>, targets);
    QFETCH(double, close);
    QFETCH(QStringList, events);
    QFETCH(QList<qint64>, remaining);
    Config c;
    c.maxOpenPositions = 3;
    RecordingSink sink;
    BarProcessor bp(c, sink);
    processFlat(bp, 30);
    for (int i = 0; i < sides.size(); ++i)
        bp.portfolio().open(manualSignal(sides[i] > 0 ? Side::Long : Side::Short, 100, 0.1, stops[i],
                                targets[i], kT0 + 29000),
            100);
    bp.process(TestBars::bar(kT0 + 30000, close));
    QCOMPARE(sink.events, events);
    QList<qint64> open;
    for (const Position& p : bp.portfolio().positions())
        open << p.id;
    QCOMPARE(open, remaining);
    for (const Trade& t : sink.trades)
        QCOMPARE(t.exitMs, kT0 + 30000);
}

void TestBarProcessor::exitBeforeEntry_data()
{
    QTest::addColumn<double>("manualStop");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<Side>("openSide");
    // max_open_positions 1. After bar N-1 of TestBars::reversal(120, 102, 15 s) a LONG is opened
    // by hand at 102. Bar N closes at 100 and has a SHORT signal.
    // Stop 101: the LONG is stopped first (step 2), which frees the slot for the SHORT (step 4).
    QTest::newRow("stop frees the slot")
        << 101.0 << QStringList { QStringLiteral("trade 1 stop"), QStringLiteral("signal SHORT accepted") }
        << Side::Short;
    // Stop 99: no exit, the single slot is taken -> rejected with max_positions.
    QTest::newRow("no exit, slot taken")
        << 99.0 << QStringList { QStringLiteral("signal SHORT max_positions") } << Side::Long;
}

void TestBarProcessor::exitBeforeEntry()
{
    QFETCH(double, manualStop);
    QFETCH(QStringList, events);
    QFETCH(Side, openSide);
    Config c;
    c.maxOpenPositions = 1;
    RecordingSink sink;
    BarProcessor bp(c, sink);
    const std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    for (std::size_t i = 0; i + 1 < bars.size(); ++i)
        bp.process(bars[i]);
    bp.portfolio().open(manualSignal(Side::Long, 102, 0.5, manualStop, 110, bars[bars.size() - 2].t), 102);
    bp.process(bars.back());
    QCOMPARE(sink.events, events);
    QCOMPARE(bp.portfolio().positions().size(), std::size_t(1));
    QCOMPARE(bp.portfolio().positions().front().side, openSide);
}

void TestBarProcessor::drawdownUsesPeakOfPreviousBars_data()
{
    QTest::addColumn<double>("maxDrawdown");
    QTest::addColumn<bool>("accepted");
    // leverage 100. After bar N-19 (close 100) of TestBars::reversal(120, 102, 15 s) a LONG of
    // qty min(10 * 100000 / 100, 2000 / 0.5) = 4000 is opened by hand at 100 (stop 99.5).
    // Bars N-18..N-1 close at 102: equity 108000, the peak. Bar N closes at 100 (above the stop):
    // equity 100000, drawdown against the earlier peak (108000 - 100000) / 108000 = 0.0741.
    // (Against the initial capital it would be 0 and both rows would accept.)
    QTest::newRow("0.0741 >= 0.07 -> drawdown") << 0.07 << false;
    QTest::newRow("0.0741 < 0.075 -> accepted") << 0.075 << true;
}

void TestBarProcessor::drawdownUsesPeakOfPreviousBars()
{
    QFETCH(double, maxDrawdown);
    QFETCH(bool, accepted);
    Config c;
    c.leverage = 100;
    c.maxDrawdownPercent = maxDrawdown;
    RecordingSink sink;
    BarProcessor bp(c, sink);
    const std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    const std::size_t n = bars.size() - 1;
    for (std::size_t i = 0; i <= n - 19; ++i)
        bp.process(bars[i]);
    const Position& p
        = bp.portfolio().open(manualSignal(Side::Long, 100, 10, 99.5, 200, bars[n - 19].t), 100);
    QCOMPARE(p.qty, 4000.0);
    for (std::size_t i = n - 18; i <= n; ++i)
        bp.process(bars[i]);
    QCOMPARE(bp.metrics().peak(), 108000.0);
    QCOMPARE(bp.portfolio().positions().front().id, std::int64_t(1)); // the LONG is still open
    QCOMPARE(sink.signalRecords.size(), std::size_t(1));
    QCOMPARE(sink.signalRecords[0].accepted, accepted);
    QCOMPARE(sink.signalRecords[0].reason, accepted ? RejectReason::None : RejectReason::Drawdown);
}

void TestBarProcessor::haltedRefusesEntries()
{
    std::atomic<bool> halted { true };
    RecordingSink sink;
    BarProcessor bp(Config(), sink);
    bp.setHaltFlag(&halted);
    for (const Bar& b : TestBars::reversal(120, 102, 15000))
        bp.process(b);
    QCOMPARE(sink.events, QStringList { QStringLiteral("signal SHORT halted") });
    QVERIFY(bp.portfolio().flat());
}

void TestBarProcessor::closeAllAtLastClose()
{
    // SHORT from the reversal bar, then one bar at 100.5, then closeAll(End) at that close with
    // 10 bps: buys back at 100.5 * 1.001 = 100.6005; qty 50000 / 99.9; gross -0.7005 * 500.5005 =
    // -350.6006; fees 50 + 0.001 * 500.5005 * 100.6005 = 100.3506; pnl -450.9512.
    Config c;
    c.slippageBps = 10;
    c.feeRate = 0.001;
    RecordingSink sink;
    BarProcessor bp(c, sink);
    std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    bars.push_back(TestBars::bar(bars.back().t + 15000, 100.5));
    for (const Bar& b : bars)
        bp.process(b);
    QVERIFY(sink.trades.empty());
    bp.closeAll(ExitReason::End);
    QCOMPARE(sink.trades.size(), std::size_t(1));
    const Trade& t = sink.trades[0];
    QCOMPARE(t.reason, ExitReason::End);
    QCOMPARE(t.exitMs, bars.back().t);
    VERIFY_NEAR(t.exitPrice, 100.6005);
    VERIFY_NEAR(t.pnl, -450.9512012012);
    VERIFY_NEAR(bp.portfolio().cash(), 100000 - 450.9512012012);
    QVERIFY(bp.portfolio().flat());
}

void TestBarProcessor::equityRowPerMinute()
{
    // 120 bars 15 s apart = 30 UTC minutes of 4 bars. One row per minute (its last bar, emitted
    // when the next minute starts) plus the final row from finish(): 30 rows.
    RecordingSink sink;
    BarProcessor bp(Config(), sink);
    const std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    for (const Bar& b : bars)
        bp.process(b);
    bp.closeAll(ExitReason::End);
    BacktestSummary s;
    bp.finish(s);
    QCOMPARE(sink.equity.size(), std::size_t(30));
    for (std::size_t m = 0; m < 30; ++m)
        QCOMPARE(sink.equity[m].t, kT0 + static_cast<std::int64_t>(m) * 60000 + 45000);
    // The SHORT opened on the last bar at its close and closed there again: equity unchanged.
    QCOMPARE(sink.equity.back().equity, 100000.0);
    QCOMPARE(sink.equity.back().cash, 100000.0);
    QCOMPARE(s.finalEquity, 100000.0);
    QCOMPARE(s.totalTrades, std::int64_t(1));
    QCOMPARE(s.bars, std::int64_t(120));
    QCOMPARE(s.exposure, 1.0 / 120.0);
}

QTEST_GUILESS_MAIN(TestBarProcessor)
#include "tst_barprocessor.moc"
