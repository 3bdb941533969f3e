// `veloce-cli bench` as README's performance section runs it, on small sizes: every figure and
// every ratio is printed, the references really read the whole file, and the naive scorer the
// ratios are quoted against agrees with the engine's scorer. No speed is asserted: the figures
// are the benchmark's business.
#include "clirunner.h"

#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

class TestBenchCli : public QObject
{
    Q_OBJECT
private slots:
    void printsFiguresAndRatios();
};

void TestBenchCli::printsFiguresAndRatios()
{
    const CliRun r = runCli({ QStringLiteral("bench"), QStringLiteral("--bars"), QStringLiteral("30000"),
        QStringLiteral("--naive-bars"), QStringLiteral("30000"), QStringLiteral("--parse-rows"),
        QStringLiteral("20000") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const nlohmann::json j = nlohmann::json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), qPrintable(r.out));

    QCOMPARE(j.at("engine_bars").get<std::int64_t>(), 30000);
    QVERIFY(
        j.at("engine_trades").get<std::int64_t>() > 0); // a benchmark that trades nothing measures nothing
    // Over the same 30 000 bars the reference finds exactly the engine's signals.
    QCOMPARE(j.at("naive_scorer_bars").get<std::int64_t>(), 30000);
    QVERIFY(j.at("strategy_signals").get<std::int64_t>() > 0);
    QCOMPARE(j.at("naive_scorer_signals").get<std::int64_t>(), j.at("strategy_signals").get<std::int64_t>());
    QCOMPARE(j.at("engine_signals").get<std::int64_t>(), j.at("strategy_signals").get<std::int64_t>());
    // Both files parsed whole (the line counts of wc were checked against these by the command).
    QCOMPARE(j.at("parse_rows").get<std::int64_t>(), 20000);
    QVERIFY(j.at("gz_parse_bytes").get<std::int64_t>() < j.at("parse_bytes").get<std::int64_t>());
    for (const char* key :
        { "engine_bars_per_second", "strategy_bars_per_second", "naive_scorer_bars_per_second",
            "engine_vs_naive_scorer", "strategy_vs_naive_scorer", "parse_rows_per_second",
            "parse_time_vs_wc_l", "gz_parse_rows_per_second", "gz_parse_time_vs_gzip_dc_wc_l" }) {
        const double v = j.at(key).get<double>();
        QVERIFY2(std::isfinite(v) && v > 0, key);
    }
    QVERIFY2(r.err.contains(QLatin1String("x the naive scorer")), qPrintable(r.err));
    QVERIFY2(
        r.err.contains(QLatin1String("the time of `gzip -dc | wc -l` on the same file")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestBenchCli)
#include "tst_benchcli.moc"
