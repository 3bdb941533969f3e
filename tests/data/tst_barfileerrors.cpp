// What goes wrong in data files is reported, never silently lost: malformed rows as
// "FILE:LINE: what", or counted with skipBadRows; out-of-order bars dropped and counted;
// missing, empty and corrupt files named.
#include "barfixtures.h"
#include "data/barfile.h"
#include "tempfiles.h"

#include <QTest>

using namespace veloce;
using namespace fixtures;

class TestBarFileErrors : public QObject
{
    Q_OBJECT

private slots:
    void malformedRow_data();
    void malformedRow();
    void skipBadRows_data();
    void skipBadRows();
    void outOfOrder_data();
    void outOfOrder();
    void fileErrors_data();
    void fileErrors();
};

void TestBarFileErrors::malformedRow_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("what");

    const QByteArray good = "1704067200000,1,2,0.5,1.5,10,1704067259999,10,5,4,4,0\n";
    QTest::newRow("klines: 11 columns") << "klines" << good + "1704067260000,1,2,0.5,1.5,10,1,10,5,4,4\n"
                                        << 2 << "expected 12 columns (Binance klines), found 11";
    QTest::newRow("klines: 13 columns") << "klines" << kKlinesHeader + good + good.trimmed() + ",7\n"
                                        << 3 << "found 13";
    QTest::newRow("klines: open not a number")
        << "klines" << kKlinesHeader + "1704067200000,abc,2,0.5,1.5,10,1,10,5,4,4,0\n"
        << 2 << "open 'abc' is not a number";
    QTest::newRow("klines: damaged first row is not a header")
        << "auto" << QByteArray("x1704067200000,1,2,0.5,1.5,10,1,10,5,4,4,0\n") << 1
        << "open_time 'x1704067200000' is not an integer";
    QTest::newRow("klines: empty close") << "klines" << QByteArray("1704067200000,1,2,0.5,,10,1,10,5,4,4,0\n")
                                         << 1 << "close '' is not a number";
    QTest::newRow("klines: nan") << "klines" << QByteArray("1704067200000,1,2,0.5,nan,10,1,10,5,4,4,0\n") << 1
                                 << "close 'nan' is not a number";
    QTest::newRow("klines: time not an integer")
        << "klines" << good + "17040672600x0,1,2,0.5,1.5,10,1,10,5,4,4,0\n"
        << 2 << "open_time '17040672600x0' is not an integer";
    QTest::newRow("klines: time out of range") << "klines" << QByteArray("-5,1,2,0.5,1.5,10,1,10,5,4,4,0\n")
                                               << 1 << "open_time -5 is not a time since 1970";
    QTest::newRow("klines: 1970 milliseconds")
        << "klines" << QByteArray("86400000,1,2,0.5,1.5,10,86459999,10,5,4,4,0\n") << 1
        << "open_time 86400000 is not a time since 1970 in seconds, milliseconds, microseconds or "
           "nanoseconds";
    QTest::newRow("klines: price above the range")
        << "klines" << QByteArray("1704067200000,1,2e12,0.5,1.5,10,1704067259999,10,5,4,4,0\n") << 1
        << "high 2e+12 is outside the supported price range [1e-12, 1e+12]";
    QTest::newRow("bars: volume above the range") << "bars" << kBarsHeader + "1704067202000,1,1,1,1,2e15,0\n"
                                                  << 2 << "vbuy 2e+15 is above the supported maximum 1e+15";
    QTest::newRow("klines: high < low") << "klines" << good + "1704067260000,1,0.5,2,1,10,1,10,5,4,4,0\n"
                                        << 2 << "high 0.5 is below low 2";
    QTest::newRow("klines: high < close")
        << "klines" << QByteArray("1704067200000,1,2,0.5,2.5,10,1,10,5,4,4,0\n") << 1
        << "high 2 is below open 1 or close 2.5";
    QTest::newRow("klines: low > open")
        << "klines" << QByteArray("1704067200000,1,2,1.5,1.8,10,1,10,5,4,4,0\n") << 1
        << "low 1.5 is above open 1";
    QTest::newRow("klines: zero price") << "klines" << QByteArray("1704067200000,0,2,0,1.5,10,1,10,5,4,4,0\n")
                                        << 1 << "prices must be positive";
    QTest::newRow("klines: negative volume")
        << "klines" << QByteArray("1704067200000,1,2,0.5,1.5,-10,1,10,5,0,0,0\n") << 1
        << "volume -10 is negative";
    QTest::newRow("klines: taker buy > volume")
        << "klines" << QByteArray("1704067200000,1,2,0.5,1.5,10,1,10,5,11,4,0\n") << 1
        << "taker_buy_base_volume 11 is outside 0..volume (10)";
    QTest::newRow("aggTrades: bad boolean")
        << "aggtrades" << kAggHeader + kAggUs + "9,1,1,1,1,1767225602000000,maybe,True\n"
        << 5 << "is_buyer_maker 'maybe' is not a boolean";
    QTest::newRow("aggTrades: last < first id")
        << "aggtrades" << QByteArray("9,1,1,7,6,1767225602000000,True,True\n") << 1
        << "last_trade_id 6 is below first_trade_id 7";
    QTest::newRow("aggTrades: negative quantity")
        << "aggtrades" << QByteArray("9,1,-1,7,7,1767225602000000,True,True\n") << 1
        << "quantity -1 is negative";
    QTest::newRow("aggTrades: 5 columns") << "aggtrades" << kAggUs + "9,1,1,7,7\n"
                                          << 4 << "expected 7 or 8 columns (Binance aggTrades), found 5";
    QTest::newRow("trades: price not positive")
        << "trades" << kTradesHeader + "1,-61837.63,0.02,1,1723161255342,True,True\n"
        << 2 << "price -61837.63 is not positive";
    QTest::newRow("trades: time") << "trades" << kTradesHeader + kTradesMs + "1,1,1,1,yesterday,True,True\n"
                                  << 5 << "time 'yesterday' is not an integer";
    QTest::newRow("bars: negative vsell") << "bars" << kBarsHeader + kBars + "1704067202000,1,1,1,1,0,-1\n"
                                          << 4 << "negative volume (vbuy 0, vsell -1)";
    QTest::newRow("bars: 6 columns") << "bars" << kBarsHeader + "1704067202000,1,1,1,1,0\n"
                                     << 2 << "expected 7 columns";
    QTest::newRow("trades header forced as aggTrades")
        << "aggtrades" << kTradesHeader + kTradesMs << 1 << "trades header, not aggTrades";
    QTest::newRow("klines with a 7-column header")
        << "klines" << kBarsHeader + kBars << 1 << "header has 7 columns; Binance klines have 12";
}

