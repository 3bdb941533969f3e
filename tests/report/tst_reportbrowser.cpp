// The HTML report in a real browser: a backtest of real October 2025 BTCUSDT minutes, a report
// full of hostile text, and a long 1-second simulator run, each opened via file:// in headless
// Chromium (checkreport.js). Reports and screenshots stay in the build directory to be looked at.
// How fast a report opens is not asserted here (machines of one kind differ 2x in speed):
// tests/bench/report-bench.sh prints the size and render time of a year of 1-second bars.
#include "data/barfile.h"
#include "data/marketsimulator.h"
#include "engine/backtester.h"
#include "engine/teesink.h"
#include "report/htmlreport.h"
#include "report/reportcollector.h"
#include "report/resultfolder.h"
#include "report/resultwriter.h"
#include "report/summaryjson.h"
#include "reportchecker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace veloce;

namespace {

QString outDir()
{
    const QString dir = QStringLiteral(VELOCE_BINARY_DIR "/tests/report/output");
    QDir().mkpath(dir);
    return dir;
}

// A full run as `veloce-cli backtest --out DIR --report FILE` does it: one pass, both sinks.
BacktestSummary backtest(BarSource& source, const Config& config, const QString& dir, ReportData& data,
    const QElapsedTimer& sinceOpen)
{
    ResultWriter writer(dir, false);
    ReportCollector collector;
    TeeSink tee { &writer, &collector };
    Backtester backtester(config);
    const BacktestSummary summary = backtester.run(source, tee, sinceOpen);
    data = collector.result(summary, source.description(), config);
    writer.finish(summary, data);
    return summary;
}

} // namespace

class TestReportBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void realBacktestOpensOfflineWithEverythingVisible();
    void hostileTextIsShownNotExecuted();
    void longOneSecondRunStaysSmall();
};

void TestReportBrowser::initTestCase()
{
    QVERIFY2(checkerMissing().isEmpty(), qPrintable(checkerMissing()));
}

void TestReportBrowser::realBacktestOpensOfflineWithEverythingVisible()
{
    const QString file
        = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");
    const QString dir = outDir() + QStringLiteral("/BTCUSDT-2025-10");
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    auto source = openBarFile(file);
    ReportData data;
    const BacktestSummary summary = backtest(*source, Config(), dir, data, sinceOpen);
    QCOMPARE(summary.bars, std::int64_t(44640));
    QVERIFY(summary.totalTrades > 0);
    const QString html = outDir() + QStringLiteral("/BTCUSDT-2025-10.html");
    HtmlReport::write(data, html);

    // The same page from the folder, as `veloce-cli report --in` builds it.
    QCOMPARE(HtmlReport::render(ResultFolder::read(dir)), HtmlReport::render(data));

    const CheckerRun run = runChecker({ QStringLiteral("--report"), html, QStringLiteral("--summary"),
        dir + QStringLiteral("/summary.json"), QStringLiteral("--screenshot"),
        outDir() + QStringLiteral("/BTCUSDT-2025-10.png") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY(run.result.value(QStringLiteral("cardsCompared")).toInt() >= 22);
    QVERIFY(run.result.value(QStringLiteral("markerCount")).toInt() > 0);
    qInfo("October 2025 report: %lld bytes, rendered %.0f ms after navigation start, %d markers in view %s",
        qint64(QFileInfo(html).size()), run.result.value(QStringLiteral("renderMs")).toDouble(),
        run.result.value(QStringLiteral("markerCount")).toInt(),
        qPrintable(run.result.value(QStringLiteral("view")).toString()));
}

void TestReportBrowser::hostileTextIsShownNotExecuted()
{
    const QString symbol = QStringLiteral("<script>alert(1)</script>");
    const QString sourceText = QStringLiteral("<img src=x onerror=alert(3)> \u2028 & \"quoted\"");
    const QString configText = QStringLiteral("db\"with'quotes</script><script>alert(2)</script>");
    Config config;
    config.influxDatabase = configText;
    config.freqtradePair = QStringLiteral("</SCRIPT><!-- \u2029");
    SimulatorConfig sim;
    sim.bars = 20000;
    sim.symbol = symbol;
    MarketSimulator source(sim);
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    ReportCollector collector;
    const BacktestSummary summary = Backtester(config).run(source, collector, sinceOpen);
    QCOMPARE(summary.symbol, symbol);
    const ReportData data = collector.result(summary, sourceText, config);
    const QString html = outDir() + QStringLiteral("/hostile.html");
    HtmlReport::write(data, html);

    QFile f(outDir() + QStringLiteral("/hostile-summary.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray::fromStdString(SummaryJson::toJson(summary).dump()));
    f.close();
    const CheckerRun run = runChecker({ QStringLiteral("--report"), html, QStringLiteral("--summary"),
        f.fileName(), QStringLiteral("--expect-symbol"), symbol, QStringLiteral("--expect-source"),
        sourceText, QStringLiteral("--expect-config"), QStringLiteral("influx_database=") + configText,
        QStringLiteral("--expect-config"), QStringLiteral("freqtrade_pair=</SCRIPT><!-- \u2029"),
        QStringLiteral("--screenshot"), outDir() + QStringLiteral("/hostile.png") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
}

void TestReportBrowser::longOneSecondRunStaysSmall()
{
    // 3 million 1-second bars (35 days): the report is decimated, so it stays small and every
    // view still draws.
    SimulatorConfig sim;
    sim.bars = 3000000;
    MarketSimulator source(sim);
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    const QString dir = outDir() + QStringLiteral("/sim-35d");
    ReportData data;
    const BacktestSummary summary = backtest(source, Config(), dir, data, sinceOpen);
    QCOMPARE(summary.bars, sim.bars);
    const QString html = dir + QStringLiteral(".html");
    HtmlReport::write(data, html);
    const qint64 bytes = QFileInfo(html).size();
    // The size does not depend on the machine (the same bars give the same file); the limit is the
    // one README sets for a whole year, ten times these bars.
    QVERIFY2(bytes < 10 * 1000 * 1000, qPrintable(QString::number(bytes)));
    const CheckerRun run = runChecker({ QStringLiteral("--report"), html, QStringLiteral("--summary"),
        dir + QStringLiteral("/summary.json"), QStringLiteral("--screenshot"),
        dir + QStringLiteral(".png") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY(run.result.value(QStringLiteral("renderMs")).toDouble() > 0); // the page finished drawing
    qInfo("%lld one-second bars: %lld bytes (render time: tests/bench/report-bench.sh)", qint64(summary.bars),
        bytes);
}

QTEST_GUILESS_MAIN(TestReportBrowser)
#include "tst_reportbrowser.moc"
