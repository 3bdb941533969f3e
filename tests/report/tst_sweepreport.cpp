// The HTML report of a sweep: made by `veloce-cli report --in SWEEP_DIR` from a real sweep of
// October 2025 BTCUSDT minutes, opened in headless Chromium (checksweepreport.js): offline, no
// console error, heatmaps with legend and the PBO histogram drawn, the best configuration, DSR and
// PBO equal sweep.json, the table complete and sortable. Also: the page from the folder is the
// page from the in-memory result (the folder keeps everything the report shows).
#include "clirunner.h"
#include "data/barfile.h"
#include "report/sweepfolder.h"
#include "report/sweephtmlreport.h"
#include "reportchecker.h"
#include "research/sweep.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace veloce;

namespace {
const char* kGrid
    = R"({"squeeze_length": {"from": 10, "to": 40, "step": 10}, "squeeze_keltner": ["range", "atr"],
  "min_entry_score": [3, 3.5, 4, 4.5, 5]})";

QString outDir()
{
    const QString dir = QStringLiteral(VELOCE_BINARY_DIR "/tests/report/output");
    QDir().mkpath(dir);
    return dir;
}
} // namespace

class TestSweepReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void folderKeepsWhatThePageShows();
    void opensOfflineWithEverythingDrawn();
};

void TestSweepReport::initTestCase()
{
    QVERIFY2(checkerMissing().isEmpty(), qPrintable(checkerMissing()));
}

void TestSweepReport::folderKeepsWhatThePageShows()
{
    auto source
        = openBarFile(QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz"));
    const auto market = MarketData::load(*source, QStringLiteral("october"));
    const SweepPlan plan(
        Grid::fromJson(nlohmann::ordered_json::parse(kGrid), QStringLiteral("grid.json")), Config());
    Sweep::Options options;
    options.jobs = 2;
    const SweepResult result = Sweep::run(plan, { market }, options);
    const QString dir = outDir() + QStringLiteral("/sweep-inprocess");
    SweepFolder::write(result, dir);
    QCOMPARE(SweepHtmlReport::render(SweepFolder::read(dir)), SweepHtmlReport::render(result));
}

void TestSweepReport::opensOfflineWithEverythingDrawn()
{
    const QString dir = outDir() + QStringLiteral("/sweep");
    const QString grid = outDir() + QStringLiteral("/sweep-grid.json");
    QFile f(grid);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(kGrid);
    f.close();
    const CliRun sweep = runCli({ QStringLiteral("sweep"), QStringLiteral("--data"),
        QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz"),
        QStringLiteral("--grid"), grid, QStringLiteral("--out"), dir });
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
    const QString html = outDir() + QStringLiteral("/sweep.html");
    const CliRun report
        = runCli({ QStringLiteral("report"), QStringLiteral("--in"), dir, QStringLiteral("--out"), html });
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    const CheckerRun run = runChecker(
        { QStringLiteral("--report"), html, QStringLiteral("--sweep"), dir + QStringLiteral("/sweep.json"),
            QStringLiteral("--screenshot"), outDir() + QStringLiteral("/sweep.png") },
        QStringLiteral(VELOCE_SWEEP_CHECKER));
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.result.value(QStringLiteral("heatmaps")).toInt(), 3);
    QVERIFY(run.result.value(QStringLiteral("compared")).toInt() >= 6);
    qInfo("sweep report: %lld bytes", qint64(QFileInfo(html).size()));
}

QTEST_GUILESS_MAIN(TestSweepReport)
#include "tst_sweepreport.moc"
