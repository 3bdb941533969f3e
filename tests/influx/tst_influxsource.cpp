// InfluxSource against a real influxd: exact bars through chunk and page boundaries, several
// markets matched exactly and aggregated, null fields, OHLC-less rows counted, market names
// that try to inject InfluxQL rejected.
#include "data/dataerror.h"
#include "data/influxclient.h"
#include "data/influxlivepoller.h"
#include "data/influxopeninterestreader.h"
#include "data/influxsource.h"
#include "data/influxwriter.h"
#include "influxserver.h"
#include "influxtestdata.h"

#include <QTest>

using namespace veloce;

namespace {
constexpr std::int64_t kT0 = 1700000000000; // 2023-11-14T22:13:20Z
const QString kSpot = QStringLiteral("BINANCE:btcusdt");
const QString kPerp = QStringLiteral("BINANCE_FUTURES:btcusdt");
} // namespace

class TestInfluxSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void singleMarket_data();
    void singleMarket();
    void timeRange_data();
    void timeRange();
    void twoMarkets_data();
    void twoMarkets();
    void marketsMatchExactly();
    void injectionRejected_data();
    void injectionRejected();
    void openInterest();

private:
    std::vector<Bar> readAll(InfluxSource& source);
    InfluxSettings settings() const;
    void addPagingRows();

    InfluxServer m_server;
    std::vector<AggrRow> m_rows;
};

InfluxSettings TestInfluxSource::settings() const
{
    InfluxSettings s;
    s.setUrl(m_server.url());
    s.database = QStringLiteral("hist");
    return s;
}

void TestInfluxSource::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_server.createDatabase(QStringLiteral("hist")));
    // 60 seconds of the spot market with awkward doubles, nulls, a gap and a liquidation-only
    // second; the perp market on some of the same seconds and on seconds the spot lacks.
    for (int i = 0; i < 60; ++i) {
        const std::int64_t t = kT0 + i * 1000;
        if (i >= 10 && i < 13)
            continue; // gap: no trades
        AggrRow r { kSpot, t };
        if (i == 20) {
            r.lbuy = 12345.5; // liquidation only: no OHLC
        } else {
            const double p = 37000.1 + i * 0.1;
            r.open = p;
            r.high = p + 1.7;
            r.low = p - 0.3;
            r.close = p + 0.2;
            if (i % 4 != 0)
                r.vbuy = 0.1 * i + 1e-9;
            if (i % 5 != 0)
                r.vsell = 1.0 / (i + 3);
        }
        m_rows.push_back(r);
        if (i % 3 == 0) {
            AggrRow f { kPerp, t };
            f.open = f.high = f.low = f.close = 36990.0 + i;
            f.vbuy = 2.5 * i + 0.25;
            if (i % 2 == 0)
                f.vsell = 7.0 / 3.0;
            m_rows.push_back(f);
        }
    }
    AggrRow perpOnly { kPerp, kT0 + 11 * 1000 }; // a second traded only on the perp
    perpOnly.vbuy = 3.0;
    m_rows.push_back(perpOnly);
    // Names that a substring or case-insensitive match would wrongly pull in.
    for (const QString& m : { QStringLiteral("BINANCE:btcusdtx"), QStringLiteral("BINANCE:BTCUSDT") }) {
        for (int i = 0; i < 60; i += 2) {
            AggrRow r { m, kT0 + i * 1000 };
            r.open = r.high = r.low = r.close = 1.0;
            r.vbuy = r.vsell = 1e6;
            m_rows.push_back(r);
        }
    }
    QVERIFY(writeRows(m_server, QStringLiteral("hist"), m_rows));
}

std::vector<Bar> TestInfluxSource::readAll(InfluxSource& source)
{
    std::vector<Bar> bars;
    Bar b;
    double lastProgress = 0;
    while (source.next(b)) {
        bars.push_back(b);
        const double p = source.progress();
        if (p < lastProgress || p > 1)
            qWarning("progress went from %f to %f", lastProgress, p);
        lastProgress = p;
    }
    return bars;
}

