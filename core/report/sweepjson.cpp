#include "report/sweepjson.h"

#include "data/dataerror.h"
#include "portfolio/metrics.h"
#include "report/summaryjson.h"
#include "types/configjson.h"

#include <cmath>

namespace veloce::SweepJson {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr const char* kFormat = "veloce-sweep/1";
constexpr const char* kShardFormat = "veloce-sweep-shard/1";
const double kAnnualise = std::sqrt(Metrics::kMinutesPerYear); // sharpe_ratio's factor

ordered_json optional(const std::optional<double>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string text(const QString& s)
{
    return s.toStdString();
}

// Typed access with errors that name the file and the key.
class Reader
{
public:
    Reader(const ordered_json& json, const QString& source, QString path = QString())
        : m_json(json)
        , m_source(source)
        , m_path(std::move(path))
    {
        if (!m_json.is_object())
            fail(QString(), "not a JSON object");
    }
    const ordered_json& at(const char* key) const
    {
        if (!m_json.contains(key))
            fail(key, "missing");
        return m_json[key];
    }
    Reader object(const char* key) const { return Reader(at(key), m_source, name(QLatin1String(key))); }
    double number(const char* key) const
    {
        const ordered_json& v = at(key);
        if (!v.is_number())
            fail(key, "not a number");
        return v.get<double>();
    }
    std::optional<double> nullable(const char* key) const
    {
        return at(key).is_null() ? std::nullopt : std::optional<double>(number(key));
    }
    std::int64_t integer(const char* key) const
    {
        const ordered_json& v = at(key);
        if (!v.is_number_integer())
            fail(key, "not an integer");
        return v.get<std::int64_t>();
    }
    QString string(const char* key) const
    {
        const ordered_json& v = at(key);
        if (v.is_null())
            return {};
        if (!v.is_string())
            fail(key, "not a string");
        return QString::fromStdString(v.get<std::string>());
    }
    const ordered_json& array(const char* key) const
    {
        const ordered_json& v = at(key);
        if (!v.is_array())
            fail(key, "not an array");
        return v;
    }
    [[noreturn]] void fail(const char* key, const char* what) const { fail(QLatin1String(key), what); }
    [[noreturn]] void fail(const QString& key, const char* what) const
    {
        throw DataError(QStringLiteral("%1: key \"%2\": %3").arg(m_source, name(key), QLatin1String(what)));
    }
    const QString& source() const { return m_source; }

private:
    QString name(const QString& key) const
    {
        return m_path.isEmpty() ? key : key.isEmpty() ? m_path : m_path + QLatin1Char('.') + key;
    }
    const ordered_json& m_json;
    QString m_source;
    QString m_path;
};

ordered_json marketJson(const SweepMarket& m)
{
    ordered_json o;
    o["market"] = text(m.label);
    o["source"] = text(m.source);
    o["symbol"] = text(m.symbol);
    o["file_sha256"] = m.fileSha256.isEmpty() ? ordered_json(nullptr) : ordered_json(text(m.fileSha256));
    o["bars_sha256"] = text(m.barsSha256);
    o["bars"] = m.bars;
    o["start_ms"] = m.startMs;
    o["end_ms"] = m.endMs;
    return o;
}

ordered_json checkJson(const OverfittingCheck& c, const SweepResult& r)
{
    const DeflatedSharpe& d = c.deflatedSharpe;
    ordered_json dsr;
    dsr["probability"] = optional(d.probability);
    dsr["sharpe_ratio"] = d.sharpe * kAnnualise;
    dsr["benchmark_sharpe_ratio"] = d.benchmark * kAnnualise;
    dsr["sharpe_per_minute"] = d.sharpe;
    dsr["benchmark_per_minute"] = d.benchmark;
    dsr["trials"] = d.trials;
    dsr["trial_variance"] = d.trialVariance;
    dsr["observations"] = d.observations;
    dsr["skewness"] = d.skewness;
    dsr["kurtosis"] = d.kurtosis;
    const BacktestOverfitting& p = c.overfitting;
    ordered_json pbo;
    pbo["probability"] = optional(p.probability);
    pbo["blocks"] = p.blocks;
    pbo["trials"] = p.trials;
    pbo["combinations"] = p.combinations;
    pbo["logits"] = p.logits;
    ordered_json o;
    o["market"] = text(r.markets[c.market].label);
    o["deflated_sharpe"] = dsr;
    o["pbo"] = pbo;
    return o;
}

OverfittingCheck readCheck(const Reader& in, std::size_t market)
{
    OverfittingCheck c;
    c.market = market;
    const Reader dsr = in.object("deflated_sharpe");
    DeflatedSharpe& d = c.deflatedSharpe;
    d.probability = dsr.nullable("probability");
    d.sharpe = dsr.number("sharpe_per_minute");
    d.benchmark = dsr.number("benchmark_per_minute");
    d.trials = dsr.integer("trials");
    d.trialVariance = dsr.number("trial_variance");
    d.observations = dsr.integer("observations");
    d.skewness = dsr.number("skewness");
    d.kurtosis = dsr.number("kurtosis");
    const Reader pbo = in.object("pbo");
    BacktestOverfitting& p = c.overfitting;
    p.probability = pbo.nullable("probability");
    p.blocks = static_cast<int>(pbo.integer("blocks"));
    p.trials = pbo.integer("trials");
    p.combinations = pbo.integer("combinations");
    for (const auto& v : pbo.array("logits")) {
        if (!v.is_number())
            pbo.fail(QStringLiteral("logits"), "holds a value that is not a number");
        p.logits.push_back(v.get<double>());
    }
    return c;
}

} // namespace

ordered_json metadata(const SweepResult& r)
{
    ordered_json o;
    o["format"] = kFormat;
    o["grid_file"] = text(r.grid.source());
    o["grid"] = r.grid.asWritten();
    o["base_config"] = r.baseConfig;
    ordered_json data = ordered_json::array();
    for (const SweepMarket& m : r.markets)
        data.push_back(marketJson(m));
    o["data"] = data;
    o["configurations"] = r.grid.size();
    o["completed"] = static_cast<std::int64_t>(r.configs.size());
    o["objective"] = { { "key", text(r.objective.key()) },
        { "direction", r.objective.minimised() ? "minimise" : "maximise" } };
    ordered_json best = nullptr;
    if (r.best >= 0) {
        best = ordered_json::object();
        best["index"] = r.best;
        best["values"] = r.grid.values(r.best);
        const Config base = ConfigJson::apply(json(r.baseConfig), QStringLiteral("base_config"));
        best["config"]
            = ConfigJson::toJson(ConfigJson::apply(r.grid.configObject(r.best), r.grid.source(), base));
        const SweepRank& rank = r.ranking.front();
        ordered_json objective;
        objective["worst"] = optional(rank.worst);
        objective["median"] = optional(rank.median);
        ordered_json perMarket = ordered_json::object();
        for (std::size_t m = 0; m < r.markets.size(); ++m)
            perMarket[text(r.markets[m].label)] = optional(rank.perMarket[m]);
        objective["markets"] = perMarket;
        best["objective"] = objective;
    }
    o["best"] = best;
    o["pbo_blocks"] = r.blocks;
    ordered_json checks = ordered_json::array();
    for (const OverfittingCheck& c : r.checks)
        checks.push_back(checkJson(c, r));
    o["overfitting"] = checks;
    o["elapsed_ms"] = r.elapsedMs;
    o["jobs"] = r.jobs;
    o["cancelled"] = r.cancelled;
    return o;
}

void readMetadata(const ordered_json& json, const QString& source, SweepResult& r)
{
    const Reader in(json, source);
    if (in.string("format") != QLatin1String(kFormat))
        in.fail(QStringLiteral("format"), "not a Veloce sweep (expected \"veloce-sweep/1\")");
    try {
        r.grid = Grid::fromJson(in.at("grid"), in.string("grid_file"));
    } catch (const ConfigError& e) {
        throw DataError(QStringLiteral("%1: key \"grid\": %2").arg(source, QString::fromUtf8(e.what())));
    }
    r.baseConfig = in.at("base_config");
    r.markets.clear();
    for (const auto& m : in.array("data")) {
        const Reader market(m, source, QStringLiteral("data[]"));
        SweepMarket s;
        s.label = market.string("market");
        s.source = market.string("source");
        s.symbol = market.string("symbol");
        s.fileSha256 = market.string("file_sha256");
        s.barsSha256 = market.string("bars_sha256");
        s.bars = market.integer("bars");
        s.startMs = market.integer("start_ms");
        s.endMs = market.integer("end_ms");
        r.markets.push_back(s);
    }
    const Reader objective = in.object("objective");
    const std::optional<Objective> o = Objective::fromKey(objective.string("key"));
    if (!o)
        objective.fail(QStringLiteral("key"), "not an objective");
    r.objective = *o;
    r.blocks = static_cast<int>(in.integer("pbo_blocks"));
    r.best = in.at("best").is_null() ? -1 : in.object("best").integer("index");
    r.checks.clear();
    const ordered_json& checks = in.array("overfitting");
    for (std::size_t m = 0; m < checks.size(); ++m)
        r.checks.push_back(readCheck(Reader(checks[m], source, QStringLiteral("overfitting[]")), m));
    r.elapsedMs = in.number("elapsed_ms");
    r.jobs = static_cast<int>(in.integer("jobs"));
    r.cancelled = in.at("cancelled").is_boolean() && in.at("cancelled").get<bool>();
}

ordered_json shard(const SweepResult& r, int shard, int shards)
{
    ordered_json o;
    o["format"] = kShardFormat;
    o["shard"] = shard;
    o["shards"] = shards;
    o["sweep"] = metadata(r);
    ordered_json rows = ordered_json::array();
    for (const SweepRow& row : r.rows) {
        ordered_json j;
        j["config"] = row.config;
        j["market"] = row.market;
        j["summary"] = SummaryJson::toJson(row.summary);
        ordered_json blocks = ordered_json::array();
        for (const BlockSums& b : row.returns.blocks)
            blocks.push_back({ b.n, b.sum, b.sumSq });
        j["blocks"] = blocks;
        j["sum_cube"] = row.returns.sumCube;
        j["sum_fourth"] = row.returns.sumFourth;
        rows.push_back(j);
    }
    o["rows"] = rows;
    return o;
}

SweepResult readShard(const ordered_json& json, const QString& source, int& shardIndex, int& shards)
{
    const Reader in(json, source);
    if (in.string("format") != QLatin1String(kShardFormat))
        in.fail(QStringLiteral("format"), "not a Veloce sweep shard (expected \"veloce-sweep-shard/1\")");
    shardIndex = static_cast<int>(in.integer("shard"));
    shards = static_cast<int>(in.integer("shards"));
    SweepResult r;
    readMetadata(in.at("sweep"), source, r);
    for (const auto& j : in.array("rows")) {
        const Reader row(j, source, QStringLiteral("rows[]"));
        SweepRow out;
        out.config = row.integer("config");
        out.market = static_cast<std::size_t>(row.integer("market"));
        if (out.config < 0 || out.config >= r.grid.size() || out.market >= r.markets.size())
            row.fail(QStringLiteral("config"), "outside the grid or the markets");
        out.summary = SummaryJson::fromJson(nlohmann::json(row.at("summary")), source);
        for (const auto& b : row.array("blocks")) {
            if (!b.is_array() || b.size() != 3 || !b[0].is_number_integer() || !b[1].is_number()
                || !b[2].is_number())
                row.fail(QStringLiteral("blocks"), "expected [n, sum, sum of squares] per block");
            out.returns.blocks.push_back(
                { b[0].get<std::int64_t>(), b[1].get<double>(), b[2].get<double>() });
        }
        out.returns.sumCube = row.number("sum_cube");
        out.returns.sumFourth = row.number("sum_fourth");
        if (r.configs.empty() || r.configs.back() != out.config)
            r.configs.push_back(out.config);
        r.rows.push_back(std::move(out));
    }
    return r;
}

} // namespace veloce::SweepJson
