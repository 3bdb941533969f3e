// BarCsvWriter: Veloce bar CSV that reads back bit for bit (shortest round-trip numbers).
#include "data/barcsvwriter.h"
#include "data/barfile.h"
#include "data/dataerror.h"
#include "data/marketsimulator.h"
#include "tempfiles.h"

#include <QDir>
#include <QTest>
#include <cstring>

using namespace veloce;

class TestBarCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void text();
    void unclosedLeavesEarlierFile();
    void cannotCreate();
};

void TestBarCsvWriter::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("bars");

    QTest::newRow("plain, a few") << "bars.csv" << 10;
    QTest::newRow("gzip, a few") << "bars.csv.gz" << 10;
    QTest::newRow("plain, several buffers") << "many.csv" << 60000;
    QTest::newRow("gzip, several buffers") << "many.csv.gz" << 60000;
}

void TestBarCsvWriter::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(int, bars);

    SimulatorConfig config;
    config.seed = 7;
    config.bars = bars;
    MarketSimulator sim(config);
    QList<Bar> written;
    // Awkward doubles first: not short decimals, tiny, large (within the readers' BarLimits).
    written.append(Bar { 1704067190000, 1.0 / 3, 0.5, 0.1, 0.3, 1e-5, 123456789.123 });
    written.append(Bar { 1704067191000, 0.1 + 0.2, 9.99e11, 1.1e-12, 2.5, 0, 5e-324 });
    Bar b;
    while (sim.next(b))
        written.append(b);

    TempFiles tmp;
    const QString path = tmp.path(name);
    BarCsvWriter writer(path);
    for (const Bar& bar : written)
        writer.write(bar);
    writer.close();
    QCOMPARE(writer.rows(), written.size());

    auto source = openBarFile(path);
    QCOMPARE(fileFormatName(detectFileFormat(path)), QStringLiteral("bars"));
    qsizetype i = 0;
    while (source->next(b)) {
        QVERIFY(i < written.size());
        QVERIFY2(std::memcmp(&b, &written[i], sizeof(Bar)) == 0, qPrintable(QStringLiteral("bar %1").arg(i)));
        ++i;
    }
    QCOMPARE(i, written.size());
    QCOMPARE(source->stats().skippedRows, 0);
}

void TestBarCsvWriter::text()
{
    TempFiles tmp;
    const QString path = tmp.path(QStringLiteral("t.csv"));
    {
        BarCsvWriter writer(path);
        writer.write(Bar { 1704067200000, 65000.12, 65001, 64999.5, 65000, 0.00123, 2 });
        writer.close();
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(),
        QByteArray("t,open,high,low,close,vbuy,vsell\n"
                   "1704067200000,65000.12,65001,64999.5,65000,0.00123,2\n"));
}

void TestBarCsvWriter::unclosedLeavesEarlierFile()
{
    // A writer destroyed without close() (an error on the way) leaves what was there before.
    TempFiles tmp;
    const QString path = tmp.write(QStringLiteral("keep.csv"), "earlier\n");
    {
        BarCsvWriter writer(path);
        writer.write(Bar { 1704067200000, 1, 1, 1, 1, 1, 1 });
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("earlier\n"));
    QCOMPARE(QDir(tmp.path(QString())).entryList(QDir::Files), QStringList { QStringLiteral("keep.csv") });
}

void TestBarCsvWriter::cannotCreate()
{
    TempFiles tmp;
    const QString path = tmp.path(QStringLiteral("no/such/dir/out.csv"));
    try {
        BarCsvWriter writer(path);
        QFAIL("no DataError");
    } catch (const DataError& e) {
        QVERIFY2(e.message() == path + QStringLiteral(": cannot write: No such file or directory"),
            qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestBarCsvWriter)
#include "tst_barcsvwriter.moc"