void TestInfluxSource::singleMarket_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::addColumn<qint64>("pageMs");
    QTest::newRow("defaults") << 10000 << qint64(24 * 3600 * 1000);
    QTest::newRow("one row per chunk") << 1 << qint64(24 * 3600 * 1000);
    QTest::newRow("3-row chunks, 5 s pages") << 3 << qint64(5000);
    QTest::newRow("7-row chunks, 1 s pages") << 7 << qint64(1000);
    QTest::newRow("pages not aligned to seconds") << 2 << qint64(1777);
}

void TestInfluxSource::singleMarket()
{
    QFETCH(int, chunkSize);
    QFETCH(qint64, pageMs);
    InfluxSource source(settings(), { kSpot }, std::numeric_limits<std::int64_t>::min(),
        std::numeric_limits<std::int64_t>::max(), { pageMs, chunkSize });
    const auto bars = readAll(source);
    std::int64_t noPrice = 0;
    const auto want = expectedBars(m_rows, { kSpot }, kT0 - 1, kT0 + 3600 * 1000, &noPrice);
    QCOMPARE(want.size(), std::size_t(56)); // 60 - 3 gap seconds - 1 liquidation-only second
    const QString diff = compareBars(bars, want);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(source.stats().skippedNoPrice, noPrice);
    QCOMPARE(source.stats().skippedNoPrice, std::int64_t(1));
    QCOMPARE(source.stats().bars, std::int64_t(56));
    QCOMPARE(source.stats().outOfOrder, std::int64_t(0));
    QCOMPARE(source.progress(), 1.0);
    QCOMPARE(source.symbol(), QStringLiteral("BTCUSDT"));
    QVERIFY(!source.description().contains(QLatin1String("password")));
}

void TestInfluxSource::timeRange_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::newRow("middle") << qint64(kT0 + 5000) << qint64(kT0 + 30000);
    QTest::newRow("to is exclusive") << qint64(kT0) << qint64(kT0 + 1000);
    QTest::newRow("from inside a second") << qint64(kT0 + 4500) << qint64(kT0 + 9000);
    QTest::newRow("starts in a gap") << qint64(kT0 + 10500) << qint64(kT0 + 15000);
}

void TestInfluxSource::timeRange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    InfluxSource source(settings(), { kSpot }, from, to, { 4000, 2 });
    const QString diff = compareBars(readAll(source), expectedBars(m_rows, { kSpot }, from, to));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestInfluxSource::twoMarkets_data()
{
    singleMarket_data();
}

void TestInfluxSource::twoMarkets()
{
    QFETCH(int, chunkSize);
    QFETCH(qint64, pageMs);
    InfluxSource source(settings(), { kSpot, kPerp }, kT0, kT0 + 60000, { pageMs, chunkSize });
    const auto bars = readAll(source);
    std::int64_t noPrice = 0;
    const auto want = expectedBars(m_rows, { kSpot, kPerp }, kT0, kT0 + 60000, &noPrice);
    const QString diff = compareBars(bars, want);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Second 0: spot OHLC, spot vsell is null (i % 5 == 0) and vbuy null (i % 4 == 0): only the
    // perp's volumes count.
    QCOMPARE(bars.front().open, 37000.1);
    QCOMPARE(bars.front().vbuy, 0.25);
    QCOMPARE(bars.front().vsell, 7.0 / 3.0);
    // Liquidation-only spot second (20) and the perp-only second (11) give no bar.
    QCOMPARE(noPrice, std::int64_t(2));
    QCOMPARE(source.stats().skippedNoPrice, std::int64_t(2));
}

void TestInfluxSource::marketsMatchExactly()
{
    // Neither BINANCE:btcusdtx (substring) nor BINANCE:BTCUSDT (case) may leak into btcusdt.
    InfluxSource source(settings(), { kSpot }, kT0, kT0 + 60000);
    for (const Bar& b : readAll(source)) {
        QVERIFY2(b.vbuy < 1000 && b.vsell < 1000, qPrintable(describe(b)));
        QVERIFY(b.open > 30000);
    }
    InfluxSource upper(settings(), { QStringLiteral("BINANCE:BTCUSDT") }, kT0, kT0 + 60000);
    QCOMPARE(readAll(upper).size(), std::size_t(30));
}

