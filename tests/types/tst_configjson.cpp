// The config schema (docs/strategy.md §8): the blueprint's config.json loads unchanged; every key
// rejects a wrong type, an out-of-range value is refused, an unknown key is an error, and each
// error names the file and the key.
#include "types/configjson.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace veloce;
using nlohmann::json;

namespace {

const QString kSource = QStringLiteral("/home/user/veloce.json");

// One wrong-typed value per key; wrongTypeCoversEveryKey() keeps this table complete.
const QList<QPair<QString, QByteArray>>& wrongTypes()
{
    static const QList<QPair<QString, QByteArray>> table = {
        { QStringLiteral("influx_host"), "5" },
        { QStringLiteral("influx_port"), "\"8086\"" },
        { QStringLiteral("influx_database"), "null" },
        { QStringLiteral("influx_retention_policy"), "true" },
        { QStringLiteral("influx_measurement"), "[\"trades_1s\"]" },
        { QStringLiteral("influx_markets"), "\"BINANCE:btcusdt\"" },
        { QStringLiteral("influx_user"), "1" },
        { QStringLiteral("influx_password"), "123456" },
        { QStringLiteral("influx_poll_interval_ms"), "\"500\"" },
        { QStringLiteral("influx_timeout_ms"), "false" },
        { QStringLiteral("influx_stream_deadline_ms"), "\"5 min\"" },
        { QStringLiteral("squeeze_length"), "\"20\"" },
        { QStringLiteral("squeeze_mult_bb"), "\"2.0\"" },
        { QStringLiteral("squeeze_mult_kc"), "null" },
        { QStringLiteral("squeeze_keltner"), "1" },
        { QStringLiteral("divergence_lookback"), "[100]" },
        { QStringLiteral("min_entry_score"), "true" },
        { QStringLiteral("position_size_by_score"), "0.5" },
        { QStringLiteral("entry_cooldown_s"), "\"60\"" },
        { QStringLiteral("initial_capital"), "\"100000\"" },
        { QStringLiteral("leverage"), "{\"x\": 2}" },
        { QStringLiteral("fee_rate"), "\"0.1%\"" },
        { QStringLiteral("slippage_bps"), "null" },
        { QStringLiteral("base_risk_per_trade"), "\"0.02\"" },
        { QStringLiteral("max_open_positions"), "true" },
        { QStringLiteral("max_drawdown_percent"), "\"20%\"" },
        { QStringLiteral("heartbeat_timeout_s"), "\"10\"" },
        { QStringLiteral("heartbeat_action"), "true" },
        { QStringLiteral("freqtrade_url"), "8080" },
        { QStringLiteral("freqtrade_username"), "null" },
        { QStringLiteral("freqtrade_password"), "42" },
        { QStringLiteral("freqtrade_pair"), "[]" },
        { QStringLiteral("freqtrade_timeout_ms"), "\"10s\"" },
        { QStringLiteral("mode"), "0" },
        { QStringLiteral("simulator_seed"), "\"42\"" },
        { QStringLiteral("simulator_speed"), "\"fast\"" },
        { QStringLiteral("binance_venue"), "1" },
        { QStringLiteral("binance_ws_url"), "[\"wss://x\"]" },
        { QStringLiteral("binance_rest_url"), "{\"spot\": \"https://x\"}" },
        { QStringLiteral("binance_warmup_s"), "\"5m\"" },
    };
    return table;
}

json parse(const QByteArray& text)
{
    return json::parse(text.toStdString());
}

} // namespace

class TestConfigJson : public QObject
{
    Q_OBJECT
private slots:
    void blueprintConfigLoadsUnchanged();
    void defaultsOfNewKeys();
    void wrongType_data();
    void wrongType();
    void wrongTypeCoversEveryKey();
    void outOfRange_data();
    void outOfRange();
    void validEdges_data();
    void validEdges();
    void unknownKey_data();
    void unknownKey();
    void sizeBuckets_data();
    void sizeBuckets();
    void topLevelMustBeObject();
    void roundTripAndRedaction();
};

