// The InfluxDB commands of veloce-cli, run as a user would against a real influxd: import of
// the shared Binance klines, then a backtest from InfluxDB that gives the same files as the
// backtest from the CSV file; `markets`; errors as exit code 2 with the message.
#include "clirunner.h"
#include "influxserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kKlines = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");
const QString kMarket = QStringLiteral("BINANCE:btcusdt");

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// summary.json without the two wall-clock fields.
QJsonObject summaryWithoutTiming(const QString& dir)
{
    QJsonObject o
        = QJsonDocument::fromJson(readFile(QDir(dir).filePath(QStringLiteral("summary.json")))).object();
    o.remove(QStringLiteral("elapsed_ms"));
    o.remove(QStringLiteral("bars_per_second"));
    return o;
}
} // namespace

class TestInfluxCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void importCreatesSchema();
    void backtestMatchesFile_data();
    void backtestMatchesFile();
    void markets();
    void errorsExitWithCode2_data();
    void errorsExitWithCode2();

private:
    InfluxServer m_server;
    QTemporaryDir m_out;
    CliRun m_import;
};

void TestInfluxCli::initTestCase()
{
    QVERIFY2(QFile::exists(kKlines), qPrintable(kKlines));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_import = runCli({ QStringLiteral("influx-import"), QStringLiteral("--data"), kKlines,
        QStringLiteral("--market"), kMarket, QStringLiteral("--influx"), m_server.url(),
        QStringLiteral("--db"), QStringLiteral("significant_trades") });
    QVERIFY2(m_import.exitCode == 0, qPrintable(m_import.err));
}

void TestInfluxCli::importCreatesSchema()
{
    QVERIFY2(
        m_import.err.contains(QLatin1String("created database significant_trades, retention policy aggr_1s")),
        qPrintable(m_import.err));
    QVERIFY2(m_import.err.contains(QLatin1String("imported 44640 bars (2025-10-01T00:00:00Z")),
        qPrintable(m_import.err));
    const auto rps = m_server.query(QStringLiteral("SHOW RETENTION POLICIES ON significant_trades"));
    QVERIFY(rps.body.contains("\"aggr_1s\",\"0s\""));
    const auto count = m_server.query(
        QStringLiteral(
            "SELECT count(close) FROM \"significant_trades\".\"aggr_1s\".\"trades_1s\" WHERE market = $m"),
        "{\"m\":\"BINANCE:btcusdt\"}");
    QVERIFY2(count.body.contains(",44640]"), count.body.constData());
    // Importing again rewrites the same points: still 44640.
    const CliRun again = runCli({ QStringLiteral("influx-import"), QStringLiteral("--data"), kKlines,
        QStringLiteral("--market"), kMarket, QStringLiteral("--influx"), m_server.url(),
        QStringLiteral("--db"), QStringLiteral("significant_trades") });
    QCOMPARE(again.exitCode, 0);
    QVERIFY(!again.err.contains(QLatin1String("created")));
    QVERIFY(m_server
                .query(QStringLiteral(
                    "SELECT count(close) FROM \"significant_trades\".\"aggr_1s\".\"trades_1s\""))
                .body.contains(",44640]"));
}

void TestInfluxCli::backtestMatchesFile_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("whole month") << QStringList();
    QTest::newRow("range") << QStringList { QStringLiteral("--from"), QStringLiteral("2025-10-09T12:00:00Z"),
        QStringLiteral("--to"), QStringLiteral("2025-10-12") };
    QTest::newRow("atr + fees config") << QStringList { QStringLiteral("--config"),
        QStringLiteral(VELOCE_GOLDEN_DIR "/atr-fees.config.json") };
}

