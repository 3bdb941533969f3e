// Every bad input gets one clear message naming the file/line or config key, and exit code 2
// (never a crash); warnings for dropped/skipped input are printed, never silent.
#include "clirunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestCliErrors : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badInput_data();
    void badInput();
    void versionAndHelp();

private:
    void write(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

namespace {
const QByteArray kGoodKlines = "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,"
                               "1519032.59,1327,22.50844,951713.10,0\n"
                               "1704067260000,42298.62,42320.00,42298.61,42320.00,21.07700,1704067319999,"
                               "891619.12,1002,14.11012,596883.53,0\n";
}

void TestCliErrors::write(const QString& name, const QByteArray& content)
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

void TestCliErrors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    write(QStringLiteral("good.csv"), kGoodKlines);
    write(QStringLiteral("badrow.csv"),
        kGoodKlines + "1704067320000,42320.00,abc,42300.00,42310.00,10,1704067379999,1,1,1,1,0\n");
    write(QStringLiteral("unordered.csv"), kGoodKlines + kGoodKlines.left(kGoodKlines.indexOf('\n') + 1));
    write(QStringLiteral("malformed.json"), "{\n  \"squeeze_length\": 20,\n  \"min_entry_score\": \n}\n");
    write(QStringLiteral("unknown.json"), "{\"squeeze_lenght\": 20}");
    write(QStringLiteral("wrongtype.json"), "{\"max_open_positions\": \"two\"}");
    write(QStringLiteral("range.json"), "{\"max_drawdown_percent\": 1.5}");
    write(QStringLiteral("odd.json"), "{\"divergence_lookback\": 99}");
    write(QStringLiteral("bucket.json"), "{\"position_size_by_score\": {\"9+\": 2}}");
}

void TestCliErrors::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("mustSay"); // substrings of stderr; $D = temp dir

    const auto bt = [](const QStringList& extra) {
        return QStringList { QStringLiteral("backtest"), QStringLiteral("--out"), QStringLiteral("$D/out") }
        + extra;
    };
    const auto data = [&](const char* file) {
        return bt({ QStringLiteral("--data"), QStringLiteral("$D/") + QLatin1String(file) });
    };
    const auto cfg = [&](const char* file) {
        return data("good.csv")
            + QStringList { QStringLiteral("--config"), QStringLiteral("$D/") + QLatin1String(file) };
    };
    using L = QStringList;
    QTest::newRow("no command") << L {} << 2 << L { QStringLiteral("Usage") };
    QTest::newRow("unknown command") << L { QStringLiteral("frobnicate") } << 2
                                     << L { QStringLiteral("frobnicate") };
    QTest::newRow("no --out") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("100") }
                              << 2 << L { QStringLiteral("--out") };
    QTest::newRow("two sources") << bt({ QStringLiteral("--simulate"), QStringLiteral("10"),
        QStringLiteral("--data"), QStringLiteral("$D/good.csv") })
                                 << 2 << L { QStringLiteral("exactly one source") };
    QTest::newRow("missing file") << data("nope.csv.gz") << 2 << L { QStringLiteral("nope.csv.gz") };
    QTest::newRow("malformed row") << data("badrow.csv") << 2 << L { QStringLiteral("badrow.csv:3") };
    QTest::newRow("skip bad rows") << data("badrow.csv") + L { QStringLiteral("--skip-bad-rows") } << 0
                                   << L { QStringLiteral("skipped 1 malformed row(s), the first on line 3") };
    QTest::newRow("out of order") << data("unordered.csv") << 0
                                  << L { QStringLiteral("dropped 1 duplicate or out-of-order bar(s)"),
                                         QStringLiteral("1704067200000") };
    QTest::newRow("bad format") << data("good.csv")
            + L { QStringLiteral("--format"), QStringLiteral("parquet") }
                                << 2 << L { QStringLiteral("parquet") };
    QTest::newRow("bad --from") << data("good.csv")
            + L { QStringLiteral("--from"), QStringLiteral("yesterday") }
                                << 2 << L { QStringLiteral("--from"), QStringLiteral("yesterday") };
    QTest::newRow("config missing") << cfg("absent.json") << 2
                                    << L { QStringLiteral("absent.json"), QStringLiteral("not found") };
    QTest::newRow("config malformed")
        << cfg("malformed.json") << 2 << L { QStringLiteral("malformed.json"), QStringLiteral("line 4") };
    QTest::newRow("config unknown key")
        << cfg("unknown.json") << 2 << L { QStringLiteral("unknown.json"), QStringLiteral("squeeze_lenght") };
    QTest::newRow("config wrong type")
        << cfg("wrongtype.json") << 2 << L { QStringLiteral("max_open_positions"), QStringLiteral("number") };
    QTest::newRow("config out of range")
        << cfg("range.json") << 2 << L { QStringLiteral("max_drawdown_percent"), QStringLiteral("range") };
    QTest::newRow("config odd lookback")
        << cfg("odd.json") << 2 << L { QStringLiteral("divergence_lookback"), QStringLiteral("even") };
    QTest::newRow("config bad bucket")
        << cfg("bucket.json") << 2 << L { QStringLiteral("position_size_by_score.9+") };
    QTest::newRow("simulate without --out") << L { QStringLiteral("simulate"), QStringLiteral("--bars"),
        QStringLiteral("10") } << 2 << L { QStringLiteral("--out") };
    QTest::newRow("bad bar count") << L { QStringLiteral("simulate"), QStringLiteral("--bars"),
        QStringLiteral("-5"), QStringLiteral("--out"), QStringLiteral("$D/x.csv") }
                                   << 2 << L { QStringLiteral("--bars") };
}

void TestCliErrors::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, mustSay);
    for (QString& a : args)
        a.replace(QLatin1String("$D"), m_dir.path());
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == exitCode,
        qPrintable(QStringLiteral("exit %1, stderr: %2").arg(run.exitCode).arg(run.err)));
    const QString all = run.err + run.out;
    for (QString s : mustSay) {
        s.replace(QLatin1String("$D"), m_dir.path());
        QVERIFY2(all.contains(s), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(s, all)));
    }
    QVERIFY2(!run.err.contains(QLatin1String("terminate called")), qPrintable(run.err));
}

void TestCliErrors::versionAndHelp()
{
    CliRun r = runCli({ QStringLiteral("--version") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QLatin1String("veloce-cli ")));
    for (const char* cmd : { "backtest", "simulate", "bench" }) {
        r = runCli({ QLatin1String(cmd), QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("--")), qPrintable(r.out));
    }
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_clierrors.moc"
