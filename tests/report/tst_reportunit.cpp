// Report logic without a browser: escaping, decimation, the collector's bounds, the JSON round
// trip and the result-folder reader's error messages.
#include "data/dataerror.h"
#include "report/decimatedseries.h"
#include "report/htmlescape.h"
#include "report/htmlreport.h"
#include "report/reportcollector.h"
#include "report/reportjson.h"
#include "report/resultfolder.h"
#include "report/resultwriter.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>

using namespace veloce;

namespace {

struct MergeOhlc
{
    void operator()(Bar& a, const Bar& b) const
    {
        a.high = std::max(a.high, b.high);
        a.low = std::min(a.low, b.low);
        a.close = b.close;
        a.vbuy += b.vbuy;
        a.vsell += b.vsell;
    }
};

// A random walk of 1-second bars with gaps, deterministic.
std::vector<Bar> walk(int n, std::int64_t t0, std::int64_t stepMs, double gapChance, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<Bar> bars;
    double p = 100.0;
    std::int64_t t = t0;
    for (int i = 0; i < n; ++i) {
        t += stepMs;
        if (rng.generateDouble() < gapChance)
            t += stepMs * (1 + rng.bounded(20));
        const double o = p;
        p *= 1.0 + (rng.generateDouble() - 0.5) * 0.002;
        const double hi = std::max(o, p) * (1 + rng.generateDouble() * 0.001);
        const double lo = std::min(o, p) * (1 - rng.generateDouble() * 0.001);
        bars.push_back(Bar { t, o, hi, lo, p, rng.generateDouble(), rng.generateDouble() });
    }
    return bars;
}

// The reference: aggregate every bar at a fixed width in one pass.
std::vector<Bar> aggregate(const std::vector<Bar>& bars, std::int64_t width)
{
    std::vector<Bar> out;
    for (const Bar& b : bars) {
        const std::int64_t start = DecimatedSeries<Bar, MergeOhlc>::floorDiv(b.t, width) * width;
        if (!out.empty() && out.back().t == start) {
            MergeOhlc()(out.back(), b);
        } else {
            out.push_back(b);
            out.back().t = start;
        }
    }
    return out;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestReportUnit : public QObject
{
    Q_OBJECT

private slots:
    void htmlTextIsEscaped_data();
    void htmlTextIsEscaped();
    void scriptJsonCannotCloseTheScript();
    void decimationEqualsAggregationAtTheFinalWidth_data();
    void decimationEqualsAggregationAtTheFinalWidth();
    void collectorStaysBoundedAndKeepsExtremes();
    void collectorMarksViewsFinerThanTheData();
    void collectorCountsEveryTradeAndSignal();
    void reportDataFileRoundTrips();
    void renderedPageEmbedsEverythingOnce();
    void resultFolderErrorsNameFileAndLine_data();
    void resultFolderErrorsNameFileAndLine();
};

void TestReportUnit::htmlTextIsEscaped_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                            << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
    QTest::newRow("quotes") << QStringLiteral("a\"b'c&d") << QStringLiteral("a&quot;b&#39;c&amp;d");
    QTest::newRow("plain") << QStringLiteral("BTCUSDT \u2014 ok") << QStringLiteral("BTCUSDT \u2014 ok");
}

void TestReportUnit::htmlTextIsEscaped()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QCOMPARE(HtmlEscape::text(raw), escaped);
}

void TestReportUnit::scriptJsonCannotCloseTheScript()
{
    nlohmann::json j;
    j["market"] = "<script>alert(1)</script>";
    j["config"] = "x\"y'</script><!-- & \u2028\u2029 end";
    const std::string raw = j.dump();
    const std::string safe = HtmlEscape::scriptJson(raw);
    QVERIFY(safe.find('<') == std::string::npos);
    QVERIFY(safe.find('>') == std::string::npos);
    QVERIFY(safe.find('&') == std::string::npos);
    QVERIFY(safe.find("\xE2\x80\xA8") == std::string::npos);
    QVERIFY(safe.find("\xE2\x80\xA9") == std::string::npos);
    QVERIFY(safe.find("\\u003c/script\\u003e") != std::string::npos);
    // What the page's JSON.parse() gets back is the original text.
    QVERIFY(nlohmann::json::parse(safe) == j);
}

