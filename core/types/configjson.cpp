#include "types/configjson.h"

#include "types/printable.h"
#include "types/strictjson.h"

#include <QCryptographicHash>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace veloce {

using nlohmann::json;

const char* modeName(TradingMode m)
{
    switch (m) {
    case TradingMode::Backtest:
        return "backtest";
    case TradingMode::Paper:
        return "paper";
    case TradingMode::DryRun:
        return "dry_run";
    case TradingMode::Live:
        return "live";
    }
    return "backtest";
}

ConfigError::ConfigError(const QString& source, const QString& key, const QString& problem)
    : std::runtime_error(
        printable(key.isEmpty() ? QStringLiteral("%1: %2").arg(source, problem)
                                : QStringLiteral("%1: key \"%2\": %3").arg(source, key, problem))
            .toStdString())
    , m_source(printable(source))
    , m_key(printable(key))
    , m_problem(printable(problem))
{
}

namespace {

// One schema entry: how to read a key into Config and how to write it back out.
struct KeySpec
{
    const char* name;
    std::function<void(const json&, Config&, const QString& source)> read;
    std::function<json(const Config&)> write;
    bool secret = false;
};

QString typeName(const json& v)
{
    return QString::fromUtf8(v.type_name());
}

[[noreturn]] void fail(const QString& source, const char* key, const QString& problem)
{
    throw ConfigError(source, QString::fromUtf8(key), problem);
}

double readNumber(const json& v, const QString& source, const char* key)
{
    if (!v.is_number())
        fail(source, key, QStringLiteral("expected a number, got %1").arg(typeName(v)));
    const double d = v.get<double>();
    if (!std::isfinite(d))
        fail(source, key, QStringLiteral("must be a finite number"));
    return d;
}

KeySpec real(const char* name, double Config::*member, double lo, double hi, bool loInclusive = true)
{
    return { name,
        [=](const json& v, Config& c, const QString& src) {
            const double d = readNumber(v, src, name);
            if (d < lo || d > hi || (!loInclusive && d == lo))
                fail(src, name,
                    QStringLiteral("%1 is out of range %2%3, %4]")
                        .arg(d)
                        .arg(loInclusive ? QStringLiteral("[") : QStringLiteral("("))
                        .arg(lo)
                        .arg(hi));
            c.*member = d;
        },
        [=](const Config& c) { return json(c.*member); } };
}

template<typename Int>
KeySpec integer(const char* name, Int Config::*member, double lo, double hi, bool even = false)
{
    return { name,
        [=](const json& v, Config& c, const QString& src) {
            const double d = readNumber(v, src, name);
            if (std::floor(d) != d)
                fail(src, name, QStringLiteral("expected a whole number, got %1").arg(d));
            if (d < lo || d > hi)
                fail(src, name, QStringLiteral("%1 is out of range [%2, %3]").arg(d).arg(lo).arg(hi));
            if (even && static_cast<long long>(d) % 2 != 0)
                fail(src, name, QStringLiteral("must be even (it is split into two halves), got %1").arg(d));
            c.*member = static_cast<Int>(d);
        },
        [=](const Config& c) { return json(c.*member); } };
}

KeySpec text(const char* name, QString Config::*member, bool allowEmpty, bool secret = false)
{
    return { name,
        [=](const json& v, Config& c, const QString& src) {
            if (!v.is_string())
                fail(src, name, QStringLiteral("expected a string, got %1").arg(typeName(v)));
            const QString s = QString::fromStdString(v.get<std::string>());
            if (!allowEmpty && s.trimmed().isEmpty())
                fail(src, name, QStringLiteral("must not be empty"));
            c.*member = s;
        },
        [=](const Config& c) { return json((c.*member).toStdString()); }, secret };
}

template<typename E>
KeySpec choice(const char* name, E Config::*member, std::vector<std::pair<const char*, E>> values)
{
    return { name,
        [=](const json& v, Config& c, const QString& src) {
            QStringList allowed;
            for (const auto& [n, e] : values)
                allowed << QStringLiteral("\"%1\"").arg(QString::fromUtf8(n));
            if (!v.is_string())
                fail(src, name,
                    QStringLiteral("expected one of %1, got %2")
                        .arg(allowed.join(QStringLiteral(", ")), typeName(v)));
            const std::string s = v.get<std::string>();
            for (const auto& [n, e] : values) {
                if (s == n) {
                    c.*member = e;
                    return;
                }
            }
            fail(src, name,
                QStringLiteral("\"%1\" is not one of %2")
                    .arg(QString::fromStdString(s), allowed.join(QStringLiteral(", "))));
        },
        [=](const Config& c) {
            for (const auto& [n, e] : values)
                if (c.*member == e)
                    return json(n);
            return json();
        } };
}

// The blueprint's score buckets, by their exact names.
struct SizeBucket
{
    const char* name;
    double Config::*member;
};
const SizeBucket kSizeBuckets[] = { { "0-3.9", &Config::sizeLow }, { "4-5", &Config::sizeMid },
    { "6-7", &Config::sizeHigh }, { "8+", &Config::sizeTop } };

KeySpec sizeBuckets()
{
    static const char* name = "position_size_by_score";
    return { name,
        [](const json& v, Config& c, const QString& src) {
            if (!v.is_object())
                fail(src, name, QStringLiteral("expected an object, got %1").arg(typeName(v)));
            for (auto it = v.begin(); it != v.end(); ++it) {
                const SizeBucket* bucket = nullptr;
                for (const auto& b : kSizeBuckets)
                    if (it.key() == b.name)
                        bucket = &b;
                const std::string full = std::string(name) + "." + it.key();
                if (!bucket)
                    fail(src, full.c_str(),
                        QStringLiteral("unknown bucket (known: \"0-3.9\", \"4-5\", \"6-7\", \"8+\")"));
                const double d = readNumber(it.value(), src, full.c_str());
                if (d < 0 || d > 10)
                    fail(src, full.c_str(), QStringLiteral("%1 is out of range [0, 10]").arg(d));
                c.*(bucket->member) = d;
            }
        },
        [](const Config& c) {
            json o = json::object();
            for (const auto& b : kSizeBuckets)
                o[b.name] = c.*(b.member);
            return o;
        } };
}

KeySpec markets()
{
    static const char* name = "influx_markets";
    return { name,
        [](const json& v, Config& c, const QString& src) {
            if (!v.is_array())
                fail(src, name, QStringLiteral("expected an array of strings, got %1").arg(typeName(v)));
            QStringList list;
            for (const auto& m : v) {
                if (!m.is_string() || m.get<std::string>().empty())
                    fail(src, name, QStringLiteral("every market must be a non-empty string"));
                list << QString::fromStdString(m.get<std::string>());
            }
            c.influxMarkets = list;
        },
        [](const Config& c) {
            json a = json::array();
            for (const auto& m : c.influxMarkets)
                a.push_back(m.toStdString());
            return a;
        } };
}

// binance_ws_url / binance_rest_url: empty (the public endpoints) or a URL of the given schemes.
KeySpec url(const char* name, QString Config::*member, QStringList schemes)
{
    return { name,
        [=](const json& v, Config& c, const QString& src) {
            if (!v.is_string())
                fail(src, name, QStringLiteral("expected a URL string, got %1").arg(typeName(v)));
            const QString s = QString::fromStdString(v.get<std::string>()).trimmed();
            bool ok = s.isEmpty();
            for (const QString& scheme : schemes)
                ok = ok || s.startsWith(scheme + QStringLiteral("://"));
            if (!ok)
                fail(src, name,
                    QStringLiteral("\"%1\" must start with %2://")
                        .arg(s, schemes.join(QStringLiteral(":// or "))));
            c.*member = s;
        },
        [=](const Config& c) { return json((c.*member).toStdString()); } };
}

KeySpec binanceVenue()
{
    static const char* name = "binance_venue";
    return { name,
        [](const json& v, Config& c, const QString& src) {
            if (!v.is_string() || (v.get<std::string>() != "spot" && v.get<std::string>() != "futures"))
                fail(src, name, QStringLiteral("expected \"spot\" or \"futures\""));
            c.binanceVenue = QString::fromStdString(v.get<std::string>());
        },
        [](const Config& c) { return json(c.binanceVenue.toStdString()); } };
}

KeySpec seed()
{
    static const char* name = "simulator_seed";
    return { name,
        [](const json& v, Config& c, const QString& src) {
            if (!v.is_number_unsigned())
                fail(src, name,
                    QStringLiteral("expected a non-negative whole number, got %1").arg(typeName(v)));
            c.simulatorSeed = v.get<quint64>();
        },
        [](const Config& c) { return json(c.simulatorSeed); } };
}

const std::vector<KeySpec>& schema()
{
    static const std::vector<KeySpec> s = {
        text("influx_host", &Config::influxHost, false),
        integer("influx_port", &Config::influxPort, 1, 65535),
        text("influx_database", &Config::influxDatabase, false),
        text("influx_retention_policy", &Config::influxRetentionPolicy, false),
        text("influx_measurement", &Config::influxMeasurement, false),
        markets(),
        text("influx_user", &Config::influxUser, true),
        text("influx_password", &Config::influxPassword, true, true),
        integer("influx_poll_interval_ms", &Config::influxPollIntervalMs, 50, 60000),
        integer("influx_timeout_ms", &Config::influxTimeoutMs, 100, 600000),
        integer("influx_stream_deadline_ms", &Config::influxStreamDeadlineMs, 1000, 86400000),
        binanceVenue(),
        url("binance_ws_url", &Config::binanceWsUrl, { QStringLiteral("ws"), QStringLiteral("wss") }),
        url("binance_rest_url", &Config::binanceRestUrl, { QStringLiteral("http"), QStringLiteral("https") }),
        integer("binance_warmup_s", &Config::binanceWarmupS, 0, 86400),
        integer("squeeze_length", &Config::squeezeLength, 2, 1000),
        real("squeeze_mult_bb", &Config::squeezeMultBb, 0, 100, false),
        real("squeeze_mult_kc", &Config::squeezeMultKc, 0, 100, false),
        choice<KeltnerMode>("squeeze_keltner", &Config::squeezeKeltner,
            { { "range", KeltnerMode::Range }, { "atr", KeltnerMode::Atr } }),
        integer("divergence_lookback", &Config::divergenceLookback, 2, 1000, true),
        real("min_entry_score", &Config::minEntryScore, 0, 10),
        sizeBuckets(),
        real("entry_cooldown_s", &Config::entryCooldownS, 0, 86400 * 365),
        real("initial_capital", &Config::initialCapital, 0, 1e15, false),
        real("leverage", &Config::leverage, 0, 1000, false),
        real("fee_rate", &Config::feeRate, 0, 0.1),
        real("slippage_bps", &Config::slippageBps, 0, 1000),
        real("base_risk_per_trade", &Config::baseRiskPerTrade, 0, 1, false),
        integer("max_open_positions", &Config::maxOpenPositions, 1, 1000),
        real("max_drawdown_percent", &Config::maxDrawdownPercent, 0, 1, false),
        real("heartbeat_timeout_s", &Config::heartbeatTimeoutS, 0, 86400, false),
        choice<HeartbeatAction>("heartbeat_action", &Config::heartbeatAction,
            { { "alert", HeartbeatAction::Alert }, { "halt", HeartbeatAction::Halt } }),
        text("freqtrade_url", &Config::freqtradeUrl, false),
        text("freqtrade_username", &Config::freqtradeUsername, true),
        text("freqtrade_password", &Config::freqtradePassword, true, true),
        text("freqtrade_pair", &Config::freqtradePair, false),
        integer("freqtrade_timeout_ms", &Config::freqtradeTimeoutMs, 100, 600000),
        choice<TradingMode>("mode", &Config::mode,
            { { "backtest", TradingMode::Backtest }, { "paper", TradingMode::Paper },
                { "dry_run", TradingMode::DryRun }, { "live", TradingMode::Live } }),
        seed(),
        real("simulator_speed", &Config::simulatorSpeed, 0, 100000, false),
    };
    return s;
}

} // namespace

