// The chart's maths without a window: candle aggregation per timeframe, bounded candle counts,
// bucket choice, viewport mapping, zoom/pan/follow, and the equity decimation.
#include "candlestore.h"
#include "chartviewport.h"
#include "seriesdecimator.h"

#include <QTest>
#include <cmath>

using namespace veloce;

namespace {
Bar bar(std::int64_t t, double o, double h, double l, double c, double vb = 1, double vs = 1)
{
    Bar b;
    b.t = t;
    b.open = o;
    b.high = h;
    b.low = l;
    b.close = c;
    b.vbuy = vb;
    b.vsell = vs;
    return b;
}

// A deterministic random walk of 1-second bars starting at t0.
std::vector<Bar> walk(std::int64_t t0, int n, std::int64_t step = 1000)
{
    std::vector<Bar> bars;
    double p = 100;
    quint32 s = 12345;
    for (int i = 0; i < n; ++i) {
        s = s * 1664525u + 1013904223u;
        const double d = (double(s % 2001) - 1000.0) / 10000.0;
        const double o = p;
        p += d;
        bars.push_back(bar(t0 + i * step, o, std::max(o, p) + 0.05, std::min(o, p) - 0.05, p, 1 + i % 3, 2));
    }
    return bars;
}

// Reference aggregation straight from the definition, for comparison.
std::vector<Candle> reference(
    const std::vector<Bar>& bars, std::int64_t from, std::int64_t to, std::int64_t bucket)
{
    std::vector<Candle> out;
    for (const Bar& b : bars) {
        const std::int64_t k = CandleStore::floorTo(b.t, bucket);
        if (k + bucket <= from || k >= to)
            continue; // whole buckets: every bar of a bucket that starts before `to`
        if (out.empty() || out.back().t != k) {
            out.push_back({ k, b.open, b.high, b.low, b.close, b.volume() });
        } else {
            Candle& c = out.back();
            c.high = std::max(c.high, b.high);
            c.low = std::min(c.low, b.low);
            c.close = b.close;
            c.volume += b.volume();
        }
    }
    return out;
}
} // namespace

class TestChartMaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aggregatesOneMinuteByHand()
    {
        // Three bars in minute 0, one in minute 1: open of the first, max high, min low, close of
        // the last, volumes summed; the candle starts at the minute.
        CandleStore store;
        store.append(bar(0, 10, 12, 9, 11, 1, 2));
        store.append(bar(1000, 11, 15, 10, 14, 3, 0));
        store.append(bar(59000, 14, 14, 8, 9, 0.5, 0.5));
        store.append(bar(60000, 9, 10, 9, 10, 1, 1));
        const auto c = store.window(0, 120000, CandleStore::kMinute);
        QCOMPARE(c.size(), std::size_t(2));
        QCOMPARE(c[0].t, 0);
        QCOMPARE(c[0].open, 10.0);
        QCOMPARE(c[0].high, 15.0);
        QCOMPARE(c[0].low, 8.0);
        QCOMPARE(c[0].close, 9.0);
        QCOMPARE(c[0].volume, 7.0);
        QCOMPARE(c[1].t, 60000);
        QCOMPARE(c[1].open, 9.0);
    }

    void aggregatesEveryTimeframe_data()
    {
        QTest::addColumn<qint64>("bucket");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        const std::int64_t t0 = 1'704'067'200'000; // 2024-01-01T00:00:00Z
        QTest::newRow("1s") << qint64(1000) << qint64(t0 + 500'000) << qint64(t0 + 800'000);
        QTest::newRow("1m") << qint64(60'000) << qint64(t0 + 123'456) << qint64(t0 + 3 * 3'600'000);
        QTest::newRow("5m") << qint64(300'000) << qint64(t0) << qint64(t0 + 4 * 3'600'000);
        QTest::newRow("1h") << qint64(3'600'000) << qint64(t0 - 3'600'000) << qint64(t0 + 24 * 3'600'000);
        QTest::newRow("15m from 5m level")
            << qint64(900'000) << qint64(t0 + 1000) << qint64(t0 + 10 * 3'600'000);
        QTest::newRow("4h from 1h level")
            << qint64(4 * 3'600'000) << qint64(t0) << qint64(t0 + 24 * 3'600'000);
        QTest::newRow("30s from bars") << qint64(30'000) << qint64(t0 + 7'000) << qint64(t0 + 2 * 3'600'000);
    }
    void aggregatesEveryTimeframe()
    {
        // Whatever level the store aggregates from (bars, 1m, 5m or 1h), the candles equal the
        // ones computed from the bars by definition.
        QFETCH(qint64, bucket);
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        const std::int64_t t0 = 1'704'067'200'000;
        const auto bars = walk(t0 + 17'000, 30000); // ~8.3 hours of 1-second bars, not hour-aligned
        CandleStore store;
        store.assign(bars);
        const auto got = store.window(from, to, bucket);
        const auto want = reference(bars, CandleStore::floorTo(from, bucket), to, bucket);
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].t, want[i].t);
            QCOMPARE(got[i].open, want[i].open);
            QCOMPARE(got[i].high, want[i].high);
            QCOMPARE(got[i].low, want[i].low);
            QCOMPARE(got[i].close, want[i].close);
            QVERIFY(std::abs(got[i].volume - want[i].volume) < 1e-9);
        }
    }

    void ignoresOlderAndDuplicateBars()
    {
        CandleStore store;
        QVERIFY(store.append(bar(5000, 1, 1, 1, 1)));
        QVERIFY(!store.append(bar(5000, 2, 2, 2, 2)));
        QVERIFY(!store.append(bar(4000, 2, 2, 2, 2)));
        QCOMPARE(store.size(), std::size_t(1));
        QCOMPARE(store.last().close, 1.0);
    }

    void detectsDataResolution()
    {
        CandleStore store;
        store.assign(walk(0, 100, 60000)); // one-minute klines
        QCOMPARE(store.resolutionMs(), 60000);
        store.assign(walk(0, 100, 1000));
        QCOMPARE(store.resolutionMs(), 1000);
    }

    void trimsOldBarsConsistently()
    {
        CandleStore store(20000);
        const auto bars = walk(0, 50000);
        for (const Bar& b : bars)
            store.append(b);
        QVERIFY(store.size() <= 20000);
        QCOMPARE(store.lastMs(), bars.back().t);
        // The hourly level still matches the bars it kept.
        const std::int64_t from
            = CandleStore::floorTo(store.firstMs(), CandleStore::kHour) + CandleStore::kHour;
        const auto got = store.window(from, store.lastMs() + 1, CandleStore::kHour);
        const auto want = reference(bars, from, store.lastMs() + 1, CandleStore::kHour);
        QCOMPARE(got.size(), want.size());
        QCOMPARE(got.front().open, want.front().open);
        QCOMPARE(got.back().close, want.back().close);
    }

    void bucketKeepsCandleCountBounded_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("timeframe");
        QTest::addColumn<int>("maxCandles");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("5 min of 1s") << qint64(300'000) << qint64(1000) << 400 << qint64(1000);
        QTest::newRow("1 h of 1s in 400") << qint64(3'600'000) << qint64(1000) << 400 << qint64(10'000);
        QTest::newRow("1 day of 1s in 1000") << qint64(86'400'000) << qint64(1000) << 1000 << qint64(120'000);
        QTest::newRow("1 day of 1m in 1000")
            << qint64(86'400'000) << qint64(60'000) << 1000 << qint64(120'000);
        QTest::newRow("90 days of 5m")
            << qint64(90LL * 86'400'000) << qint64(300'000) << 1000 << qint64(4 * 3'600'000);
        QTest::newRow("10 years of 1h")
            << qint64(3650LL * 86'400'000) << qint64(3'600'000) << 1000 << qint64(7LL * 86'400'000);
        QTest::newRow("1h timeframe never finer")
            << qint64(3'600'000) << qint64(3'600'000) << 1000 << qint64(3'600'000);
    }
    void bucketKeepsCandleCountBounded()
    {
        QFETCH(qint64, span);
        QFETCH(qint64, timeframe);
        QFETCH(int, maxCandles);
        QFETCH(qint64, expected);
        const std::int64_t b = CandleStore::bucketFor(span, timeframe, maxCandles);
        QCOMPARE(b, expected);
        QCOMPARE(b % timeframe, 0);
        QVERIFY((span + b - 1) / b + 1 <= maxCandles);
    }

    void windowNeverExceedsMaxCandles()
    {
        // A month of 1-second bars viewed whole: at most the viewport's candle budget.
        CandleStore store;
        const std::int64_t month = 30LL * 86'400'000;
        for (std::int64_t t = 0; t < month; t += 7000)
            store.append(bar(t, 1, 2, 0.5, 1.5));
        ChartViewport vp;
        vp.setPlotRect(QRectF(0, 0, 5000, 600)); // wide enough to ask for more than the cap
        QCOMPARE(vp.maxCandles(), ChartViewport::kMaxCandles);
        vp.setTimeRange(0, month);
        const std::int64_t bucket = CandleStore::bucketFor(vp.spanMs(), 1000, vp.maxCandles());
        const auto candles = store.window(vp.fromMs(), vp.toMs(), bucket);
        QVERIFY(!candles.empty());
        QVERIFY(int(candles.size()) <= ChartViewport::kMaxCandles);
    }

    void mapsBetweenValuesAndPixels()
    {
        ChartViewport vp;
        vp.setPlotRect(QRectF(50, 20, 1000, 500));
        vp.setTimeRange(1'000'000, 1'100'000);
        vp.setPriceRange(100, 200);
        QCOMPARE(vp.timeToX(1'000'000), 50.0);
        QCOMPARE(vp.timeToX(1'100'000), 1050.0);
        QCOMPARE(vp.timeToX(1'050'000), 550.0);
        QCOMPARE(vp.priceToY(100), 520.0); // bottom
        QCOMPARE(vp.priceToY(200), 20.0); // top
        QCOMPARE(vp.priceToY(150), 270.0);
        QCOMPARE(vp.xToTime(550), 1'050'000.0);
        QCOMPARE(vp.yToPrice(270), 150.0);
        for (double x : { 50.0, 123.4, 999.0 })
            QVERIFY(std::abs(vp.timeToX(vp.xToTime(x)) - x) < 1e-9);
        QCOMPARE(vp.maxCandles(), int(1000 / ChartViewport::kMinPixelsPerCandle));
    }

    void zoomKeepsTheAnchorInPlace()
    {
        ChartViewport vp;
        vp.setPlotRect(QRectF(0, 0, 1000, 500));
        vp.setTimeRange(0, 1'000'000);
        vp.setFollowing(false);
        const double anchorX = 250;
        const double before = vp.xToTime(anchorX);
        vp.zoom(2.0, anchorX);
        QCOMPARE(vp.spanMs(), 500'000);
        QVERIFY(std::abs(vp.xToTime(anchorX) - before) <= 1.0);
        vp.zoom(0.5, anchorX);
        QCOMPARE(vp.spanMs(), 1'000'000);
        QVERIFY(std::abs(vp.xToTime(anchorX) - before) <= 1.0);
        vp.zoom(1e9, anchorX); // clamped
        QCOMPARE(vp.spanMs(), ChartViewport::kMinSpanMs);
    }

    void zoomWhileFollowingKeepsTheRightEdge()
    {
        ChartViewport vp;
        vp.setTimeRange(0, 1'000'000);
        vp.zoom(4.0, 10);
        QCOMPARE(vp.toMs(), 1'000'000);
        QCOMPARE(vp.spanMs(), 250'000);
    }

    void panMovesByPixelsAndStopsFollowing()
    {
        ChartViewport vp;
        vp.setPlotRect(QRectF(0, 0, 1000, 500));
        vp.setTimeRange(0, 1'000'000);
        QVERIFY(vp.following());
        vp.pan(100); // drag right: older bars come into view
        QCOMPARE(vp.fromMs(), -100'000);
        QCOMPARE(vp.toMs(), 900'000);
        QVERIFY(!vp.following());
    }

    void followPutsNewestNearTheRightEdge()
    {
        ChartViewport vp;
        vp.setTimeRange(0, 300'000);
        vp.follow(10'000'500, 1000, 2);
        QCOMPARE(vp.toMs(), 10'003'000);
        QCOMPARE(vp.spanMs(), 300'000);
    }

    void fitsPrices()
    {
        double lo = 0;
        double hi = 0;
        QVERIFY(!ChartViewport::fitPrices({}, 0.1, lo, hi));
        QVERIFY(
            ChartViewport::fitPrices({ { 0, 10, 12, 9, 11, 0 }, { 1000, 11, 20, 10, 19, 0 } }, 0.1, lo, hi));
        QCOMPARE(lo, 9 - 1.1);
        QCOMPARE(hi, 20 + 1.1);
        QVERIFY(ChartViewport::fitPrices({ { 0, 5, 5, 5, 5, 0 } }, 0.1, lo, hi)); // flat: a band around it
        QVERIFY(lo < 5 && hi > 5);
    }

    void decimationKeepsExtremes()
    {
        std::vector<QPointF> pts;
        for (int i = 0; i < 100000; ++i)
            pts.emplace_back(i, std::sin(i / 500.0) * 100);
        pts[54321].setY(-5000); // a deep drawdown spike must survive decimation
        pts[77777].setY(5000);
        const QList<QPointF> out = SeriesDecimator::decimate(pts, 0, 99999, 500);
        QVERIFY(out.size() <= 4 * 500 + 4);
        QVERIFY(out.size() > 500);
        double lo = 0;
        double hi = 0;
        for (const QPointF& p : out) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
        QCOMPARE(lo, -5000.0);
        QCOMPARE(hi, 5000.0);
        for (int i = 1; i < out.size(); ++i)
            QVERIFY(out[i].x() > out[i - 1].x());
        // Small inputs pass through untouched.
        const std::vector<QPointF> few = { { 0, 1 }, { 1, 2 }, { 2, 3 } };
        QCOMPARE(SeriesDecimator::decimate(few, 0, 2, 100).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestChartMaths)
#include "tst_chartmaths.moc"