void TestReportUnit::decimationEqualsAggregationAtTheFinalWidth_data()
{
    QTest::addColumn<int>("bars");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<double>("gaps");
    QTest::newRow("fits, 1m of 1s") << 5000 << qint64(1000) << qint64(60000) << 1000 << 0.0;
    QTest::newRow("1s view of 1s bars") << 100000 << qint64(1000) << qint64(1000) << 1000 << 0.0;
    QTest::newRow("gappy") << 100000 << qint64(1000) << qint64(1000) << 777 << 0.05;
    QTest::newRow("1s view of 1m bars") << 20000 << qint64(60000) << qint64(1000) << 500 << 0.01;
    QTest::newRow("negative times") << 20000 << qint64(1000) << qint64(1000) << 300 << 0.0;
}

void TestReportUnit::decimationEqualsAggregationAtTheFinalWidth()
{
    QFETCH(int, bars);
    QFETCH(qint64, stepMs);
    QFETCH(qint64, baseMs);
    QFETCH(int, capacity);
    QFETCH(double, gaps);
    const std::int64_t t0
        = QByteArray(QTest::currentDataTag()) == "negative times" ? -7777777 : 1759276800000;
    const auto input = walk(bars, t0, stepMs, gaps, 7);
    DecimatedSeries<Bar, MergeOhlc> series(baseMs, std::size_t(capacity));
    for (const Bar& b : input)
        series.add(b);
    QVERIFY(series.points().size() <= std::size_t(capacity));
    QCOMPARE(series.widthMs() % baseMs, 0);
    QCOMPARE(series.baseBuckets(), std::int64_t(aggregate(input, baseMs).size()));
    const auto expected = aggregate(input, series.widthMs());
    QCOMPARE(series.points().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Bar& a = series.points()[i];
        const Bar& e = expected[i];
        QCOMPARE(a.t, e.t);
        QCOMPARE(a.open, e.open);
        QCOMPARE(a.high, e.high);
        QCOMPARE(a.low, e.low);
        QCOMPARE(a.close, e.close);
        QVERIFY(qAbs(a.vbuy - e.vbuy) < 1e-9 * std::max(1.0, e.vbuy));
    }
}

void TestReportUnit::collectorStaysBoundedAndKeepsExtremes()
{
    ReportLimits limits;
    limits.candlesPerView = 400;
    limits.scorePoints = 300;
    limits.equityPoints = 200;
    ReportCollector collector(limits);
    const auto input = walk(200000, 1759276800000, 1000, 0.0, 3);
    double maxHigh = 0, minLow = 1e300, maxTotal = 0, maxDd = 0;
    for (std::size_t i = 0; i < input.size(); ++i) {
        PhaseScores s;
        s.total = (i == 123457) ? 9.5 : 1.0; // one spike must survive decimation
        s.squeeze = 0.5;
        collector.onBar(input[i], s);
        maxHigh = std::max(maxHigh, input[i].high);
        minLow = std::min(minLow, input[i].low);
        maxTotal = std::max(maxTotal, s.total);
        if (i % 60 == 59) {
            const double dd = (i == 99959) ? 0.31 : 0.01;
            maxDd = std::max(maxDd, dd);
            collector.onEquity(EquityPoint { input[i].t, 1e5, 1e5, dd });
        }
    }
    const ReportData d = collector.result(BacktestSummary(), QStringLiteral("test"), Config());
    QCOMPARE(d.views.size(), std::size_t(4));
    for (const CandleView& v : d.views) {
        QVERIFY2(v.candles.points.size() <= limits.candlesPerView, qPrintable(v.label));
        if (v.state != CandleView::State::Shown)
            continue;
        double h = 0, l = 1e300;
        for (const Bar& b : v.candles.points) {
            h = std::max(h, b.high);
            l = std::min(l, b.low);
        }
        QCOMPARE(h, maxHigh); // decimated candles still show the run's real extremes
        QCOMPARE(l, minLow);
    }
    // 200 000 one-second candles do not fit 400: merged wider than a minute, so the 1m view says it all.
    QCOMPARE(d.views[0].state, CandleView::State::CoarserViewSuffices);
    QCOMPARE(d.views[0].runCandles, std::int64_t(200000));
    QCOMPARE(d.views[3].state, CandleView::State::Shown);
    QCOMPARE(d.views[3].candles.widthMs, std::int64_t(3600000));
    QVERIFY(d.scores.points.size() <= limits.scorePoints);
    QVERIFY(d.equity.points.size() <= limits.equityPoints);
    double seenTotal = 0, seenDd = 0;
    for (const auto& p : d.scores.points)
        seenTotal = std::max(seenTotal, p.scores.total);
    for (const auto& p : d.equity.points)
        seenDd = std::max(seenDd, p.drawdown);
    QCOMPARE(seenTotal, maxTotal);
    QCOMPARE(seenDd, maxDd);
    QCOMPARE(d.dataSpacingMs, std::int64_t(1000));
}

