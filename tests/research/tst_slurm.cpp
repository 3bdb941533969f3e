// `veloce-cli sweep --slurm` on a real one-node Slurm cluster started here (SlurmCluster): a
// 4-shard array job merges into exactly the local sweep, and a shard killed in the queue is named
// with its index, the merge refused, and the shard resubmitted alone completes the same result.
#include "clirunner.h"
#include "slurmcluster.h"
#include "sweepfiles.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <unistd.h>

namespace {
const QString kOctober
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");
const QString kCli = QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli");
} // namespace

class TestSlurm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fourShardsEqualTheLocalSweep();
    void killedShardIsNamedAndResubmittedAlone();

private:
    // `veloce-cli sweep --slurm --shards 4 ... --out OUT EXTRA` against the test cluster, started.
    void startSlurmSweep(QProcess& driver, const QString& out, const QStringList& extra = {});
    CliRun slurmSweep(const QString& out, const QStringList& extra = {});
    void compareWithLocal(const QString& out);

    SlurmCluster m_cluster;
    QTemporaryDir m_tmp;
    QStringList m_inputs;
    QString m_local;
};

void TestSlurm::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("slurmd runs jobs as their user and needs root here; CI runs as root");
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    const QString grid = m_tmp.filePath(QStringLiteral("grid.json"));
    QFile f(grid);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"squeeze_keltner": ["range", "atr"], "min_entry_score": [3.5, 4, 4.5], "max_open_positions": [1, 2]})");
    f.close();
    m_inputs = QStringList { QStringLiteral("--data"), kOctober, QStringLiteral("--grid"), grid,
        QStringLiteral("--jobs"), QStringLiteral("1") };
    m_local = m_tmp.filePath(QStringLiteral("local"));
    const CliRun local = runCli(QStringList { QStringLiteral("sweep") } + m_inputs
        + QStringList { QStringLiteral("--out"), m_local });
    QVERIFY2(local.exitCode == 0, qPrintable(local.err));
}

void TestSlurm::startSlurmSweep(QProcess& driver, const QString& out, const QStringList& extra)
{
    driver.setProcessEnvironment(m_cluster.environment());
    driver.setWorkingDirectory(m_tmp.path());
    driver.start(kCli,
        QStringList { QStringLiteral("sweep"), QStringLiteral("--slurm"), QStringLiteral("--shards"),
            QStringLiteral("4") }
            + m_inputs + QStringList { QStringLiteral("--out"), out } + extra);
}

CliRun TestSlurm::slurmSweep(const QString& out, const QStringList& extra)
{
    QProcess p;
    startSlurmSweep(p, out, extra);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestSlurm::compareWithLocal(const QString& out)
{
    const QString diff
        = SweepFiles::sameRows(SweepFiles::readCsv(QDir(out).filePath(QStringLiteral("sweep.csv"))),
            SweepFiles::readCsv(QDir(m_local).filePath(QStringLiteral("sweep.csv"))));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QJsonObject a = SweepFiles::readJson(QDir(out).filePath(QStringLiteral("sweep.json")));
    const QJsonObject b = SweepFiles::readJson(QDir(m_local).filePath(QStringLiteral("sweep.json")));
    for (const char* key : { "best", "overfitting", "data", "grid", "configurations", "objective" })
        QVERIFY2(a[QLatin1String(key)] == b[QLatin1String(key)], key);
    QCOMPARE(SweepFiles::readJson(
                 QDir(out).filePath(QStringLiteral("best/summary.json")))[QLatin1String("final_equity")],
        SweepFiles::readJson(
            QDir(m_local).filePath(QStringLiteral("best/summary.json")))[QLatin1String("final_equity")]);
}

void TestSlurm::fourShardsEqualTheLocalSweep()
{
    const QString out = m_tmp.filePath(QStringLiteral("slurm"));
    const CliRun run = slurmSweep(out);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("submitted Slurm job")), qPrintable(run.err));
    QFile script(QDir(out).filePath(QStringLiteral("slurm/sweep.sbatch")));
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(script.readAll());
    QVERIFY(text.contains(QLatin1String("#SBATCH --array=1-4")));
    QVERIFY(text.contains(QLatin1String("'--shard' \"${SLURM_ARRAY_TASK_ID}\"'/4'")));
    for (int i = 1; i <= 4; ++i) {
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("shards/%1/shard.json").arg(i))));
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("slurm/shard-%1.log").arg(i))));
    }
    compareWithLocal(out);
}

void TestSlurm::killedShardIsNamedAndResubmittedAlone()
{
    const QString out = m_tmp.filePath(QStringLiteral("killed"));
    QProcess driver;
    startSlurmSweep(driver, out);
    // As soon as the job is in the queue, kill its last task: it waits behind the others, so it
    // is still queued (its shard never runs).
    QString err;
    QString job;
    QElapsedTimer clock;
    clock.start();
    while (job.isEmpty() && clock.elapsed() < 60000 && driver.state() != QProcess::NotRunning) {
        driver.waitForReadyRead(100);
        err += QString::fromUtf8(driver.readAllStandardError());
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("submitted Slurm job (\\d+)")).match(err);
        if (m.hasMatch())
            job = m.captured(1);
    }
    QVERIFY2(!job.isEmpty(), qPrintable(err));
    m_cluster.command(QStringLiteral("scancel"), { job + QStringLiteral("_4") });
    QVERIFY(driver.waitForFinished(120000));
    err += QString::fromUtf8(driver.readAllStandardError());
    QCOMPARE(driver.exitCode(), 1);
    QVERIFY2(err.contains(QLatin1String("shard 4/4 failed")), qPrintable(err));
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(!err.contains(QStringLiteral("shard %1/4 failed").arg(i)), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("--resubmit 4")), qPrintable(err));
    QVERIFY(!QFile::exists(QDir(out).filePath(QStringLiteral("sweep.csv"))));
    qInfo("%s",
        qPrintable(err.section(QStringLiteral("shard 4/4 failed"), 0, 0).right(200)
            + QStringLiteral("shard 4/4 failed") + err.section(QStringLiteral("shard 4/4 failed"), 1)));

    // The hint's command: shard 4 alone, then the merge of all four.
    const CliRun again = slurmSweep(out, { QStringLiteral("--resubmit"), QStringLiteral("4") });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.err.contains(QLatin1String("shard(s) 4 of 4")), qPrintable(again.err));
    compareWithLocal(out);
}

QTEST_GUILESS_MAIN(TestSlurm)
#include "tst_slurm.moc"
