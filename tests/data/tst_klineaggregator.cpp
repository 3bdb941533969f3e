// KlineAggregator: the one aggregation behind 1-second bars from trades, the golden 1-minute
// check and resampling bars to N seconds.
#include "data/klineaggregator.h"

#include <QTest>
#include <stdexcept>

using namespace veloce;

namespace {

// "t,o,h,l,c,vbuy,vsell;..."
QList<Bar> bars(const QString& spec)
{
    QList<Bar> out;
    for (const QString& row : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = row.split(QLatin1Char(','));
        out.append(Bar { f[0].toLongLong(), f[1].toDouble(), f[2].toDouble(), f[3].toDouble(),
            f[4].toDouble(), f[5].toDouble(), f[6].toDouble() });
    }
    return out;
}

// "openTime,o,h,l,c,volume,takerBuy;..." for the fields bars can carry.
QString describe(const QList<Kline>& klines)
{
    QStringList rows;
    for (const Kline& k : klines)
        rows << QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                    .arg(k.openTime)
                    .arg(k.open)
                    .arg(k.high)
                    .arg(k.low)
                    .arg(k.close)
                    .arg(k.volume)
                    .arg(k.takerBuyBase);
    return rows.join(QLatin1Char(';'));
}

} // namespace

class TestKlineAggregator : public QObject
{
    Q_OBJECT

private slots:
    void bars_data();
    void bars();
    void tradesCarryCountAndQuote();
    void closeTimeAndFlush();
    void invalidInterval();
};

void TestKlineAggregator::bars_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("1 s bars to 60 s") << qint64(60000)
                                      << "60000,10,12,9,11,1,2;61000,11,15,10,14,0.5,0;119000,14,14,8,9,0,1;"
                                         "120000,9,9,9,9,1,1;185000,9,10,9,10,2,0"
                                      << "60000,10,15,8,9,4.5,1.5;120000,9,9,9,9,2,1;180000,9,10,9,10,2,2";
    QTest::newRow("gaps leave no empty intervals") << qint64(10000) << "0,1,1,1,1,1,0;55000,2,2,2,2,0,1"
                                                   << "0,1,1,1,1,1,1;50000,2,2,2,2,1,0";
    QTest::newRow("interval equals input: unchanged")
        << qint64(1000) << "1000,1,2,0.5,1.5,1,1;2000,1.5,2,1,1,0,3"
        << "1000,1,2,0.5,1.5,2,1;2000,1.5,2,1,1,3,0";
    QTest::newRow("times before 1970 round down") << qint64(60000) << "-61000,1,1,1,1,1,0;-59000,2,2,2,2,1,0"
                                                  << "-120000,1,1,1,1,1,1;-60000,2,2,2,2,1,1";
    QTest::newRow("5 minute bars") << qint64(300000)
                                   << "0,1,3,1,2,1,0;299000,2,2,0.5,1,1,0;300000,1,1,1,1,1,0"
                                   << "0,1,3,0.5,1,2,2;300000,1,1,1,1,1,1";
}

void TestKlineAggregator::bars()
{
    QFETCH(qint64, interval);
    QFETCH(QString, input);
    QFETCH(QString, expected);

    KlineAggregator agg(interval);
    QList<Kline> out;
    Kline k;
    for (const Bar& b : ::bars(input)) {
        if (agg.addBar(b, k))
            out.append(k);
    }
    if (agg.flush(k))
        out.append(k);
    QVERIFY(!agg.hasOpenInterval());
    QCOMPARE(describe(out), expected);
    // The resampled bar keeps vbuy and vsell apart.
    for (const Kline& kl : out) {
        const Bar b = kl.toBar();
        QCOMPARE(b.t, kl.openTime);
        QCOMPARE(b.vbuy + b.vsell, kl.volume);
    }
}

void TestKlineAggregator::tradesCarryCountAndQuote()
{
    KlineAggregator agg(1000);
    Kline k;
    QList<Kline> out;
    const TradeTick trades[] = {
        { 1000, 100.0, 2.0, 200.0, 1, true }, // taker sold
        { 1500, 101.0, 1.0, 101.0, 3, false }, // an aggTrade of 3 trades, taker bought
        { 1999, 99.0, 0.5, 49.5, 1, false },
        { 2000, 98.0, 1.0, 98.0, 2, true },
    };
    for (const TradeTick& t : trades) {
        if (agg.addTrade(t, k))
            out.append(k);
    }
    QVERIFY(agg.flush(k));
    out.append(k);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].openTime, 1000);
    QCOMPARE(out[0].open, 100.0);
    QCOMPARE(out[0].high, 101.0);
    QCOMPARE(out[0].low, 99.0);
    QCOMPARE(out[0].close, 99.0);
    QCOMPARE(out[0].volume, 3.5);
    QCOMPARE(out[0].quoteVolume, 350.5);
    QCOMPARE(out[0].count, 5);
    QCOMPARE(out[0].takerBuyBase, 1.5);
    QCOMPARE(out[0].takerBuyQuote, 150.5);
    const Bar b = out[0].toBar();
    QCOMPARE(b.vbuy, 1.5);
    QCOMPARE(b.vsell, 2.0);
    QCOMPARE(out[1].count, 2);
    QCOMPARE(out[1].takerBuyBase, 0.0);
    QCOMPARE(out[1].toBar().vsell, 1.0);
}

void TestKlineAggregator::closeTimeAndFlush()
{
    KlineAggregator agg(60000);
    Kline k;
    QVERIFY(!agg.flush(k));
    QVERIFY(!agg.addTrade({ 1723161300123, 1, 1, 1, 1, false }, k));
    QVERIFY(agg.hasOpenInterval());
    QVERIFY(agg.flush(k));
    QCOMPARE(k.openTime, 1723161300000);
    QCOMPARE(k.closeTime, 1723161359999); // Binance's convention
    QVERIFY(!agg.flush(k));
}

void TestKlineAggregator::invalidInterval()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, KlineAggregator(0));
}

QTEST_GUILESS_MAIN(TestKlineAggregator)
#include "tst_klineaggregator.moc"
