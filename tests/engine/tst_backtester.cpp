// Whole backtests over an in-memory source, with every summary number worked out by hand:
// a target exit, an end-of-data close with slippage and fees, an empty source, cancellation.
#include "engine/backtester.h"
#include "recordingsink.h"
#include "testbars.h"
#include "vectorsource.h"

#include <QTest>
#include <atomic>
#include <cmath>

using namespace veloce;
using TestBars::kT0;

namespace {
bool near(double a, double b, double rel = 1e-10)
{
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}
} // namespace

class TestBacktester : public QObject
{
    Q_OBJECT
private slots:
    void targetExit();
    void endOfDataClose();
    void emptySource();
    void cancelStopsAtPoll();
};

void TestBacktester::targetExit()
{
    // TestBars::reversal(120, 102, 15 s): SHORT at bar N (t = kT0 + 119 * 15 s), close 100,
    // qty 500, stop 102.4, target 95.2. Bar N+1 closes at 95 -> target, pnl 5 * 500 = 2500;
    // two more bars at 95 have no signal (totals 2.5 and 2.75).
    std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    for (int i = 1; i <= 3; ++i)
        bars.push_back(TestBars::bar(kT0 + (119 + i) * 15000, 95.0));
    VectorSource source(bars);
    RecordingSink sink;
    QElapsedTimer timer;
    timer.start();
    const BacktestSummary s = Backtester(Config()).run(source, sink, timer);

    QCOMPARE(s.symbol, QStringLiteral("TESTUSDT"));
    QCOMPARE(s.bars, std::int64_t(123));
    QCOMPARE(s.startMs, kT0);
    QCOMPARE(s.endMs, kT0 + 122 * 15000);
    QCOMPARE(s.signalCount, std::int64_t(1));
    QCOMPARE(s.rejectedSignals, std::int64_t(0));
    QCOMPARE(s.totalTrades, std::int64_t(1));
    QCOMPARE(s.winningTrades, std::int64_t(1));
    QCOMPARE(s.winRate, 1.0);
    QVERIFY(!s.profitFactor.has_value()); // no losing trade
    QCOMPARE(s.finalEquity, 102500.0);
    QCOMPARE(s.totalReturn, 0.025);
    QCOMPARE(s.maxDrawdown, 0.0); // entered at the close: equity never dipped
    QCOMPARE(s.exposure, 1.0 / 123.0); // only bar N ends with a position (N+1 exits first)
    QVERIFY(!s.cancelled);
    QVERIFY(s.elapsedMs >= 0);

    QCOMPARE(sink.trades.size(), std::size_t(1));
    const Trade& t = sink.trades[0];
    QCOMPARE(t.side, Side::Short);
    QCOMPARE(t.reason, ExitReason::Target);
    QCOMPARE(t.entryMs, kT0 + 119 * 15000);
    QCOMPARE(t.exitMs, kT0 + 120 * 15000);
    QCOMPARE(t.entryPrice, 100.0);
    QCOMPARE(t.exitPrice, 95.0);
    QCOMPARE(t.qty, 500.0);
    QCOMPARE(t.pnl, 2500.0);
    QCOMPARE(t.score, 4.0);
    QCOMPARE(sink.equity.back().equity, 102500.0);
}

void TestBacktester::endOfDataClose()
{
    // Same SHORT with slippage 10 bps and fee 0.1 %, then two bars at 100.5 (stop 102.4 not hit,
    // no signal). End of data closes it at the last close, reason "end", buying at 100.6005:
    // qty 50000 / 99.9 = 500.5005; pnl -0.7005 * 500.5005 - 50 - 50.3506 = -450.9512.
    // Drawdown over the bars: at N equity 99950 - 0.1 * 500.5005 = 99899.95 (0.0005); at 100.5
    // equity 99950 - 0.6 * 500.5005 = 99649.6997 -> max drawdown 0.0035030.
    Config c;
    c.slippageBps = 10;
    c.feeRate = 0.001;
    std::vector<Bar> bars = TestBars::reversal(120, 102, 15000);
    bars.push_back(TestBars::bar(kT0 + 120 * 15000, 100.5));
    bars.push_back(TestBars::bar(kT0 + 121 * 15000, 100.5));
    VectorSource source(bars);
    RecordingSink sink;
    QElapsedTimer timer;
    timer.start();
    const BacktestSummary s = Backtester(c).run(source, sink, timer);

    QCOMPARE(sink.trades.size(), std::size_t(1));
    const Trade& t = sink.trades[0];
    QCOMPARE(t.reason, ExitReason::End);
    QCOMPARE(t.exitMs, kT0 + 121 * 15000);
    QVERIFY(near(t.exitPrice, 100.6005));
    QVERIFY(near(t.pnl, -450.9512012012));
    QVERIFY(near(t.fees, 100.3506006006));
    QCOMPARE(s.totalTrades, std::int64_t(1));
    QCOMPARE(s.losingTrades, std::int64_t(1));
    QCOMPARE(*s.profitFactor, 0.0);
    QVERIFY(near(s.finalEquity, 100000 - 450.9512012012));
    QVERIFY(near(s.totalReturn, -450.9512012012 / 100000));
    QVERIFY(near(s.maxDrawdown, (100000 - (99950 - 0.6 * 50000 / 99.9)) / 100000, 1e-9));
    QCOMPARE(s.exposure, 3.0 / 122.0);
    // The last equity row is the final equity, after the end-of-data close.
    QVERIFY(near(sink.equity.back().equity, s.finalEquity));
    QVERIFY(near(sink.equity.back().cash, s.finalEquity));
}

void TestBacktester::emptySource()
{
    VectorSource source({});
    RecordingSink sink;
    QElapsedTimer timer;
    timer.start();
    const BacktestSummary s = Backtester(Config()).run(source, sink, timer);
    QCOMPARE(s.bars, std::int64_t(0));
    QCOMPARE(s.totalTrades, std::int64_t(0));
    QCOMPARE(s.finalEquity, 100000.0);
    QCOMPARE(s.totalReturn, 0.0);
    QCOMPARE(s.sharpeRatio, 0.0);
    QVERIFY(!s.sortinoRatio.has_value());
    QCOMPARE(s.winRate, 0.0);
    QCOMPARE(s.exposure, 0.0);
    QVERIFY(sink.trades.empty());
}

void TestBacktester::cancelStopsAtPoll()
{
    // A set cancel flag is noticed at the first poll, after 65536 bars; the run still returns a
    // summary of the bars processed.
    std::vector<Bar> bars;
    for (int i = 0; i < 70000; ++i)
        bars.push_back(TestBars::bar(kT0 + i * 1000LL, 100.0));
    VectorSource source(bars);
    RecordingSink sink;
    std::atomic<bool> cancel { true };
    Backtester bt { Config() };
    bt.setCancelFlag(&cancel);
    int progressCalls = 0;
    bt.setProgress([&](double, std::int64_t) { ++progressCalls; });
    QElapsedTimer timer;
    timer.start();
    const BacktestSummary s = bt.run(source, sink, timer);
    QVERIFY(s.cancelled);
    QCOMPARE(s.bars, std::int64_t(65536));
    QCOMPARE(s.finalEquity, 100000.0);
    QVERIFY(progressCalls >= 1);
}

QTEST_GUILESS_MAIN(TestBacktester)
#include "tst_backtester.moc"
