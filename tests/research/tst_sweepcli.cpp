// `veloce-cli sweep`, `sweep-merge` and `walkforward` as a user runs them, on the real October 2025
// and Q1 2024 BTCUSDT minutes: random sweep.csv rows equal `veloce-cli backtest` with that
// configuration field by field; sweep.json, best/, several markets, shards merged back, invalid
// grids reported like the config loader does, and the walk-forward outputs.
#include "clirunner.h"
#include "sweepfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {

const QString kOctober
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");
const QString kQ1 = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2024-01-01_2024-03-31.csv.gz");

// 3 * 2 * 2 * 2 = 24 configurations: indicator keys and portfolio keys.
const char* kGrid = R"({
  "squeeze_length": {"from": 20, "to": 30, "step": 5},
  "squeeze_keltner": ["range", "atr"],
  "min_entry_score": [3.5, 4.5],
  "fee_rate": [0, 0.0004]
})";

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

double number(const QString& cell)
{
    bool ok = false;
    const double v = cell.toDouble(&ok);
    return ok ? v : std::nan("");
}

} // namespace

class TestSweepCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void randomRowsEqualBacktests();
    void sweepJsonDescribesTheRun();
    void bestFolderIsTheBestRow();
    void severalMarketsAreRankedByWorstAndMedian();
    void shardsMergeIntoTheLocalSweep();
    void badInputIsNamed_data();
    void badInputIsNamed();
    void invalidCombinationsReadLikeTheConfigLoader();
    void walkForwardWritesWindowsAndOutOfSample();

private:
    QTemporaryDir m_tmp;
    QString m_grid;
    QString m_out;
    SweepFiles::Table m_table;
};

void TestSweepCli::initTestCase()
{
    m_grid = m_tmp.filePath(QStringLiteral("grid.json"));
    writeFile(m_grid, kGrid);
    m_out = m_tmp.filePath(QStringLiteral("sweep"));
    const CliRun run
        = runCli({ QStringLiteral("sweep"), QStringLiteral("--data"), kOctober, QStringLiteral("--grid"),
            m_grid, QStringLiteral("--out"), m_out, QStringLiteral("--jobs"), QStringLiteral("2") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_table = SweepFiles::readCsv(QDir(m_out).filePath(QStringLiteral("sweep.csv")));
    QCOMPARE(m_table.rows.size(), std::size_t(24));
    // The grid keys first (after the market), then summary.json's fields by their names.
    QCOMPARE(m_table.header.mid(0, 5),
        SweepFiles::words("market squeeze_length squeeze_keltner min_entry_score fee_rate"));
    QCOMPARE(m_table.header[5], QStringLiteral("symbol"));
    QVERIFY(m_table.header.contains(QStringLiteral("phase_activity.volume")));
    QVERIFY(run.out.contains(QLatin1String("\"deflated_sharpe\"")));
}

void TestSweepCli::randomRowsEqualBacktests()
{
    QRandomGenerator random(20241101);
    for (int draw = 0; draw < 5; ++draw) {
        const auto& row = m_table.rows[random.bounded(static_cast<int>(m_table.rows.size()))];
        // The row's configuration as a config file, exactly as a user would write it.
        const QString config = m_tmp.filePath(QStringLiteral("row%1.json").arg(draw));
        writeFile(config,
            QStringLiteral(
                R"({"squeeze_length": %1, "squeeze_keltner": "%2", "min_entry_score": %3, "fee_rate": %4})")
                .arg(row.at("squeeze_length"), row.at("squeeze_keltner"), row.at("min_entry_score"),
                    row.at("fee_rate"))
                .toUtf8());
        const QString out = m_tmp.filePath(QStringLiteral("backtest%1").arg(draw));
        const CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), kOctober,
            QStringLiteral("--config"), config, QStringLiteral("--out"), out });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto summary
            = SweepFiles::flatten(SweepFiles::readJson(QDir(out).filePath(QStringLiteral("summary.json"))));
        QVERIFY(summary.size() >= 24);
        int compared = 0;
        for (const auto& [key, value] : summary) {
            QVERIFY2(row.count(key.toStdString()),
                qPrintable(QStringLiteral("sweep.csv lacks summary.json's %1").arg(key)));
            if (key == QLatin1String("elapsed_ms") || key == QLatin1String("bars_per_second"))
                continue; // wall time
            const QString cell = row.at(key.toStdString());
            if (value.isString())
                QCOMPARE(cell, value.toString());
            else if (value.isNull())
                QVERIFY2(cell.isEmpty(), qPrintable(key));
            else
                QVERIFY2(number(cell) == value.toDouble(),
                    qPrintable(QStringLiteral("%1: sweep %2, backtest %3")
                                   .arg(key, cell)
                                   .arg(value.toDouble(), 0, 'g', 17)));
            ++compared;
        }
        QVERIFY(compared >= 22);
        QVERIFY(number(row.at("total_trades")) > 0);
    }
}

