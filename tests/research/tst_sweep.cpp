// The sweep engine in-process (docs/research.md §3): every configuration's numbers equal an
// ordinary backtest of that configuration (its own Strategy, bars streamed from a source), whether
// scores are shared or not and whatever the number of threads; progress, cancel, shards and
// walk-forward windows.
#include "data/barfile.h"
#include "data/dataerror.h"
#include "data/memorybarsource.h"
#include "engine/backtester.h"
#include "engine/backtestsink.h"
#include "engine/barprocessor.h"
#include "research/shardplan.h"
#include "research/sweep.h"
#include "research/walkforward.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>

using namespace veloce;
using nlohmann::ordered_json;

namespace {

std::shared_ptr<const MarketData> october()
{
    static std::shared_ptr<const MarketData> data = [] {
        auto source = openBarFile(
            QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz"));
        return MarketData::load(*source, QStringLiteral("oct"));
    }();
    return data;
}

// Indicator keys (shared streams) and portfolio keys (one run each): 2 * 2 * 2 * 2 * 2 = 32.
SweepPlan plan32()
{
    return SweepPlan(Grid::fromJson(ordered_json::parse(R"({
        "squeeze_length": [20, 30], "squeeze_keltner": ["range", "atr"],
        "min_entry_score": [3, 4.5], "max_open_positions": [1, 3], "fee_rate": [0, 0.0004]})"),
                         QStringLiteral("grid")),
        Config());
}

// Every summary.json number but the timings.
void compareSummaries(const BacktestSummary& a, const BacktestSummary& b, const QString& what)
{
    const auto same = [&](double x, double y, const char* field) {
        if (!(x == y))
            QFAIL(qPrintable(QStringLiteral("%1: %2 %3 != %4")
                                 .arg(what, QLatin1String(field))
                                 .arg(x, 0, 'g', 17)
                                 .arg(y, 0, 'g', 17)));
    };
    same(double(a.startMs), double(b.startMs), "start_ms");
    same(double(a.endMs), double(b.endMs), "end_ms");
    same(double(a.bars), double(b.bars), "bars");
    same(a.finalEquity, b.finalEquity, "final_equity");
    same(a.totalReturn, b.totalReturn, "total_return");
    same(double(a.totalTrades), double(b.totalTrades), "total_trades");
    same(double(a.winningTrades), double(b.winningTrades), "winning_trades");
    same(double(a.losingTrades), double(b.losingTrades), "losing_trades");
    same(a.winRate, b.winRate, "win_rate");
    same(a.maxDrawdown, b.maxDrawdown, "max_drawdown");
    same(a.sharpeRatio, b.sharpeRatio, "sharpe_ratio");
    same(a.sortinoRatio.value_or(-1e300), b.sortinoRatio.value_or(-1e300), "sortino_ratio");
    same(a.profitFactor.value_or(-1e300), b.profitFactor.value_or(-1e300), "profit_factor");
    same(a.exposure, b.exposure, "exposure");
    for (int i = 0; i < PhaseScores::Count; ++i)
        same(a.phaseActivity[i], b.phaseActivity[i], kPhaseKeys[i]);
    same(double(a.signalCount), double(b.signalCount), "signals");
    same(double(a.rejectedSignals), double(b.rejectedSignals), "rejected_signals");
}

BacktestSummary ownBacktest(const Config& config, const MarketData& market)
{
    MemoryBarSource source(market.bars, market.source, market.symbol);
    BacktestSink none;
    QElapsedTimer t;
    t.start();
    return Backtester(config).run(source, none, t);
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void everyRowEqualsItsOwnBacktest_data();
    void everyRowEqualsItsOwnBacktest();
    void progressAndCancel();
    void shardsMergeIntoTheLocalResult();
    void walkForwardWindows_data();
    void walkForwardWindows();
    void walkForwardChoosesInSampleAndStitches();
};

void TestSweep::everyRowEqualsItsOwnBacktest_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("3 threads") << 3;
}

void TestSweep::everyRowEqualsItsOwnBacktest()
{
    QFETCH(int, jobs);
    const SweepPlan plan = plan32();
    Sweep::Options options;
    options.jobs = jobs;
    const SweepResult result = Sweep::run(plan, { october() }, options);
    QCOMPARE(result.configs.size(), std::size_t(32));
    QCOMPARE(result.rows.size(), std::size_t(32));
    QVERIFY(!result.cancelled);
    std::int64_t trades = 0;
    for (std::size_t c = 0; c < result.configs.size(); ++c) {
        const SweepRow& row = result.row(c, 0);
        QCOMPARE(row.config, std::int64_t(c));
        compareSummaries(
            row.summary, ownBacktest(plan.config(row.config), *october()), plan.grid().describe(row.config));
        // The return sums cover every per-minute return of sharpe_ratio.
        QCOMPARE(row.returns.total().n, std::int64_t(44640 - 1));
        trades += row.summary.totalTrades;
    }
    QVERIFY(trades > 100); // a sweep that trades nothing proves nothing
    // The best is the highest sharpe_ratio (the first on ties), and it has its checks.
    std::size_t best = 0;
    for (std::size_t c = 1; c < 32; ++c)
        if (result.row(c, 0).summary.sharpeRatio > result.row(best, 0).summary.sharpeRatio)
            best = c;
    QCOMPARE(result.best, std::int64_t(best));
    QCOMPARE(result.checks.size(), std::size_t(1));
    QVERIFY(result.checks[0].deflatedSharpe.probability);
    QVERIFY(result.checks[0].overfitting.probability);
    QCOMPARE(result.checks[0].overfitting.combinations, std::int64_t(12870)); // C(16, 8)
}

