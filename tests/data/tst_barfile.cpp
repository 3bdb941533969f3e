// The file readers of docs/strategy.md §1 on small inline files: every layout with and without
// header, ms and µs, plain and gzip; format detection; format names; symbols; progress.
#include "barfixtures.h"
#include "data/barfile.h"
#include "tempfiles.h"

#include <QTest>

using namespace veloce;
using namespace fixtures;

class TestBarFile : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void detect_data();
    void detect();
    void parseFileFormat_data();
    void parseFileFormat();
    void symbol_data();
    void symbol();
    void progress();
};

void TestBarFile::parse_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("gz");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    for (bool gz : { false, true }) {
        const char* z = gz ? " gz" : "";
        QTest::addRow("klines ms no header%s", z) << kKlinesMs << gz << "auto" << kKlinesMsBars;
        QTest::addRow("klines ms header%s", z) << kKlinesHeader + kKlinesMs << gz << "auto" << kKlinesMsBars;
        QTest::addRow("klines us%s", z) << kKlinesUs << gz << "klines"
                                        << "1759276800000,114048.94,114100,114048.93,114100,9.5775,8.72619";
        QTest::addRow("aggTrades us header%s", z) << kAggHeader + kAggUs << gz << "auto" << kAggBars;
        QTest::addRow("aggTrades us no header%s", z) << kAggUs << gz << "aggtrades" << kAggBars;
        // 1/0 booleans make a 7-column aggTrades row look like a bar row: name the format.
        QTest::addRow("aggTrades ms 7 columns%s", z) << kAggMs7 << gz << "aggtrades" << kAggMs7Bars;
        QTest::addRow("trades ms header%s", z) << kTradesHeader + kTradesMs << gz << "auto" << kTradesBars;
        QTest::addRow("trades us 6 columns%s", z) << kTradesUs6 << gz << "trades" << kTradesUs6Bars;
        QTest::addRow("bars header%s", z) << kBarsHeader + kBars << gz << "auto" << kBarsBars;
    }
    QByteArray crlf = kKlinesHeader + kKlinesMs;
    crlf.replace("\n", "\r\n");
    QTest::newRow("UTF-8 byte order mark, no header")
        << "\xEF\xBB\xBF" + kKlinesMs << false << "auto" << kKlinesMsBars;
    QTest::newRow("UTF-8 byte order mark, header")
        << "\xEF\xBB\xBF" + kBarsHeader + kBars << true << "auto" << kBarsBars;
    QTest::newRow("CRLF line ends") << crlf << false << "auto" << kKlinesMsBars;
    QTest::newRow("blank lines, no final newline")
        << "\n" + kKlinesMs.left(kKlinesMs.size() - 1).replace("0\n", "0\n\n") << false << "auto"
        << kKlinesMsBars;
    QTest::newRow("trades from 2024 into 2025: ms then us")
        << QByteArray("1,100,1,100,1735689599500,False,True\n2,101,1,101,1735689600100000,True,True\n")
        << false << "auto"
        << "1735689599000,100,100,100,100,1,0;1735689600000,101,101,101,101,0,1";
}

void TestBarFile::parse()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, gz);
    QFETCH(QString, format);
    QFETCH(QString, expected);

    TempFiles tmp;
    const QString path = tmp.write(QStringLiteral("data.csv"), content, gz);
    auto source = openBarFile(path, veloce::parseFileFormat(format));
    compareBars(readAll(*source), parseBars(expected));
    const SourceStats s = source->stats();
    QCOMPARE(s.bars, parseBars(expected).size());
    QCOMPARE(s.skippedRows, 0);
    QCOMPARE(s.outOfOrder, 0);
    QVERIFY(s.rows >= s.bars);
    QCOMPARE(source->progress(), 1.0);
    Bar b;
    QVERIFY(!source->next(b)); // stays at the end
}

