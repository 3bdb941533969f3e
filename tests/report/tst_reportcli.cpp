// The report's command-line entry points, run as a user would: `veloce-cli backtest --report` and
// `veloce-cli report --in DIR --out FILE`, which must give the same page, and clear errors for a
// broken result folder.
#include "clirunner.h"
#include "reportchecker.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kData = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void backtestReportEqualsReportFromFolder();
    void brokenFolderGivesClearErrors_data();
    void brokenFolderGivesClearErrors();

private:
    QTemporaryDir m_tmp;
    QString m_run; // a backtest folder shared by the tests
};

void TestReportCli::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_run = m_tmp.filePath(QStringLiteral("run"));
}

void TestReportCli::backtestReportEqualsReportFromFolder()
{
    const QString direct = m_tmp.filePath(QStringLiteral("direct.html"));
    const CliRun bt = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), kData,
        QStringLiteral("--out"), m_run, QStringLiteral("--report"), direct });
    QVERIFY2(bt.exitCode == 0, qPrintable(bt.err));
    QVERIFY(QFile::exists(m_run + QStringLiteral("/report-data.json")));

    const QString later = m_tmp.filePath(QStringLiteral("later.html"));
    const CliRun rep
        = runCli({ QStringLiteral("report"), QStringLiteral("--in"), m_run, QStringLiteral("--out"), later });
    QVERIFY2(rep.exitCode == 0, qPrintable(rep.err));
    const QByteArray a = readAll(direct);
    QVERIFY(a.size() > 200000);
    QVERIFY2(a == readAll(later), "report --in must rebuild exactly the page backtest --report wrote");

    const CheckerRun run = runChecker({ QStringLiteral("--report"), later, QStringLiteral("--summary"),
        m_run + QStringLiteral("/summary.json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
}

void TestReportCli::brokenFolderGivesClearErrors_data()
{
    QTest::addColumn<QString>("file"); // replaced in a copy of the run folder ("" = no change)
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QString>("message");
    QTest::newRow("no folder") << QString() << QByteArray()
                               << QStringList { QStringLiteral("--in"), QStringLiteral("/nonexistent/run"),
                                      QStringLiteral("--out"), QStringLiteral("/tmp/veloce-never.html") }
                               << QStringLiteral("/nonexistent/run: no such folder");
    QTest::newRow("bad trade row")
        << QStringLiteral("trades.csv")
        << QByteArray("entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score\n"
                      "1759280040000,1759306800000,LONG,114225.0,oops,0.43,298.6,0.0,target,4.66\n")
        << QStringList() << QStringLiteral("trades.csv:2: exit_price \"oops\" is not a number");
    QTest::newRow("no report-data") << QStringLiteral("report-data.json") << QByteArray() << QStringList()
                                    << QStringLiteral("report-data.json: missing");
    QTest::newRow("bad json") << QStringLiteral("summary.json") << QByteArray("{\"bars\": 12,\n  oops }")
                              << QStringList() << QStringLiteral("summary.json: malformed JSON at line 2");
    QTest::newRow("usage") << QString() << QByteArray()
                           << QStringList { QStringLiteral("--in"), QStringLiteral("x") }
                           << QStringLiteral("--in DIR and --out FILE are required");
}

void TestReportCli::brokenFolderGivesClearErrors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, message);
    QStringList args { QStringLiteral("report") };
    if (!file.isEmpty()) {
        QVERIFY2(
            QFile::exists(m_run + QStringLiteral("/summary.json")), "needs the backtest of the first test");
        const QString copy
            = m_tmp.filePath(QStringLiteral("broken-") + QString::fromLatin1(QTest::currentDataTag()));
        QDir().mkpath(copy);
        for (const QString& name : QDir(m_run).entryList(QDir::Files))
            QVERIFY(QFile::copy(m_run + QLatin1Char('/') + name, copy + QLatin1Char('/') + name));
        QFile::remove(copy + QLatin1Char('/') + file);
        if (!content.isEmpty()) {
            QFile f(copy + QLatin1Char('/') + file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        args << QStringLiteral("--in") << copy << QStringLiteral("--out")
             << m_tmp.filePath(QStringLiteral("x.html"));
    }
    args << extraArgs;
    const CliRun r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