Config ConfigJson::apply(const json& object, const QString& source, Config base)
{
    if (!object.is_object())
        throw ConfigError(source, QString(),
            QStringLiteral("the top level must be a JSON object, got %1").arg(typeName(object)));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const KeySpec* spec = nullptr;
        for (const auto& k : schema())
            if (it.key() == k.name)
                spec = &k;
        if (!spec)
            throw ConfigError(source, QString::fromStdString(it.key()),
                QStringLiteral("unknown key (see the configuration reference in README.md)"));
        spec->read(it.value(), base, source);
    }
    if (!base.freqtradeUrl.startsWith(QLatin1String("http://"))
        && !base.freqtradeUrl.startsWith(QLatin1String("https://")))
        throw ConfigError(
            source, QStringLiteral("freqtrade_url"), QStringLiteral("must start with http:// or https://"));
    return base;
}

Config ConfigJson::parse(const QByteArray& text, const QString& source, Config base)
{
    json object;
    try {
        object = StrictJson::parse(text);
    } catch (const JsonInputError& e) {
        throw ConfigError(source, e.key(), e.problem());
    }
    return apply(object, source, std::move(base));
}

json ConfigJson::toJson(const Config& config, bool redactSecrets)
{
    json o = json::object();
    for (const auto& k : schema()) {
        json v = k.write(config);
        if (k.secret && redactSecrets)
            v = v.get<std::string>().empty() ? json("") : json("***");
        o[k.name] = v;
    }
    return o;
}

QString ConfigJson::hash(const Config& config)
{
    const std::string text = toJson(config, true).dump();
    const QByteArray digest
        = QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex();
    return QString::fromLatin1(digest.left(16));
}

QStringList ConfigJson::keys()
{
    QStringList out;
    for (const auto& k : schema())
        out << QString::fromUtf8(k.name);
    return out;
}

} // namespace veloce