void TestConfigJson::blueprintConfigLoadsUnchanged()
{
    QFile f(QStringLiteral(VELOCE_GOLDEN_DIR "/blueprint-config.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const Config c = ConfigJson::apply(parse(f.readAll()), f.fileName());
    QCOMPARE(c.influxHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.influxPort, 8086);
    QCOMPARE(c.influxDatabase, QStringLiteral("significant_trades"));
    QCOMPARE(c.squeezeLength, 20);
    QCOMPARE(c.squeezeMultBb, 2.0);
    QCOMPARE(c.squeezeMultKc, 1.5);
    QCOMPARE(c.divergenceLookback, 100);
    QCOMPARE(c.minEntryScore, 4.0);
    QCOMPARE(c.sizeLow, 0.0);
    QCOMPARE(c.sizeMid, 0.5);
    QCOMPARE(c.sizeHigh, 1.0);
    QCOMPARE(c.sizeTop, 1.5);
    QCOMPARE(c.baseRiskPerTrade, 0.02);
    QCOMPARE(c.maxOpenPositions, 2);
    QCOMPARE(c.maxDrawdownPercent, 0.20);
    QCOMPARE(c.freqtradeUrl, QStringLiteral("http://localhost:8080"));
    QCOMPARE(c.freqtradeUsername, QStringLiteral("freqtrader"));
    QCOMPARE(c.freqtradePassword, QString());
    QCOMPARE(c.mode, TradingMode::Backtest);
}

void TestConfigJson::defaultsOfNewKeys()
{
    // docs/strategy.md §2-5, §8: keys beyond the blueprint and their defaults.
    const QStringList keys = ConfigJson::keys();
    for (const char* k : { "squeeze_keltner", "initial_capital", "leverage", "fee_rate", "slippage_bps",
             "entry_cooldown_s", "heartbeat_timeout_s" })
        QVERIFY2(keys.contains(QString::fromUtf8(k)), k);
    const Config c = ConfigJson::apply(json::object(), kSource);
    QCOMPARE(c.squeezeKeltner, KeltnerMode::Range);
    QCOMPARE(c.initialCapital, 100000.0);
    QCOMPARE(c.leverage, 1.0);
    QCOMPARE(c.feeRate, 0.0);
    QCOMPARE(c.slippageBps, 0.0);
    QCOMPARE(c.entryCooldownS, 0.0);
    QCOMPARE(c.minEntryScore, 4.0);
}

void TestConfigJson::wrongType_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    for (const auto& [key, value] : wrongTypes())
        QTest::newRow(qPrintable(key)) << key << value;
}

void TestConfigJson::wrongType()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    const json doc = parse("{\"" + key.toUtf8() + "\": " + value + "}");
    try {
        ConfigJson::apply(doc, kSource);
        QFAIL("accepted a wrong type");
    } catch (const ConfigError& e) {
        QCOMPARE(e.key(), key);
        QCOMPARE(e.source(), kSource);
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(key) && what.contains(kSource), e.what());
    }
}

void TestConfigJson::wrongTypeCoversEveryKey()
{
    QSet<QString> covered;
    for (const auto& row : wrongTypes())
        covered.insert(row.first);
    for (const QString& k : ConfigJson::keys())
        QVERIFY2(covered.contains(k), qPrintable(QStringLiteral("no wrong-type row for %1").arg(k)));
}