void TestSweep::progressAndCancel()
{
    const SweepPlan plan = plan32();
    Sweep::Options options;
    options.jobs = 2;
    std::vector<double> fractions;
    const SweepResult full = Sweep::run(plan, { october() }, options, nullptr,
        [&](const SweepProgress& p) { fractions.push_back(p.fraction); });
    QVERIFY(!fractions.empty());
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);

    QVERIFY(!full.cancelled);
    QCOMPARE(full.configs.size(), std::size_t(32));

    // Cancelled before it starts: nothing runs, and the result says it was cancelled.
    std::atomic<bool> cancel { true };
    const SweepResult none = Sweep::run(plan, { october() }, options, &cancel);
    QVERIFY(none.cancelled);
    QCOMPARE(none.configs.size(), std::size_t(0));

    // Cancelled from the first progress report: whatever finished by then is kept and equals the
    // full run. (How much finished depends on the machine's speed; a fast machine may finish all
    // 32 before the first report, and then nothing was cancelled.)
    cancel = false;
    const SweepResult part
        = Sweep::run(plan, { october() }, options, &cancel, [&](const SweepProgress&) { cancel = true; });
    QCOMPARE(part.cancelled, part.configs.size() < 32);
    for (std::size_t c = 0; c < part.configs.size(); ++c)
        compareSummaries(part.row(c, 0).summary,
            full.row(static_cast<std::size_t>(part.configs[c]), 0).summary,
            QStringLiteral("cancelled sweep"));
}

void TestSweep::shardsMergeIntoTheLocalResult()
{
    const SweepPlan plan = plan32();
    Sweep::Options options;
    options.jobs = 2;
    const SweepResult local = Sweep::run(plan, { october() }, options);
    std::vector<ShardPlan::Part> parts;
    std::int64_t covered = 0;
    for (int i = 3; i >= 1; --i) { // out of order on purpose
        Sweep::Options o = options;
        const auto [first, last] = ShardPlan::slice(plan.size(), i, 3);
        covered += last - first;
        for (std::int64_t c = first; c < last; ++c)
            o.members.push_back(c);
        parts.push_back({ QStringLiteral("shard %1").arg(i), i, 3, Sweep::run(plan, { october() }, o) });
    }
    QCOMPARE(covered, plan.size());
    QCOMPARE(ShardPlan::missing(parts, 3), std::vector<int>());
    const SweepResult merged = ShardPlan::merge(parts);
    QCOMPARE(merged.configs, local.configs);
    QCOMPARE(merged.best, local.best);
    for (std::size_t c = 0; c < local.configs.size(); ++c) {
        compareSummaries(merged.row(c, 0).summary, local.row(c, 0).summary, QStringLiteral("merged"));
        QCOMPARE(merged.row(c, 0).returns.sumFourth, local.row(c, 0).returns.sumFourth);
    }
    QCOMPARE(*merged.checks[0].deflatedSharpe.probability, *local.checks[0].deflatedSharpe.probability);
    QCOMPARE(*merged.checks[0].overfitting.probability, *local.checks[0].overfitting.probability);

    // A shard from another grid does not merge.
    std::vector<ShardPlan::Part> wrong;
    wrong.push_back(parts[0]);
    wrong.push_back(parts[1]);
    wrong.back().result.grid
        = Grid::fromJson(ordered_json::parse(R"({"fee_rate": [0]})"), QStringLiteral("other"));
    QVERIFY_THROWS_EXCEPTION(DataError, ShardPlan::merge(wrong));
    parts.pop_back();
    QCOMPARE(ShardPlan::missing(parts, 3), std::vector<int>({ 1 }));
}

void TestSweep::walkForwardWindows_data()
{
    QTest::addColumn<qint64>("trainDays");
    QTest::addColumn<qint64>("testDays");
    QTest::addColumn<qint64>("stepDays");
    QTest::addColumn<int>("windows");
    // 31 days of data, first bar at day 0, last at day 31 - 1 minute.
    QTest::newRow("10/7 by 7") << qint64(10) << qint64(7) << qint64(7) << 3; // tests 10-17, 17-24, 24-31
    QTest::newRow("20/7 by 7") << qint64(20) << qint64(7) << qint64(7) << 2; // 20-27, 27-31 (cut)
    QTest::newRow("30/7") << qint64(30) << qint64(7) << qint64(7) << 1; // 30-31
    QTest::newRow("31/7: no test bar left") << qint64(31) << qint64(7) << qint64(7) << 0;
    QTest::newRow("10/5 by 10") << qint64(10) << qint64(5) << qint64(10) << 3; // 10-15, 20-25, 30-31
}