void TestInfluxSource::injectionRejected_data()
{
    QTest::addColumn<QString>("market");
    QTest::newRow("quote") << QStringLiteral("BINANCE:btcusdt' OR '1'='1");
    QTest::newRow("double quote") << QStringLiteral("BINANCE:btcusdt\" OR market =~ /.*/");
    QTest::newRow("statement") << QStringLiteral("BINANCE:btcusdt; DROP DATABASE hist");
    QTest::newRow("regex") << QStringLiteral("BINANCE:/.*/");
    QTest::newRow("space") << QStringLiteral("BINANCE:btc usdt");
    QTest::newRow("line protocol comma") << QStringLiteral("BINANCE:btcusdt,market=x");
    QTest::newRow("backslash") << QStringLiteral("BINANCE:btcusdt\\");
    QTest::newRow("newline") << QStringLiteral("BINANCE:btcusdt\nDROP DATABASE hist");
    QTest::newRow("no exchange") << QStringLiteral("btcusdt");
    QTest::newRow("empty") << QString();
    QTest::newRow("parameter") << QStringLiteral("$m0");
}

void TestInfluxSource::injectionRejected()
{
    QFETCH(QString, market);
    auto expectRejected = [&](auto&& make) {
        try {
            make();
            QFAIL("accepted an invalid market name");
        } catch (const DataError& e) {
            QVERIFY2(e.message().contains(QLatin1String("invalid market name")), qPrintable(e.message()));
        }
    };
    expectRejected([&] { InfluxSource(settings(), { kSpot, market }, kT0, kT0 + 1000); });
    expectRejected([&] { InfluxLivePoller(settings(), { market }, kT0, {}); });
    InfluxClient client(settings());
    expectRejected([&] { InfluxWriter(client, market); });
    // Identifiers cannot be bound in InfluxDB 1.6, so they are checked before quoting.
    InfluxSettings bad = settings();
    bad.database = QStringLiteral("hist\"; DROP DATABASE \"hist");
    QVERIFY_THROWS_EXCEPTION(DataError, InfluxSource(bad, { kSpot }, kT0, kT0 + 1000));
    // And the data is still all there.
    InfluxSource source(settings(), { kSpot }, kT0, kT0 + 60000);
    QCOMPARE(readAll(source).size(), std::size_t(56));
}

void TestInfluxSource::openInterest()
{
    QByteArray lines;
    for (int i = 0; i < 25; ++i)
        lines += "open_interest,symbol=BTC,exchange=TOTAL_AGG open_interest="
            + QByteArray::number(1e9 + i * 0.5, 'g', 17) + ' ' + QByteArray::number(kT0 + i * 60000) + '\n';
    lines += "open_interest,symbol=BTC,exchange=BINANCE open_interest=5 " + QByteArray::number(kT0) + '\n';
    QCOMPARE(m_server.write(QStringLiteral("hist"), QStringLiteral("aggr_1s"), lines).status, 204);
    InfluxOpenInterestReader reader(
        settings(), QStringLiteral("BTC"), QStringLiteral("TOTAL_AGG"), kT0 + 60000, kT0 + 20 * 60000);
    OpenInterestPoint p;
    std::vector<OpenInterestPoint> points;
    while (reader.next(p))
        points.push_back(p);
    QCOMPARE(points.size(), std::size_t(19));
    QCOMPARE(points.front().t, kT0 + 60000);
    QCOMPARE(points.front().openInterest, 1e9 + 0.5);
    QVERIFY_THROWS_EXCEPTION(DataError,
        InfluxOpenInterestReader(
            settings(), QStringLiteral("BTC' OR '1'='1"), QStringLiteral("BINANCE"), kT0, kT0 + 1));
}

QTEST_GUILESS_MAIN(TestInfluxSource)
#include "tst_influxsource.moc"