void TestBarFileErrors::malformedRow()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, what);

    TempFiles tmp;
    for (bool gz : { false, true }) {
        const QString path = tmp.write(QStringLiteral("bad.csv"), content, gz);
        expectDataError(
            [&] {
                auto source = openBarFile(path, veloce::parseFileFormat(format));
                readAll(*source);
            },
            QStringLiteral("%1:%2: ").arg(path).arg(line), what);
    }
}

void TestBarFileErrors::skipBadRows_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("bars");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("firstLine");

    QTest::newRow("klines") << "klines"
                            << kKlinesHeader
            + "1704067200000,1,2,0.5,1.5,10,1,10,5,4,4,0\n"
              "1704067260000,1,2,0.5,oops,10,1,10,5,4,4,0\n"
              "1704067320000,1,2,0.5,1.5,10,1,10,5,4,4,0\n"
              "1704067380000,1,2\n"
              "1704067440000,1,2,0.5,1.5,10,1,10,5,4,4,0\n"
                            << 3 << 2 << 3;
    QTest::newRow("aggTrades: bad row inside a second")
        << "aggtrades"
        << QByteArray("1,100,1,1,1,1704067200100,True\n2,x,1,2,2,1704067200200,True\n3,102,1,3,3,"
                      "1704067200300,False\n")
        << 1 << 1 << 2;
    QTest::newRow("bars: all bad") << "bars"
                                   << kBarsHeader + "1704067200000,2,1,1,1,1,1\n1704067201000,1,1,1,1,-1,1\n"
                                   << 0 << 2 << 2;
}