void TestConfigJson::outOfRange_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    auto row = [](const char* key, const char* value) {
        QTest::addRow("%s = %s", key, value) << QString::fromUtf8(key) << QByteArray(value);
    };
    row("influx_port", "0");
    row("influx_port", "65536");
    row("influx_port", "8086.5");
    row("influx_host", "\"\"");
    row("influx_markets", "[\"\"]");
    row("influx_markets", "[1]");
    row("influx_stream_deadline_ms", "999");
    row("squeeze_length", "1");
    row("squeeze_length", "20.5");
    row("squeeze_length", "-20");
    row("squeeze_mult_bb", "0");
    row("squeeze_mult_bb", "-2");
    row("squeeze_mult_kc", "0");
    row("squeeze_keltner", "\"bollinger\"");
    row("divergence_lookback", "101"); // halves of D/2 bars need an even D
    row("divergence_lookback", "0");
    row("min_entry_score", "-0.1");
    row("min_entry_score", "10.5"); // the total is capped at 10: never reachable
    row("entry_cooldown_s", "-1");
    row("initial_capital", "0");
    row("initial_capital", "-100000");
    row("leverage", "0");
    row("leverage", "-1");
    row("fee_rate", "-0.001");
    row("slippage_bps", "-1");
    row("base_risk_per_trade", "0");
    row("base_risk_per_trade", "1.5");
    row("max_open_positions", "0");
    row("max_open_positions", "2.5");
    row("max_drawdown_percent", "0");
    row("max_drawdown_percent", "1.5");
    row("heartbeat_timeout_s", "0");
    row("heartbeat_action", "\"panic\"");
    row("freqtrade_url", "\"localhost:8080\"");
    row("freqtrade_url", "\"ftp://localhost\"");
    row("mode", "\"yolo\"");
    row("mode", "\"LIVE\"");
    row("simulator_seed", "-1");
    row("simulator_seed", "4.5");
    row("simulator_speed", "0");
}

void TestConfigJson::outOfRange()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    const json doc = parse("{\"" + key.toUtf8() + "\": " + value + "}");
    try {
        ConfigJson::apply(doc, kSource);
        QFAIL("accepted an out-of-range value");
    } catch (const ConfigError& e) {
        QCOMPARE(e.key(), key);
        QCOMPARE(e.source(), kSource);
        QVERIFY(!e.problem().isEmpty());
        QVERIFY2(QString::fromUtf8(e.what()).contains(key), e.what());
    }
}

void TestConfigJson::validEdges_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    auto row = [](const char* key, const char* value) {
        QTest::addRow("%s = %s", key, value) << QString::fromUtf8(key) << QByteArray(value);
    };
    row("squeeze_length", "2");
    row("squeeze_length", "1000");
    row("divergence_lookback", "2");
    row("divergence_lookback", "1000");
    row("min_entry_score", "0.0");
    row("min_entry_score", "10.0");
    row("max_drawdown_percent", "1.0");
    row("base_risk_per_trade", "1.0");
    row("fee_rate", "0.0");
    row("slippage_bps", "0.0");
    row("entry_cooldown_s", "0.0");
    row("leverage", "125.0");
    row("squeeze_keltner", "\"atr\"");
    row("mode", "\"paper\"");
    row("mode", "\"dry_run\"");
    row("mode", "\"live\"");
    row("influx_port", "1");
    row("influx_port", "65535");
    row("influx_stream_deadline_ms", "1000");
    row("influx_markets", "[\"BINANCE:btcusdt\", \"BYBIT:BTCUSDT\"]");
    row("freqtrade_url", "\"https://ft.example:8443\"");
    row("simulator_seed", "18446744073709551615");
}

void TestConfigJson::validEdges()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    const json v = parse(value);
    json doc = json::object();
    doc[key.toStdString()] = v;
    const Config c = ConfigJson::apply(doc, kSource);
    // Written back out unchanged.
    QCOMPARE(QByteArray::fromStdString(ConfigJson::toJson(c, false).at(key.toStdString()).dump()),
        QByteArray::fromStdString(v.dump()));
}

void TestConfigJson::unknownKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("typo") << QStringLiteral("squeeze_lenght");
    QTest::newRow("wrong case") << QStringLiteral("Squeeze_Length");
    QTest::newRow("trailing space") << QStringLiteral("mode ");
    QTest::newRow("empty") << QString();
    QTest::newRow("blueprint-like but unknown") << QStringLiteral("stop_loss_percent");
}

void TestConfigJson::unknownKey()
{
    QFETCH(QString, key);
    json doc = parse("{\"squeeze_length\": 20, \"mode\": \"backtest\"}");
    doc[key.toStdString()] = 1;
    try {
        ConfigJson::apply(doc, kSource);
        QFAIL("accepted an unknown key");
    } catch (const ConfigError& e) {
        QCOMPARE(e.key(), key);
        QCOMPARE(e.source(), kSource);
        QVERIFY(QString::fromUtf8(e.what()).contains(kSource));
    }
}