void TestInfluxCli::backtestMatchesFile()
{
    QFETCH(QStringList, extra);
    const QString tag
        = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
    const QString fileOut = m_out.filePath(tag + QStringLiteral("-file"));
    const QString influxOut = m_out.filePath(tag + QStringLiteral("-influx"));
    const CliRun file = runCli(QStringList { QStringLiteral("backtest"), QStringLiteral("--data"), kKlines,
                                   QStringLiteral("--out"), fileOut }
        + extra);
    QVERIFY2(file.exitCode == 0, qPrintable(file.err));
    const CliRun influx
        = runCli(QStringList { QStringLiteral("backtest"), QStringLiteral("--influx"), m_server.url(),
                     QStringLiteral("--db"), QStringLiteral("significant_trades"), QStringLiteral("--market"),
                     kMarket, QStringLiteral("--out"), influxOut }
            + extra);
    QVERIFY2(influx.exitCode == 0, qPrintable(influx.err));

    for (const char* name : { "trades.csv", "signals.csv", "equity.csv" }) {
        const QByteArray a = readFile(QDir(fileOut).filePath(QLatin1String(name)));
        const QByteArray b = readFile(QDir(influxOut).filePath(QLatin1String(name)));
        QVERIFY2(!a.isEmpty(), name);
        QVERIFY2(a == b,
            qPrintable(QStringLiteral("%1 differs between the file and the InfluxDB backtest")
                           .arg(QLatin1String(name))));
    }
    const QJsonObject fileSummary = summaryWithoutTiming(fileOut);
    QVERIFY(fileSummary.value(QStringLiteral("bars")).toInt() > 1000);
    QVERIFY(fileSummary.value(QStringLiteral("total_trades")).toInt() > 0);
    QCOMPARE(summaryWithoutTiming(influxOut), fileSummary);
}

void TestInfluxCli::markets()
{
    QCOMPARE(m_server
                 .write(QStringLiteral("significant_trades"), QStringLiteral("aggr_1s"),
                     "trades_1s,market=BYBIT:BTCUSDT close=1 1759276800000\n")
                 .status,
        204);
    const CliRun r = runCli({ QStringLiteral("markets"), QStringLiteral("--influx"), m_server.url(),
        QStringLiteral("--db"), QStringLiteral("significant_trades") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("BINANCE:btcusdt\nBYBIT:BTCUSDT\n"));
}

void TestInfluxCli::errorsExitWithCode2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(InfluxServer::freePort());
    QTest::newRow("backtest: unknown market") << QStringList { QStringLiteral("backtest"),
        QStringLiteral("--influx"), QString(), QStringLiteral("--db"), QStringLiteral("significant_trades"),
        QStringLiteral("--market"), QStringLiteral("BINANCE:ethbtc"), QStringLiteral("--out"),
        QStringLiteral("OUT") } << QStringLiteral("data error: market \"BINANCE:ethbtc\" does not exist");
    QTest::newRow("backtest: injection") << QStringList { QStringLiteral("backtest"),
        QStringLiteral("--influx"), QString(), QStringLiteral("--market"),
        QStringLiteral("BINANCE:btcusdt' OR '1'='1"), QStringLiteral("--out"), QStringLiteral("OUT") }
                                         << QStringLiteral("invalid market name");
    QTest::newRow("markets: nothing listening") << QStringList { QStringLiteral("markets"),
        QStringLiteral("--influx"), url } << QStringLiteral("connection refused");
    QTest::newRow("markets: unknown database") << QStringList { QStringLiteral("markets"),
        QStringLiteral("--influx"), QString(), QStringLiteral("--db"), QStringLiteral("nope") }
                                               << QStringLiteral("database \"nope\" does not exist");
    QTest::newRow("import: missing market") << QStringList { QStringLiteral("influx-import"),
        QStringLiteral("--data"), kKlines, QStringLiteral("--influx"), QString() }
                                            << QStringLiteral("--market is required");
}

void TestInfluxCli::errorsExitWithCode2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    for (QString& a : args) {
        if (a.isEmpty())
            a = m_server.url();
        else if (a == QLatin1String("OUT"))
            a = m_out.filePath(QStringLiteral("err"));
    }
    const CliRun r = runCli(args, 60000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestInfluxCli)
#include "tst_influxcli.moc"
