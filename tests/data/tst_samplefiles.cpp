// The real Binance sample files in resources/data: counts and known prices, and the golden check that
// aggregating the raw trades reproduces Binance's own 1-minute klines.
#include "data/barfile.h"
#include "data/klineaggregator.h"
#include "data/klinereader.h"
#include "data/tradereader.h"

#include <QTest>
#include <cmath>
#include <map>

using namespace veloce;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(VELOCE_SAMPLE_DATA "/binance/") + QLatin1String(name);
}

bool closeRel(double a, double b, double rel = 1e-9)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

} // namespace

class TestSharedFiles : public QObject
{
    Q_OBJECT

private slots:
    void klineFiles_data();
    void klineFiles();
    void aggTrades();
    void tradesAsSeconds();
    void goldenTradesToKlines();
};

void TestSharedFiles::klineFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("bars");
    QTest::addColumn<qint64>("firstT");
    QTest::addColumn<qint64>("lastT");
    QTest::addColumn<double>("firstOpen");
    QTest::addColumn<qint64>("extremeT"); // bar with the highest high (q1) / lowest low (oct)
    QTest::addColumn<double>("extreme");

    QTest::newRow("2024 Q1, ms") << sample("BTCUSDT-1m-2024-01-01_2024-03-31.csv.gz") << qint64(131040)
                                 << qint64(1704067200000) << qint64(1711929540000) << 42283.58
                                 << qint64(1710399900000) << 73777.0; // 2024-03-14 07:05, the quarter's high
    QTest::newRow("2025 Oct, us") << sample("BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz") << qint64(44640)
                                  << qint64(1759276800000) << qint64(1761955140000) << 114048.94
                                  << qint64(1760131200000) << -102000.0; // 10 Oct 21:20, the crash low
}

void TestSharedFiles::klineFiles()
{
    QFETCH(QString, path);
    QFETCH(qint64, bars);
    QFETCH(qint64, firstT);
    QFETCH(qint64, lastT);
    QFETCH(double, firstOpen);
    QFETCH(qint64, extremeT);
    QFETCH(double, extreme);

    auto source = openBarFile(path);
    QCOMPARE(source->symbol(), QStringLiteral("BTCUSDT"));
    Bar b;
    Bar first;
    Bar best;
    qint64 n = 0;
    bool wantLow = extreme < 0;
    while (source->next(b)) {
        if (n == 0)
            first = b;
        if (n == 0 || (wantLow ? b.low < best.low : b.high > best.high))
            best = b;
        QVERIFY(b.vbuy >= 0 && b.vsell >= 0);
        ++n;
    }
    QCOMPARE(n, bars);
    QCOMPARE(first.t, firstT);
    QCOMPARE(first.open, firstOpen);
    QCOMPARE(b.t, lastT); // next() leaves the last bar in place when it returns false
    QCOMPARE(best.t, extremeT);
    QCOMPARE(wantLow ? best.low : best.high, std::abs(extreme));
    const SourceStats s = source->stats();
    QCOMPARE(s.rows, bars);
    QCOMPARE(s.bars, bars);
    QCOMPARE(s.outOfOrder, 0);
    QCOMPARE(s.skippedRows, 0);
    QCOMPARE(source->progress(), 1.0);
}

void TestSharedFiles::aggTrades()
{
    auto source = openBarFile(sample("BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz"));
    QVERIFY(source->description().contains(QStringLiteral("aggTrades")));
    Bar b;
    QVERIFY(source->next(b));
    // The first second: one taker sell of 0.08185 at 87648.21, then six buys at 87648.22.
    QCOMPARE(b.t, 1767225600000);
    QCOMPARE(b.open, 87648.21);
    QCOMPARE(b.high, 87648.22);
    QCOMPARE(b.low, 87648.21);
    QCOMPARE(b.close, 87648.22);
    QVERIFY(closeRel(b.vsell, 0.08185));
    QVERIFY(closeRel(b.vbuy, 0.00013 + 0.00023 + 0.01032 + 0.00206 + 0.00456 + 0.00057));
    qint64 n = 1;
    std::int64_t last = b.t;
    while (source->next(b)) {
        QVERIFY(b.t > last && b.t % 1000 == 0);
        last = b.t;
        ++n;
    }
    QCOMPARE(n, 675); // distinct seconds among the 5000 aggTrades
    QCOMPARE(last, 1767226339000);
    QCOMPARE(source->stats().rows, 5000);
    QCOMPARE(source->stats().outOfOrder, 0);
}

void TestSharedFiles::tradesAsSeconds()
{
    auto source = openBarFile(sample("BTCUSDT-trades-2024-08-08T2354_2024-08-09T0005.csv.gz"));
    Bar b;
    qint64 n = 0;
    double volume = 0;
    while (source->next(b)) {
        if (n == 0)
            QCOMPARE(b.t, 1723161255000);
        volume += b.volume();
        ++n;
    }
    QCOMPARE(n, 645);
    QCOMPARE(b.t, 1723161905000);
    QCOMPARE(source->stats().rows, 19904);
    QVERIFY(volume > 100 && volume < 1000);
}

void TestSharedFiles::goldenTradesToKlines()
{
    // Expected: Binance's official klines, keyed by open time.
    std::map<std::int64_t, Kline> expected;
    KlineReader official(sample("BTCUSDT-1m-klines-2024-08-08T2354_2024-08-09T0005.expected.csv.gz"), false);
    Kline k;
    while (official.next(k))
        expected[k.openTime] = k;
    QCOMPARE(expected.size(), std::size_t(12));

    TradeReader trades(
        sample("BTCUSDT-trades-2024-08-08T2354_2024-08-09T0005.csv.gz"), TradeLayout::Trades, false);
    KlineAggregator minutes(60000);
    std::map<std::int64_t, Kline> built;
    TradeTick trade;
    while (trades.next(trade)) {
        if (minutes.addTrade(trade, k))
            built[k.openTime] = k;
    }
    if (minutes.flush(k))
        built[k.openTime] = k;

    // The trades start at 23:54:15 and end at 00:05:05: only 23:55 .. 00:04 are complete.
    const std::int64_t from = 1723161300000; // 2024-08-08 23:55
    const std::int64_t to = 1723161840000; // 2024-08-09 00:04
    int compared = 0;
    for (std::int64_t t = from; t <= to; t += 60000) {
        QVERIFY2(built.count(t) && expected.count(t), qPrintable(QString::number(t)));
        const Kline& got = built[t];
        const Kline& want = expected[t];
        const QByteArray where = QByteArray::number(qint64(t));
        QVERIFY2(got.open == want.open, where);
        QVERIFY2(got.high == want.high, where);
        QVERIFY2(got.low == want.low, where);
        QVERIFY2(got.close == want.close, where);
        QVERIFY2(got.count == want.count, where + " count " + QByteArray::number(qint64(got.count)));
        QVERIFY2(
            closeRel(got.volume, want.volume), where + " volume " + QByteArray::number(got.volume, 'g', 17));
        QVERIFY2(closeRel(got.takerBuyBase, want.takerBuyBase), where);
        QVERIFY2(closeRel(got.quoteVolume, want.quoteVolume, 1e-6), where);
        QCOMPARE(got.closeTime, want.closeTime);
        ++compared;
    }
    QCOMPARE(compared, 10);
    // And the partial edge minutes really are partial, so the window above is the right one.
    QVERIFY(built[from - 60000].count < expected[from - 60000].count);
}

QTEST_GUILESS_MAIN(TestSharedFiles)
#include "tst_samplefiles.moc"
