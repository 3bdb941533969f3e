// `veloce-cli stats`, run as a user would: on the October 2025 klines every number equals an
// independent computation (a short Python script over the raw file, values below; the phase
// activity and strategy figures equal the golden backtest, computed by a separate implementation),
// the simulator's table has every row the issue asks for, lags take units, and bad input is
// refused with exit code 2 and a message naming the option.
#include "clirunner.h"

#include <QFile>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

namespace {

const QString kOctober
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");

nlohmann::json runJson(const QStringList& args)
{
    const CliRun run = runCli(args + QStringList { QStringLiteral("--json") });
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(run.err));
        return {};
    }
    return nlohmann::json::parse(run.out.toStdString(), nullptr, false);
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-8 * std::max(1.0, std::abs(b));
}

} // namespace

class TestStatsCli : public QObject
{
    Q_OBJECT

private slots:
    void realDataMatchesIndependentComputation_data();
    void realDataMatchesIndependentComputation();
    void phaseActivityMatchesGoldenBacktest();
    void simulatorTable();
    void lagsWithUnits();
    void badInput_data();
    void badInput();

private:
    nlohmann::json m_october;
};

void TestStatsCli::realDataMatchesIndependentComputation_data()
{
    m_october = runJson({ QStringLiteral("stats"), QStringLiteral("--data"), kOctober,
        QStringLiteral("--resample"), QStringLiteral("1m") });
    QVERIFY(m_october.is_object());

    QTest::addColumn<QString>("pointer");
    QTest::addColumn<double>("expected");
    // Log returns of the 44,640 one-minute closes; Pearson correlations of the lagged pairs,
    // population moments, variance ratios over non-overlapping blocks.
    const std::pair<const char*, double> rows[] = {
        { "/returns", 44639 },
        { "/return_acf/0", 0.0001958203337 },
        { "/return_acf/1", -0.01837958174 },
        { "/return_acf/2", -0.04057577148 },
        { "/return_acf/3", -0.0001998244703 },
        { "/return_acf/4", 2.663947137e-05 },
        { "/return_acf/5", 0.003508531396 },
        { "/return_acf/6", 0.004701261421 },
        { "/abs_return_acf/0", 0.3490550768 },
        { "/abs_return_acf/1", 0.3636126056 },
        { "/abs_return_acf/2", 0.2844509628 },
        { "/abs_return_acf/3", 0.2303596829 },
        { "/abs_return_acf/4", 0.178165018 },
        { "/abs_return_acf/5", 0.1190317203 },
        { "/abs_return_acf/6", 0.06411433677 },
        { "/variance_ratio/1", 1.012714998 },
        { "/variance_ratio/3", 1.348712337 },
        { "/variance_ratio/6", 0.8075926109 },
        { "/kurtosis", 491.1535302 },
        { "/skewness", -6.104814752 },
        { "/sd_return", 0.0006705043354 },
        { "/daily_volatility", 0.02544387348 },
        { "/max_abs_return", 0.04384534757 },
        { "/mean_volume", 16.13575907 },
        { "/volume_volatility_correlation", 0.6156679621 },
        { "/volume_acf_1", 0.7097981909 },
        { "/taker_buy_share/mean", 0.475651775 },
        { "/taker_buy_share/sd", 0.239512617 },
        { "/taker_buy_share/return_correlation", 0.3928631538 },
        { "/taker_buy_share/next_return_correlation", 0.02182576138 },
    };
    for (const auto& [pointer, value] : rows)
        QTest::newRow(pointer) << QString::fromLatin1(pointer) << value;
}

void TestStatsCli::realDataMatchesIndependentComputation()
{
    QFETCH(QString, pointer);
    QFETCH(double, expected);
    const auto p = nlohmann::json::json_pointer(pointer.toStdString());
    QVERIFY2(m_october.contains(p), qPrintable(pointer));
    const double got = m_october.at(p).get<double>();
    // The script printed ten significant digits.
    QVERIFY2(std::abs(got - expected) <= 5e-10 * std::max(1e-3, std::abs(expected)) + 5e-14,
        qPrintable(
            QStringLiteral("%1: %2 vs %3").arg(pointer).arg(got, 0, 'g', 12).arg(expected, 0, 'g', 12)));
}

