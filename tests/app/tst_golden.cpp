// The October 2025 golden outputs (tests/golden, computed by an independent
// implementation of docs/strategy.md) reproduced by `veloce-cli backtest`, row for row.
#include "clirunner.h"
#include "csvcompare.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestGolden : public QObject
{
    Q_OBJECT
private slots:
    void reproduces_data();
    void reproduces();
};

void TestGolden::reproduces_data()
{
    QTest::addColumn<QString>("expectedDir");
    QTest::addColumn<QString>("config");
    const QString e = QStringLiteral(VELOCE_GOLDEN_DIR "/");
    QTest::newRow("defaults") << e + QStringLiteral("BTCUSDT-1m-2025-10-default") << QString();
    QTest::newRow("atr keltner, fees, slippage")
        << e + QStringLiteral("BTCUSDT-1m-2025-10-atr-fees") << e + QStringLiteral("atr-fees.config.json");
}

void TestGolden::reproduces()
{
    QFETCH(QString, expectedDir);
    QFETCH(QString, config);
    QTemporaryDir out;
    QStringList args { QStringLiteral("backtest"), QStringLiteral("--data"),
        QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz"),
        QStringLiteral("--out"), out.path() };
    if (!config.isEmpty())
        args << QStringLiteral("--config") << config;
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    for (const char* file : { "trades.csv", "signals.csv" }) {
        const QString diff = CsvCompare::compare(
            out.filePath(QLatin1String(file)), expectedDir + QLatin1Char('/') + QLatin1String(file));
        QVERIFY2(diff.isEmpty(), qPrintable(QLatin1String(file) + QStringLiteral(": ") + diff));
    }

    QFile a(out.filePath(QStringLiteral("summary.json")));
    QFile e(expectedDir + QStringLiteral("/summary.json"));
    QVERIFY(a.open(QIODevice::ReadOnly) && e.open(QIODevice::ReadOnly));
    const QJsonObject got = QJsonDocument::fromJson(a.readAll()).object();
    const QJsonObject want = QJsonDocument::fromJson(e.readAll()).object();
    for (auto it = want.begin(); it != want.end(); ++it) {
        if (it.key() == QLatin1String("elapsed_ms") || it.key() == QLatin1String("bars_per_second"))
            continue; // wall-clock figures
        QVERIFY2(got.contains(it.key()), qPrintable(it.key()));
        const QJsonValue g = got.value(it.key());
        if (it->isObject()) {
            const QJsonObject wo = it->toObject();
            for (auto p = wo.begin(); p != wo.end(); ++p)
                QVERIFY2(
                    CsvCompare::numbersClose(g.toObject().value(p.key()).toDouble(), p->toDouble(), 1e-9),
                    qPrintable(it.key() + QLatin1Char('.') + p.key()));
        } else if (it->isNull()) {
            QVERIFY2(g.isNull(), qPrintable(it.key()));
        } else {
            QVERIFY2(CsvCompare::numbersClose(g.toDouble(), it->toDouble(), 1e-9),
                qPrintable(QStringLiteral("%1: got %2, expected %3")
                               .arg(it.key())
                               .arg(g.toDouble(), 0, 'g', 17)
                               .arg(it->toDouble(), 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