void TestSweepCli::sweepJsonDescribesTheRun()
{
    const QJsonObject j = SweepFiles::readJson(QDir(m_out).filePath(QStringLiteral("sweep.json")));
    QCOMPARE(j[QLatin1String("configurations")].toInt(), 24);
    QCOMPARE(j[QLatin1String("completed")].toInt(), 24);
    QCOMPARE(j[QLatin1String("objective")].toObject()[QLatin1String("key")].toString(),
        QStringLiteral("sharpe_ratio"));
    QCOMPARE(j[QLatin1String("grid")]
                 .toObject()[QLatin1String("squeeze_length")]
                 .toObject()[QLatin1String("step")]
                 .toInt(),
        5);
    QVERIFY(j[QLatin1String("elapsed_ms")].toDouble() > 0);
    const QJsonObject data = j[QLatin1String("data")].toArray().first().toObject();
    QFile file(kOctober);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(data[QLatin1String("file_sha256")].toString(),
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(data[QLatin1String("bars")].toInt(), 44640);
    QCOMPARE(data[QLatin1String("bars_sha256")].toString().size(), 64);

    // The best is the row with the highest sharpe_ratio (the first of equals).
    std::size_t best = 0;
    for (std::size_t r = 1; r < m_table.rows.size(); ++r)
        if (number(m_table.rows[r].at("sharpe_ratio")) > number(m_table.rows[best].at("sharpe_ratio")))
            best = r;
    const QJsonObject b = j[QLatin1String("best")].toObject();
    QCOMPARE(b[QLatin1String("index")].toInt(), static_cast<int>(best));
    QCOMPARE(b[QLatin1String("values")].toObject()[QLatin1String("squeeze_keltner")].toString(),
        m_table.rows[best].at("squeeze_keltner"));
    QCOMPARE(b[QLatin1String("config")].toObject()[QLatin1String("min_entry_score")].toDouble(),
        number(m_table.rows[best].at("min_entry_score")));
    const QJsonObject check = j[QLatin1String("overfitting")].toArray().first().toObject();
    const double dsr
        = check[QLatin1String("deflated_sharpe")].toObject()[QLatin1String("probability")].toDouble(-1);
    const double pbo = check[QLatin1String("pbo")].toObject()[QLatin1String("probability")].toDouble(-1);
    QVERIFY(dsr >= 0 && dsr <= 1);
    QVERIFY(pbo >= 0 && pbo <= 1);
    QCOMPARE(check[QLatin1String("pbo")].toObject()[QLatin1String("blocks")].toInt(), 16);
    QCOMPARE(check[QLatin1String("deflated_sharpe")].toObject()[QLatin1String("trials")].toInt(), 24);
}

void TestSweepCli::bestFolderIsTheBestRow()
{
    const QJsonObject j = SweepFiles::readJson(QDir(m_out).filePath(QStringLiteral("sweep.json")));
    const auto& row = m_table.rows[static_cast<std::size_t>(
        j[QLatin1String("best")].toObject()[QLatin1String("index")].toInt())];
    const QString best = QDir(m_out).filePath(QStringLiteral("best"));
    for (const char* file : { "summary.json", "trades.csv", "signals.csv", "equity.csv", "report-data.json" })
        QVERIFY2(QFile::exists(QDir(best).filePath(QLatin1String(file))), file);
    const auto summary
        = SweepFiles::flatten(SweepFiles::readJson(QDir(best).filePath(QStringLiteral("summary.json"))));
    for (const char* key : { "final_equity", "total_trades", "sharpe_ratio", "max_drawdown", "signals" })
        QCOMPARE(summary.at(QLatin1String(key)).toDouble(), number(row.at(key)));
    // The folder is a normal result folder: the HTML report reads it.
    const CliRun report = runCli({ QStringLiteral("report"), QStringLiteral("--in"), best,
        QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("best.html")) });
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
}