void TestBarFileErrors::skipBadRows()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(int, bars);
    QFETCH(int, skipped);
    QFETCH(int, firstLine);

    TempFiles tmp;
    const QString path = tmp.write(QStringLiteral("skip.csv"), content);
    auto source = openBarFile(path, veloce::parseFileFormat(format), true);
    QCOMPARE(readAll(*source).size(), bars);
    const SourceStats s = source->stats();
    QCOMPARE(s.bars, bars);
    QCOMPARE(s.skippedRows, skipped);
    QCOMPARE(s.firstSkippedLine, firstLine);
}

void TestBarFileErrors::outOfOrder_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("times");
    QTest::addColumn<int>("dropped");
    QTest::addColumn<qint64>("firstDropped");

    const auto row = [](qint64 t) {
        return QByteArray::number(t) + ",1,2,0.5,1.5,10," + QByteArray::number(t + 59999) + ",10,5,4,4,0\n";
    };
    QTest::newRow("klines: duplicate and older")
        << "klines"
        << row(1704067200000) + row(1704067260000) + row(1704067260000) + row(1704067200000)
            + row(1704067320000)
        << "1704067200000,1704067260000,1704067320000" << 2 << qint64(1704067260000);
    QTest::newRow("bars: older") << "bars"
                                 << kBarsHeader
            + "1704067202000,1,1,1,1,1,1\n1704067201000,1,1,1,1,1,1\n1704067203000,1,1,1,1,1,1\n"
                                 << "1704067202000,1704067203000" << 1 << qint64(1704067201000);
    // A trade that goes back a second opens a bar for that older second, which is dropped;
    // the later trades of the newer second then form a duplicate bar, also dropped.
    QTest::newRow("aggTrades: time goes back")
        << "aggtrades"
        << QByteArray("1,100,1,1,1,1704067201100,True\n2,100,1,2,2,1704067200900,True\n"
                      "3,100,1,3,3,1704067201200,True\n4,100,1,4,4,1704067202000,True\n")
        << "1704067201000,1704067202000" << 2 << qint64(1704067200000);
}

void TestBarFileErrors::outOfOrder()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, times);
    QFETCH(int, dropped);
    QFETCH(qint64, firstDropped);

    TempFiles tmp;
    auto source
        = openBarFile(tmp.write(QStringLiteral("order.csv"), content), veloce::parseFileFormat(format));
    QStringList got;
    for (const Bar& b : readAll(*source))
        got << QString::number(b.t);
    QCOMPARE(got.join(QLatin1Char(',')), times);
    QCOMPARE(source->stats().outOfOrder, dropped);
    QCOMPARE(source->stats().firstOutOfOrderMs, firstDropped);
}

void TestBarFileErrors::fileErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("what");

    const QByteArray gz = TempFiles::gzipBytes(kKlinesMs.repeated(200));
    QTest::newRow("missing") << "" << QByteArray() << "no such file";
    QTest::newRow("empty") << "empty.csv" << QByteArray() << "the file is empty";
    QTest::newRow("blank lines only") << "blank.csv" << QByteArray("\n \n\r\n") << "the file is empty";
    QTest::newRow("empty gzip") << "empty.csv.gz" << TempFiles::gzipBytes({}) << "the file is empty";
    QTest::newRow("header only") << "header.csv" << kKlinesHeader << "header but no data rows";
    QTest::newRow("corrupt gzip") << "corrupt.csv.gz" << gz.left(12) + QByteArray(200, 'x')
                                  << "corrupt or truncated gzip";
    QTest::newRow("truncated gzip") << "cut.csv.gz" << gz.left(gz.size() / 2) << "corrupt or truncated gzip";
    QTest::newRow("unknown layout") << "three.csv" << QByteArray("1,2,3\n") << "cannot tell the file format";
    QTest::newRow("unknown header") << "hdr.csv" << QByteArray("time,price\n1,2\n")
                                    << "cannot tell the file format";
    QTest::newRow("binary junk") << "junk.csv" << QByteArray(300000, '\x01') << "longer than";
}

void TestBarFileErrors::fileErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, what);

    TempFiles tmp;
    const QString path
        = name.isEmpty() ? tmp.path(QStringLiteral("does-not-exist.csv")) : tmp.writeRaw(name, bytes);
    expectDataError(
        [&] {
            auto source = openBarFile(path);
            readAll(*source);
        },
        path + QLatin1Char(':'), what);
}

QTEST_GUILESS_MAIN(TestBarFileErrors)
#include "tst_barfileerrors.moc"