void TestBarFile::detect_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("description");

    QTest::newRow("klines header") << kKlinesHeader + kKlinesMs << "klines"
                                   << "Binance klines";
    QTest::newRow("klines 12 columns") << kKlinesUs << "klines"
                                       << "Binance klines";
    QTest::newRow("aggTrades header") << kAggHeader + kAggUs << "aggtrades"
                                      << "Binance aggTrades";
    QTest::newRow("aggTrades 8 columns") << kAggUs << "aggtrades"
                                         << "Binance aggTrades";
    QTest::newRow("aggTrades 7 columns, word booleans")
        << QByteArray("1,100,1,5,6,1704067200100,True\n") << "aggtrades"
        << "Binance aggTrades";
    QTest::newRow("trades header") << kTradesHeader + kTradesMs << "trades"
                                   << "Binance trades";
    QTest::newRow("trades 7 columns") << kTradesMs << "trades"
                                      << "Binance trades";
    QTest::newRow("trades 6 columns") << kTradesUs6 << "trades"
                                      << "Binance trades";
    QTest::newRow("bars header") << kBarsHeader + kBars << "bars"
                                 << "Veloce bars";
    QTest::newRow("bars without header") << kBars << "bars"
                                         << "Veloce bars";
    QTest::newRow("leading blank line") << "\n\n" + kKlinesMs << "klines"
                                        << "Binance klines";
}

void TestBarFile::detect()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, description);

    TempFiles tmp;
    for (bool gz : { false, true }) {
        const QString path = tmp.write(QStringLiteral("BTCUSDT-x-detect.csv"), content, gz);
        QCOMPARE(fileFormatName(detectFileFormat(path)), format);
        auto source = openBarFile(path);
        QVERIFY2(source->description().contains(description), qPrintable(source->description()));
        QVERIFY(!readAll(*source).isEmpty());
    }
}

void TestBarFile::parseFileFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("auto") << "auto"
                          << "auto";
    QTest::newRow("empty is auto") << ""
                                   << "auto";
    QTest::newRow("klines") << "klines"
                            << "klines";
    QTest::newRow("aggTrades") << "aggTrades"
                               << "aggtrades";
    QTest::newRow("TRADES") << "TRADES"
                            << "trades";
    QTest::newRow("bars") << " bars "
                          << "bars";
    QTest::newRow("unknown") << "parquet"
                             << "";
}

void TestBarFile::parseFileFormat()
{
    QFETCH(QString, name);
    QFETCH(QString, canonical);

    if (canonical.isEmpty()) {
        expectDataError([&] { veloce::parseFileFormat(name); },
            QStringLiteral("unknown file format 'parquet'"),
            QStringLiteral("klines, aggtrades, trades or bars"));
        return;
    }
    QCOMPARE(fileFormatName(veloce::parseFileFormat(name)), canonical);
}

void TestBarFile::symbol_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("symbol");

    QTest::newRow("klines") << "/data/BTCUSDT-1m-2024-01-01.csv.gz"
                            << "BTCUSDT";
    QTest::newRow("1s klines") << "ETHUSDT-1s-2024-01.zip.csv"
                               << "ETHUSDT";
    QTest::newRow("aggTrades") << "x/BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz"
                               << "BTCUSDT";
    QTest::newRow("trades") << "BTCUSDT-trades-2024-08-08T2354.csv"
                            << "BTCUSDT";
    QTest::newRow("own name") << "/tmp/my-bars.csv"
                              << "";
    QTest::newRow("lower case") << "btcusdt-1m-2024.csv"
                                << "";
}

void TestBarFile::symbol()
{
    QFETCH(QString, path);
    QFETCH(QString, symbol);
    QCOMPARE(symbolFromFileName(path), symbol);
}

void TestBarFile::progress()
{
    // Big enough for several buffer refills, compressed and not.
    QByteArray content;
    for (qint64 i = 0; i < 20000; ++i)
        content += QByteArray::number(1704067200000 + i * 60000) + ",1,2,0.5,1.5,10,1,10,5,4,4,0\n";
    TempFiles tmp;
    for (bool gz : { false, true }) {
        auto source = openBarFile(tmp.write(QStringLiteral("BTCUSDT-1m-progress.csv"), content, gz));
        QCOMPARE(source->symbol(), QStringLiteral("BTCUSDT"));
        double last = source->progress();
        QVERIFY(last >= 0 && last < 0.5);
        Bar b;
        int n = 0;
        bool sawMiddle = false;
        while (source->next(b)) {
            const double p = source->progress();
            QVERIFY2(p >= last, qPrintable(QStringLiteral("%1 < %2 at bar %3").arg(p).arg(last).arg(n)));
            sawMiddle = sawMiddle || (p > 0.3 && p < 0.7);
            last = p;
            ++n;
        }
        QCOMPARE(n, 20000);
        QVERIFY(sawMiddle);
        QCOMPARE(source->progress(), 1.0);
    }
}

QTEST_GUILESS_MAIN(TestBarFile)
#include "tst_barfile.moc"