void TestConfigJson::sizeBuckets_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QString>("errorKey"); // empty: accepted
    QTest::addColumn<QList<double>>("sizes"); // 0-3.9, 4-5, 6-7, 8+
    QTest::newRow("all four") << QByteArray(R"({"0-3.9": 0.1, "4-5": 0.25, "6-7": 0.75, "8+": 2})")
                              << QString() << QList<double> { 0.1, 0.25, 0.75, 2 };
    QTest::newRow("partial keeps the other defaults")
        << QByteArray(R"({"8+": 3})") << QString() << QList<double> { 0, 0.5, 1.0, 3 };
    QTest::newRow("empty object") << QByteArray("{}") << QString() << QList<double> { 0, 0.5, 1.0, 1.5 };
    QTest::newRow("unknown bucket") << QByteArray(R"({"9+": 2})")
                                    << QStringLiteral("position_size_by_score.9+") << QList<double> {};
    QTest::newRow("wrong type") << QByteArray(R"({"4-5": "half"})")
                                << QStringLiteral("position_size_by_score.4-5") << QList<double> {};
    QTest::newRow("negative") << QByteArray(R"({"6-7": -1})") << QStringLiteral("position_size_by_score.6-7")
                              << QList<double> {};
    QTest::newRow("null") << QByteArray(R"({"0-3.9": null})")
                          << QStringLiteral("position_size_by_score.0-3.9") << QList<double> {};
}

void TestConfigJson::sizeBuckets()
{
    QFETCH(QByteArray, object);
    QFETCH(QString, errorKey);
    QFETCH(QList<double>, sizes);
    const json doc = parse("{\"position_size_by_score\": " + object + "}");
    if (!errorKey.isEmpty()) {
        try {
            ConfigJson::apply(doc, kSource);
            QFAIL("accepted a bad bucket");
        } catch (const ConfigError& e) {
            QCOMPARE(e.key(), errorKey);
            QVERIFY2(QString::fromUtf8(e.what()).contains(errorKey), e.what());
        }
        return;
    }
    const Config c = ConfigJson::apply(doc, kSource);
    QCOMPARE(c.sizeLow, sizes[0]);
    QCOMPARE(c.sizeMid, sizes[1]);
    QCOMPARE(c.sizeHigh, sizes[2]);
    QCOMPARE(c.sizeTop, sizes[3]);
}

void TestConfigJson::topLevelMustBeObject()
{
    for (const char* text : { "[]", "42", "\"config\"", "null" }) {
        try {
            ConfigJson::apply(parse(text), kSource);
            QFAIL(text);
        } catch (const ConfigError& e) {
            QCOMPARE(e.source(), kSource);
            QVERIFY(QString::fromUtf8(e.what()).contains(kSource));
        }
    }
}

void TestConfigJson::roundTripAndRedaction()
{
    Config c;
    c.squeezeKeltner = KeltnerMode::Atr;
    c.feeRate = 0.0004;
    c.influxMarkets = { QStringLiteral("BINANCE:btcusdt") };
    c.freqtradePassword = QStringLiteral("s3cret-pass");
    c.influxPassword = QStringLiteral("influx-pass");
    const json full = ConfigJson::toJson(c, false);
    // Every key is written, and reading the dump back gives the same config.
    QCOMPARE(full.size(), std::size_t(ConfigJson::keys().size()));
    QVERIFY(ConfigJson::toJson(ConfigJson::apply(full, kSource), false) == full);
    // Redacted form hides both secrets and is what the hash covers.
    const std::string redacted = ConfigJson::toJson(c, true).dump();
    QVERIFY(redacted.find("s3cret-pass") == std::string::npos);
    QVERIFY(redacted.find("influx-pass") == std::string::npos);
    QVERIFY(ConfigJson::toJson(c, true).at("freqtrade_password") == json("***"));
    Config otherSecret = c;
    otherSecret.freqtradePassword = QStringLiteral("another");
    QCOMPARE(ConfigJson::hash(otherSecret), ConfigJson::hash(c));
    Config otherStrategy = c;
    otherStrategy.squeezeLength = 21;
    QVERIFY(ConfigJson::hash(otherStrategy) != ConfigJson::hash(c));
}

QTEST_GUILESS_MAIN(TestConfigJson)
#include "tst_configjson.moc"