void TestReportUnit::collectorMarksViewsFinerThanTheData()
{
    ReportCollector collector;
    for (const Bar& b : walk(3000, 1759276800000, 60000, 0.0, 5))
        collector.onBar(b, PhaseScores());
    const ReportData d = collector.result(BacktestSummary(), QString(), Config());
    QCOMPARE(d.dataSpacingMs, std::int64_t(60000));
    QCOMPARE(d.views[0].state, CandleView::State::FinerThanData);
    QVERIFY(d.views[0].candles.points.empty());
    QCOMPARE(d.views[1].state, CandleView::State::Shown);
    QCOMPARE(d.views[1].candles.points.size(), std::size_t(3000));
    QCOMPARE(d.views[1].candles.widthMs, std::int64_t(60000));
    QCOMPARE(d.views[2].candles.points.size(), std::size_t(601)); // minutes 1..3000: 5m buckets 0..600
}

void TestReportUnit::collectorCountsEveryTradeAndSignal()
{
    ReportLimits limits;
    limits.trades = 10;
    limits.markerBins = 16;
    ReportCollector collector(limits);
    std::int64_t t = 1759276800000;
    for (int i = 0; i < 100; ++i) {
        SignalRecord rec;
        rec.signal.t = t + i * 60000;
        rec.signal.side = i % 3 ? Side::Long : Side::Short;
        rec.accepted = i % 2 == 0;
        rec.reason = rec.accepted ? RejectReason::None
                                  : (i % 4 == 1 ? RejectReason::Margin : RejectReason::MaxPositions);
        collector.onSignal(rec);
        if (rec.accepted) {
            Trade tr;
            tr.entryMs = rec.signal.t;
            tr.exitMs = rec.signal.t + 30000;
            tr.side = rec.signal.side;
            tr.reason = i % 6 == 0 ? ExitReason::Stop : ExitReason::Target;
            tr.pnl = i;
            collector.onTrade(tr);
        }
    }
    ReportData d;
    collector.fillEvents(d);
    QCOMPARE(d.tradeCount, std::int64_t(50));
    QCOMPARE(d.trades.size(), std::size_t(10));
    QCOMPARE(d.signalTally.total(), std::int64_t(100));
    QCOMPARE(d.signalTally.count[0][0] + d.signalTally.count[0][1], std::int64_t(50));
    QCOMPARE(
        d.signalTally.count[int(RejectReason::Margin)][0] + d.signalTally.count[int(RejectReason::Margin)][1],
        std::int64_t(25));
    QVERIFY(d.entries.points.size() <= 16);
    QVERIFY(d.exits.points.size() <= 16);
    std::int64_t entries = 0, exits = 0, stops = 0;
    for (const auto& b : d.entries.points)
        entries += b.longs + b.shorts;
    for (const auto& b : d.exits.points) {
        exits += b.stop + b.target + b.end + b.other;
        stops += b.stop;
    }
    QCOMPARE(entries, std::int64_t(50)); // every marker is kept, merged into fewer bins
    QCOMPARE(exits, std::int64_t(50));
    QCOMPARE(stops, std::int64_t(17));
}

void TestReportUnit::reportDataFileRoundTrips()
{
    ReportLimits limits;
    limits.candlesPerView = 1000;
    ReportCollector collector(limits);
    const auto input = walk(20000, 1759276800000, 1000, 0.02, 11);
    for (const Bar& b : input) {
        PhaseScores s;
        s.squeeze = 1.0 / 3.0;
        s.total = b.close / 37.0;
        collector.onBar(b, s);
        if (b.t % 60000 < 1000)
            collector.onEquity(EquityPoint { b.t, 100000.0 + b.close / 7.0, 0, 0.001 * (b.close - 99) });
    }
    Config config;
    config.influxDatabase = QStringLiteral("db \"quoted\" </script>");
    BacktestSummary summary;
    summary.symbol = QStringLiteral("TEST");
    const ReportData d = collector.result(summary, QStringLiteral("walk \u00e9"), config);
    const std::string first = ReportJson::seriesFile(d);
    ReportData back;
    ReportJson::readSeriesFile(nlohmann::ordered_json::parse(first), QStringLiteral("mem"), back);
    QCOMPARE(back.source, d.source);
    QCOMPARE(back.configHash, d.configHash);
    QVERIFY(back.config.dump() == d.config.dump());
    QCOMPARE(back.views.size(), d.views.size());
    QCOMPARE(back.views[0].candles.points.size(), d.views[0].candles.points.size());
    // Rounded chart values are a fixed point of writing: the file reads back to itself.
    QVERIFY(ReportJson::seriesFile(back) == first);
    QCOMPARE(back.views[1].candles.points[5].high, d.views[1].candles.points[5].high); // prices exact
}