void TestSweepCli::severalMarketsAreRankedByWorstAndMedian()
{
    const QString grid = m_tmp.filePath(QStringLiteral("small.json"));
    writeFile(grid, R"({"min_entry_score": [3.5, 4.5], "squeeze_keltner": ["range", "atr"]})");
    const QString out = m_tmp.filePath(QStringLiteral("markets"));
    const CliRun run = runCli({ QStringLiteral("sweep"), QStringLiteral("--data"), kOctober,
        QStringLiteral("--data"), kQ1, QStringLiteral("--grid"), grid, QStringLiteral("--out"), out,
        QStringLiteral("--objective"), QStringLiteral("total_return") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto table = SweepFiles::readCsv(QDir(out).filePath(QStringLiteral("sweep.csv")));
    QCOMPARE(table.rows.size(), std::size_t(8));
    QCOMPARE(table.rows[0].at("market"), QStringLiteral("BTCUSDT-1m-2025-10-01_2025-10-31"));
    QCOMPARE(table.rows[1].at("market"), QStringLiteral("BTCUSDT-1m-2024-01-01_2024-03-31"));
    const auto ranking = SweepFiles::readCsv(QDir(out).filePath(QStringLiteral("sweep-summary.csv")));
    QCOMPARE(ranking.rows.size(), std::size_t(4));
    QCOMPARE(ranking.header.mid(0, 5),
        SweepFiles::words("rank min_entry_score squeeze_keltner worst_total_return median_total_return"));
    for (std::size_t r = 0; r < 4; ++r) {
        const auto& rank = ranking.rows[r];
        // worst and median recomputed from sweep.csv's two rows of the configuration
        std::vector<double> values;
        for (const auto& row : table.rows)
            if (row.at("min_entry_score") == rank.at("min_entry_score")
                && row.at("squeeze_keltner") == rank.at("squeeze_keltner"))
                values.push_back(number(row.at("total_return")));
        QCOMPARE(values.size(), std::size_t(2));
        QCOMPARE(number(rank.at("worst_total_return")), std::min(values[0], values[1]));
        QCOMPARE(number(rank.at("median_total_return")), (values[0] + values[1]) / 2);
        if (r > 0)
            QVERIFY(number(ranking.rows[r - 1].at("worst_total_return"))
                >= number(rank.at("worst_total_return")));
    }
    const QJsonObject j = SweepFiles::readJson(QDir(out).filePath(QStringLiteral("sweep.json")));
    const QJsonObject values = j[QLatin1String("best")].toObject()[QLatin1String("values")].toObject();
    QCOMPARE(QString::number(values[QLatin1String("min_entry_score")].toDouble()),
        ranking.rows[0].at("min_entry_score"));
    QCOMPARE(j[QLatin1String("overfitting")].toArray().size(), 2);
    for (const char* market : { "BTCUSDT-1m-2025-10-01_2025-10-31", "BTCUSDT-1m-2024-01-01_2024-03-31" })
        QVERIFY(QFile::exists(
            QDir(out).filePath(QStringLiteral("best/%1/summary.json").arg(QLatin1String(market)))));
}

void TestSweepCli::shardsMergeIntoTheLocalSweep()
{
    const QString out = m_tmp.filePath(QStringLiteral("sharded"));
    const QStringList common { QStringLiteral("--data"), kOctober, QStringLiteral("--grid"), m_grid };
    for (int i : { 2, 3 }) {
        const CliRun run = runCli(QStringList { QStringLiteral("sweep") } + common
            + QStringList { QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i), QStringLiteral("--out"),
                QDir(out).filePath(QStringLiteral("shards/%1").arg(i)) });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    // Shard 1 has not run: the merge names it.
    CliRun merge = runCli(QStringList { QStringLiteral("sweep-merge") } + common
        + QStringList { QStringLiteral("--out"), out });
    QCOMPARE(merge.exitCode, 2);
    QVERIFY2(merge.err.contains(QLatin1String("shard(s) 1 of 3 missing")), qPrintable(merge.err));
    const CliRun first = runCli(QStringList { QStringLiteral("sweep") } + common
        + QStringList { QStringLiteral("--shard"), QStringLiteral("1/3"), QStringLiteral("--out"),
            QDir(out).filePath(QStringLiteral("shards/1")) });
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    merge = runCli(QStringList { QStringLiteral("sweep-merge") } + common
        + QStringList { QStringLiteral("--out"), out });
    QVERIFY2(merge.exitCode == 0, qPrintable(merge.err));
    const QString diff
        = SweepFiles::sameRows(SweepFiles::readCsv(QDir(out).filePath(QStringLiteral("sweep.csv"))), m_table);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QJsonObject a = SweepFiles::readJson(QDir(out).filePath(QStringLiteral("sweep.json")));
    const QJsonObject b = SweepFiles::readJson(QDir(m_out).filePath(QStringLiteral("sweep.json")));
    QCOMPARE(a[QLatin1String("best")], b[QLatin1String("best")]);
    QCOMPARE(a[QLatin1String("overfitting")], b[QLatin1String("overfitting")]);
    QCOMPARE(a[QLatin1String("data")], b[QLatin1String("data")]);
}

void TestSweepCli::badInputIsNamed_data()
{
    QTest::addColumn<QString>("grid");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed JSON") << "{\"min_entry_score\": [4,\n 5" << QStringList()
                                    << "grid.json: malformed JSON at line 2";
    QTest::newRow("step 0") << R"({"squeeze_length": {"from": 10, "to": 20, "step": 0}})" << QStringList()
                            << "key \"squeeze_length\": range \"step\" must be greater than 0";
    QTest::newRow("unknown objective")
        << R"({"min_entry_score": [4]})"
        << QStringList { QStringLiteral("--objective"), QStringLiteral("luck") }
        << "--objective: \"luck\" is not one of";
    QTest::newRow("bad shard") << R"({"min_entry_score": [4]})"
                               << QStringList { QStringLiteral("--shard"), QStringLiteral("4/3") }
                               << "--shard: \"4/3\" is not i/N";
    QTest::newRow("missing data") << R"({"min_entry_score": [4]})"
                                  << QStringList { QStringLiteral("--data"),
                                         QStringLiteral("/nonexistent/x.csv") }
                                  << "/nonexistent/x.csv: no such file";
}

void TestSweepCli::badInputIsNamed()
{
    QFETCH(QString, grid);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grid.json"));
    writeFile(path, grid.toUtf8());
    QStringList args { QStringLiteral("sweep"), QStringLiteral("--grid"), path, QStringLiteral("--out"),
        dir.filePath(QStringLiteral("o")) };
    args << (extra.contains(QStringLiteral("--data")) ? QStringList()
                                                      : QStringList { QStringLiteral("--data"), kOctober })
         << extra;
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o/sweep.csv"))));
}

void TestSweepCli::invalidCombinationsReadLikeTheConfigLoader()
{
    QTemporaryDir dir;
    const QString grid = dir.filePath(QStringLiteral("grid.json"));
    writeFile(grid, R"({"squeeze_length": [1, 20], "divergence_lookback": [100, 3]})");
    const CliRun sweep = runCli({ QStringLiteral("sweep"), QStringLiteral("--data"), kOctober,
        QStringLiteral("--grid"), grid, QStringLiteral("--out"), dir.filePath(QStringLiteral("o")) });
    QCOMPARE(sweep.exitCode, 2);
    QVERIFY2(
        sweep.err.contains(QLatin1String("3 of 4 grid combinations are invalid")), qPrintable(sweep.err));
    // Each invalid value reads as `veloce-cli backtest --config` reports it (the file name aside).
    for (const auto& [key, value] :
        { std::pair { "squeeze_length", "1" }, std::pair { "divergence_lookback", "3" } }) {
        const QString config = dir.filePath(QStringLiteral("c.json"));
        writeFile(
            config, QStringLiteral("{\"%1\": %2}").arg(QLatin1String(key), QLatin1String(value)).toUtf8());
        const CliRun backtest = runCli({ QStringLiteral("backtest"), QStringLiteral("--simulate"),
            QStringLiteral("100"), QStringLiteral("--config"), config, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("b")) });
        QCOMPARE(backtest.exitCode, 2);
        const QString said
            = backtest.err.section(config + QStringLiteral(": "), 1).trimmed(); // key "...": ...
        QVERIFY2(!said.isEmpty(), qPrintable(backtest.err));
        QVERIFY2(sweep.err.contains(grid + QStringLiteral(": ") + said),
            qPrintable(sweep.err + QStringLiteral("\nwant: ") + said));
    }
    QCOMPARE(sweep.err.count(QLatin1String("\n  combination ")), 3);
}

void TestSweepCli::walkForwardWritesWindowsAndOutOfSample()
{
    const QString grid = m_tmp.filePath(QStringLiteral("wf.json"));
    writeFile(grid, R"({"min_entry_score": [3.5, 4.5], "squeeze_keltner": ["range", "atr"]})");
    const QString out = m_tmp.filePath(QStringLiteral("walkforward"));
    const CliRun run = runCli({ QStringLiteral("walkforward"), QStringLiteral("--data"), kQ1,
        QStringLiteral("--grid"), grid, QStringLiteral("--train"), QStringLiteral("30d"),
        QStringLiteral("--test"), QStringLiteral("14d"), QStringLiteral("--out"), out });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // 2024-01-01 00:00 .. 2024-03-31 23:59 (91 days): trains start on days 0, 14, 28, 42, 56 (the last test
    // cut at the end).
    const auto windows = SweepFiles::readCsv(QDir(out).filePath(QStringLiteral("walkforward.csv")));
    QCOMPARE(windows.rows.size(), std::size_t(5));
    QCOMPARE(windows.header.mid(0, 7),
        SweepFiles::words(
            "window train_from_ms train_to_ms test_from_ms test_to_ms min_entry_score squeeze_keltner"));
    for (const char* column : { "in_sample_sharpe_ratio", "out_of_sample_sharpe_ratio", "efficiency",
             "in_sample_deflated_sharpe", "in_sample_pbo" })
        QVERIFY2(windows.header.contains(QLatin1String(column)), column);
    QCOMPARE(windows.rows[0].at("train_from_ms"), QStringLiteral("1704067200000"));
    QCOMPARE(windows.rows[1].at("test_from_ms"), QStringLiteral("%1").arg(1704067200000LL + 44LL * 86400000));
    const QJsonObject j = SweepFiles::readJson(QDir(out).filePath(QStringLiteral("walkforward.json")));
    QVERIFY(j.contains(QLatin1String("walk_forward_efficiency")));
    QCOMPARE(j[QLatin1String("windows")].toArray().size(), 5);
    // The stitched out-of-sample run is a normal result folder with every test bar.
    const QString oos = QDir(out).filePath(QStringLiteral("out-of-sample"));
    const QJsonObject summary = SweepFiles::readJson(QDir(oos).filePath(QStringLiteral("summary.json")));
    QCOMPARE(summary[QLatin1String("start_ms")].toDouble(), number(windows.rows[0].at("test_from_ms")));
    QCOMPARE(summary[QLatin1String("bars")].toInt(), 131040 - 30 * 1440);
    const CliRun report = runCli({ QStringLiteral("report"), QStringLiteral("--in"), oos,
        QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("oos.html")) });
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
}

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