void TestSweep::walkForwardWindows()
{
    QFETCH(qint64, trainDays);
    QFETCH(qint64, testDays);
    QFETCH(qint64, stepDays);
    QFETCH(int, windows);
    const std::int64_t day = 86400000;
    WalkForward::Options o;
    o.trainMs = trainDays * day;
    o.testMs = testDays * day;
    o.stepMs = stepDays * day;
    const std::int64_t first = 1000 * day;
    const auto w = WalkForward::windows(first, first + 31 * day - 60000, o);
    QCOMPARE(int(w.size()), windows);
    for (std::size_t i = 0; i < w.size(); ++i) {
        QCOMPARE(w[i].first.fromMs, first + static_cast<std::int64_t>(i) * o.stepMs);
        QCOMPARE(w[i].first.toMs, w[i].second.fromMs);
        QVERIFY(w[i].second.toMs <= first + 31 * day);
        QVERIFY(w[i].second.toMs > w[i].second.fromMs);
    }
}

void TestSweep::walkForwardChoosesInSampleAndStitches()
{
    // Without the drawdown breaker the stitched account (whose peak spans the windows) takes the
    // same trades as the windows' own out-of-sample runs; sizes scale with the carried capital.
    Config base;
    base.maxDrawdownPercent = 1;
    const SweepPlan plan(
        Grid::fromJson(
            ordered_json::parse(R"({"min_entry_score": [3, 4, 5], "squeeze_keltner": ["range", "atr"]})"),
            QStringLiteral("grid")),
        base);
    const auto market = october();
    WalkForward::Options o;
    o.trainMs = 10LL * 86400000;
    o.testMs = 7LL * 86400000;
    o.stepMs = o.testMs;
    o.jobs = 2;
    std::vector<Trade> stitchedTrades;
    struct TradeSink : BacktestSink
    {
        std::vector<Trade>* out;
        void onTrade(const Trade& t) override { out->push_back(t); }
    } sink;
    sink.out = &stitchedTrades;
    const WalkForwardResult r = WalkForward::run(plan, market, o, sink);
    QCOMPARE(r.windows.size(), std::size_t(3));
    std::int64_t testBars = 0, oosTrades = 0;
    for (const WalkForwardWindow& w : r.windows) {
        // In sample, the chosen configuration is the best of all on the train span, where every
        // configuration's run scores with the whole history before it (here rebuilt by hand).
        double best = -1e300;
        for (std::int64_t c = 0; c < plan.size(); ++c) {
            BacktestSink none;
            BarProcessor p(plan.config(c), none);
            const std::size_t begin = market->lowerBound(w.train.fromMs),
                              end = market->lowerBound(w.train.toMs);
            for (std::size_t i = 0; i < begin; ++i)
                p.warmUp(market->bars[i]);
            for (std::size_t i = begin; i < end; ++i)
                p.process(market->bars[i]);
            p.closeAll(ExitReason::End);
            BacktestSummary s;
            p.finish(s);
            if (c == w.config)
                compareSummaries(s, w.inSample, QStringLiteral("in sample"));
            best = std::max(best, s.sharpeRatio);
        }
        QCOMPARE(w.inSample.sharpeRatio, best);
        QCOMPARE(*w.inSampleObjective, best);
        QVERIFY(w.inSampleCheck.deflatedSharpe.probability);
        testBars += w.outOfSample.bars;
        oosTrades += w.outOfSample.totalTrades;
        QCOMPARE(w.outOfSample.startMs >= w.test.fromMs && w.outOfSample.endMs < w.test.toMs, true);
    }
    // The stitched account trades exactly the test spans, each window closing at its end.
    QCOMPARE(r.stitched.bars, testBars);
    QCOMPARE(r.stitched.totalTrades, oosTrades);
    QCOMPARE(std::int64_t(stitchedTrades.size()), oosTrades);
    QVERIFY(std::is_sorted(stitchedTrades.begin(), stitchedTrades.end(),
        [](const Trade& a, const Trade& b) { return a.exitMs < b.exitMs; }));
    // WFE: the chained out-of-sample account's annualised return over the mean in-sample one.
    double inSample = 0;
    for (const WalkForwardWindow& w : r.windows)
        inSample += w.inSampleAnnualReturn;
    inSample /= static_cast<double>(r.windows.size());
    QCOMPARE(r.efficiency.has_value(), inSample > 0);
    if (r.efficiency)
        QCOMPARE(*r.efficiency, r.stitchedAnnualReturn / inSample);
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