void TestReportUnit::renderedPageEmbedsEverythingOnce()
{
    ReportCollector collector;
    for (const Bar& b : walk(5000, 1759276800000, 1000, 0.0, 1))
        collector.onBar(b, PhaseScores());
    BacktestSummary summary;
    summary.symbol = QStringLiteral("<script>alert(1)</script>");
    Config config;
    config.freqtradePair = QStringLiteral("\"</script><script>alert(2)</script>");
    const ReportData d = collector.result(summary, QStringLiteral("<img src=x onerror=alert(3)>"), config);
    const QByteArray html = HtmlReport::render(d);
    // Exactly the three script elements of the template close; the data cannot close one early.
    QCOMPARE(html.count("</script>"), 3);
    QCOMPARE(html.count("<script"), 3);
    QVERIFY(!html.contains("<img"));
    QVERIFY(
        html.contains("<title>Veloce backtest \xE2\x80\x94 &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    QVERIFY(!html.contains("{{"));
    QVERIFY(html.contains("TradingView Lightweight Charts"));
    QVERIFY(html.contains("Apache License"));
    QVERIFY(html.contains("LightweightCharts"));
    // No reference to anything outside the file (links in the notices are not loads).
    QVERIFY(!html.contains("src=\"http"));
    QVERIFY(!html.contains("href=\"http://"));
}

void TestReportUnit::resultFolderErrorsNameFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray tradesHeader
        = "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score\n";
    const QByteArray row = "1000,2000,LONG,1,2,1,1,0,target,4.5\n";
    QTest::newRow("bad side") << QStringLiteral("trades.csv")
                              << (tradesHeader + row + "1000,3000,UP,1,2,1,1,0,stop,4\n")
                              << QStringLiteral("trades.csv:3: side \"UP\"");
    QTest::newRow("bad number") << QStringLiteral("trades.csv")
                                << (tradesHeader + "1000,2000,LONG,1,abc,1,1,0,stop,4\n")
                                << QStringLiteral("trades.csv:2: exit_price \"abc\" is not a number");
    QTest::newRow("short row") << QStringLiteral("trades.csv") << (tradesHeader + "1000,2000,LONG\n")
                               << QStringLiteral("trades.csv:2: 3 fields, expected 10");
    QTest::newRow("header") << QStringLiteral("trades.csv") << QByteArray("t,x\n")
                            << QStringLiteral("trades.csv:1: expected the header");
    QTest::newRow("reason") << QStringLiteral("signals.csv")
                            << QByteArray("t,side,score,size_fraction,stop,target,accepted,reject_reason\n"
                                          "1000,LONG,4,0.5,1,2,0,because\n")
                            << QStringLiteral("signals.csv:2: reject_reason \"because\" is unknown");
    QTest::newRow("json") << QStringLiteral("report-data.json")
                          << QByteArray("{\"format\":1,\n\"views\":[,]}")
                          << QStringLiteral("report-data.json: malformed JSON at line 2, column 10");
    QTest::newRow("json key") << QStringLiteral("report-data.json") << QByteArray("{\"format\":1}")
                              << QStringLiteral("report-data.json: key \"app_version\": missing");
    QTest::newRow("count") << QStringLiteral("trades.csv") << (tradesHeader + row + row)
                           << QStringLiteral("has 2 trades but");
}

void TestReportUnit::resultFolderErrorsNameFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A valid one-trade, one-signal folder, then one file replaced by the broken one.
    {
        ResultWriter writer(dir.path(), false);
        ReportCollector collector;
        SignalRecord rec;
        rec.signal.t = 1000;
        rec.accepted = true;
        writer.onSignal(rec);
        Trade tr;
        tr.entryMs = 1000;
        tr.exitMs = 2000;
        tr.reason = ExitReason::Target;
        writer.onTrade(tr);
        BacktestSummary summary;
        summary.totalTrades = 1;
        summary.signalCount = 1;
        writer.finish(summary, collector.result(summary, QString(), Config()));
    }
    QVERIFY(ResultFolder::read(dir.path()).tradeCount == 1); // the intact folder reads
    writeFile(dir.filePath(file), content);
    try {
        ResultFolder::read(dir.path());
        QFAIL("no DataError");
    } catch (const DataError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY2(e.message().contains(dir.filePath(file)), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestReportUnit)
#include "tst_reportunit.moc"