void TestStatsCli::phaseActivityMatchesGoldenBacktest()
{
    for (const char* folder : { "BTCUSDT-1m-2025-10-default", "BTCUSDT-1m-2025-10-atr-fees" }) {
        QFile f(QStringLiteral(VELOCE_GOLDEN_DIR "/%1/summary.json").arg(QLatin1String(folder)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto golden = nlohmann::json::parse(f.readAll().toStdString());
        QStringList args { QStringLiteral("stats"), QStringLiteral("--data"), kOctober };
        if (QByteArray(folder).endsWith("atr-fees"))
            args << QStringLiteral("--config") << QStringLiteral(VELOCE_GOLDEN_DIR "/atr-fees.config.json");
        const auto stats = runJson(args);
        QVERIFY(stats.is_object());
        for (const char* phase : { "squeeze", "divergence", "reset", "momentum", "volume" })
            QVERIFY2(near(stats["phase_activity"][phase].get<double>(),
                         golden["phase_activity"][phase].get<double>()),
                phase);
        QVERIFY(near(stats["strategy"]["total_return"].get<double>(), golden["total_return"].get<double>()));
        QVERIFY(near(stats["strategy"]["sharpe_ratio"].get<double>(), golden["sharpe_ratio"].get<double>()));
        QCOMPARE(stats["strategy"]["trades"].get<int>(), golden["total_trades"].get<int>());
        if (QByteArray(folder).endsWith("atr-fees")) // the ATR row is the ATR config's squeeze
            QVERIFY(near(stats["phase_activity"]["squeeze_atr"].get<double>(),
                golden["phase_activity"]["squeeze"].get<double>()));
    }
}

void TestStatsCli::simulatorTable()
{
    const CliRun run = runCli({ QStringLiteral("stats"), QStringLiteral("--simulate"),
        QStringLiteral("200000"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--resample"),
        QStringLiteral("1m") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("simulator (seed 3): 200000 bars, 2024-01-01T00:00:00Z")),
        qPrintable(run.out));
    for (const char* row :
        { "| return autocorrelation, lag 1m | ", "| \\|return\\| autocorrelation, lag 4h | ",
            "| variance ratio, 1h | ", "| kurtosis | ", "| daily volatility | ",
            "| volume–volatility correlation | ", "| taker-buy share, mean ± sd | 0.",
            "| taker-buy share vs. next return | ", "| phase activity (share of bars) | squeeze 0.9",
            "| squeeze activity, atr Keltner | 0.", "| strategy: return, Sharpe, trades | " })
        QVERIFY2(run.out.contains(QString::fromUtf8(row)), row);

    // The JSON carries the same analysis: 200,000 seconds (plus the few without trades) in minutes.
    const auto json = runJson({ QStringLiteral("stats"), QStringLiteral("--simulate"),
        QStringLiteral("200000"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--resample"),
        QStringLiteral("1m") });
    QCOMPARE(json["input_bars"].get<int>(), 200000);
    QCOMPARE(json["resample_ms"].get<int>(), 60000);
    const auto minutes = json["bars"].get<int>();
    QVERIFY2(minutes >= 3334 && minutes <= 3334 + 3334 / 50, qPrintable(QString::number(minutes)));
    QVERIFY(json["strategy"]["trades"].get<int>() > 100);
}

void TestStatsCli::lagsWithUnits()
{
    const auto json
        = runJson({ QStringLiteral("stats"), QStringLiteral("--data"), kOctober, QStringLiteral("--resample"),
            QStringLiteral("1m"), QStringLiteral("--lags"), QStringLiteral("1h,1m,10m,10,2") });
    QVERIFY2(json["lags"] == nlohmann::json({ 1, 2, 10, 60 }), json["lags"].dump().c_str()); // sorted, merged
    QVERIFY(near(json["abs_return_acf"][2].get<double>(), 0.2303596829));
}

void TestStatsCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mustSay");
    using L = QStringList;
    const L data { QStringLiteral("stats"), QStringLiteral("--data"), kOctober };
    QTest::newRow("lag 0") << data + L { QStringLiteral("--lags"), QStringLiteral("1,0") }
                           << QStringLiteral("--lags: \"0\"");
    QTest::newRow("unit without --resample")
        << data + L { QStringLiteral("--lags"), QStringLiteral("10m") } << QStringLiteral("needs --resample");
    QTest::newRow("lag not a whole number of bars") << data
            + L { QStringLiteral("--resample"), QStringLiteral("1m"), QStringLiteral("--lags"),
                  QStringLiteral("90s") } << QStringLiteral("not a whole number of 1m bars");
    QTest::newRow("bad resample") << data + L { QStringLiteral("--resample"), QStringLiteral("5x") }
                                  << QStringLiteral("--resample: \"5x\" is not a duration");
    QTest::newRow("zero resample") << data + L { QStringLiteral("--resample"), QStringLiteral("0m") }
                                   << QStringLiteral("--resample: \"0m\"");
    QTest::newRow("simulate without count")
        << L { QStringLiteral("stats"), QStringLiteral("--simulate") } << QStringLiteral("--simulate");
    QTest::newRow("missing file") << L { QStringLiteral("stats"), QStringLiteral("--data"),
        QStringLiteral("/nonexistent/x.csv") }
                                  << QStringLiteral("/nonexistent/x.csv");
    QTest::newRow("too few bars") << L { QStringLiteral("stats"), QStringLiteral("--simulate"),
        QStringLiteral("30"), QStringLiteral("--resample"), QStringLiteral("1m") }
                                  << QStringLiteral("too few bars");
}

void TestStatsCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mustSay);
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    QVERIFY2(run.err.contains(mustSay), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestStatsCli)
#include "tst_statscli.moc"
