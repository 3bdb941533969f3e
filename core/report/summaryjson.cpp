#include "report/summaryjson.h"

#include "data/dataerror.h"

#include <stdexcept>

namespace veloce::SummaryJson {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {
ordered_json optional(const std::optional<double>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}
} // namespace

ordered_json toJson(const BacktestSummary& s)
{
    ordered_json o;
    o["symbol"] = s.symbol.toStdString();
    o["start_ms"] = s.startMs;
    o["end_ms"] = s.endMs;
    o["bars"] = s.bars;
    o["initial_capital"] = s.initialCapital;
    o["final_equity"] = s.finalEquity;
    o["total_return"] = s.totalReturn;
    o["total_trades"] = s.totalTrades;
    o["winning_trades"] = s.winningTrades;
    o["losing_trades"] = s.losingTrades;
    o["win_rate"] = s.winRate;
    o["max_drawdown"] = s.maxDrawdown;
    o["sharpe_ratio"] = s.sharpeRatio;
    o["sortino_ratio"] = optional(s.sortinoRatio);
    o["profit_factor"] = optional(s.profitFactor);
    o["exposure"] = s.exposure;
    ordered_json pa;
    for (int i = 0; i < PhaseScores::Count; ++i)
        pa[kPhaseKeys[i]] = s.phaseActivity[i];
    o["phase_activity"] = pa;
    o["signals"] = s.signalCount;
    o["rejected_signals"] = s.rejectedSignals;
    o["elapsed_ms"] = s.elapsedMs;
    o["bars_per_second"] = s.barsPerSecond;
    if (s.cancelled)
        o["cancelled"] = true;
    return o;
}

BacktestSummary fromJson(const json& j, const QString& source)
{
    const auto fail = [&](const char* key, const char* what) {
        throw DataError(
            QStringLiteral("%1: key \"%2\": %3").arg(source, QLatin1String(key), QLatin1String(what)));
    };
    const auto num = [&](const char* key) -> double {
        if (!j.contains(key) || !j[key].is_number())
            fail(key, "missing or not a number");
        return j[key].get<double>();
    };
    const auto integer = [&](const char* key) -> std::int64_t {
        if (!j.contains(key) || !j[key].is_number_integer())
            fail(key, "missing or not an integer");
        return j[key].get<std::int64_t>();
    };
    const auto nullable = [&](const char* key) -> std::optional<double> {
        if (!j.contains(key))
            fail(key, "missing");
        if (j[key].is_null())
            return std::nullopt;
        return num(key);
    };
    if (!j.is_object())
        throw DataError(QStringLiteral("%1: not a JSON object").arg(source));
    BacktestSummary s;
    if (j.contains("symbol") && j["symbol"].is_string())
        s.symbol = QString::fromStdString(j["symbol"].get<std::string>());
    s.startMs = integer("start_ms");
    s.endMs = integer("end_ms");
    s.bars = integer("bars");
    s.initialCapital = num("initial_capital");
    s.finalEquity = num("final_equity");
    s.totalReturn = num("total_return");
    s.totalTrades = integer("total_trades");
    s.winningTrades = integer("winning_trades");
    s.losingTrades = integer("losing_trades");
    s.winRate = num("win_rate");
    s.maxDrawdown = num("max_drawdown");
    s.sharpeRatio = num("sharpe_ratio");
    s.sortinoRatio = nullable("sortino_ratio");
    s.profitFactor = nullable("profit_factor");
    s.exposure = num("exposure");
    if (!j.contains("phase_activity") || !j["phase_activity"].is_object())
        fail("phase_activity", "missing or not an object");
    for (int i = 0; i < PhaseScores::Count; ++i) {
        const auto& pa = j["phase_activity"];
        if (!pa.contains(kPhaseKeys[i]) || !pa[kPhaseKeys[i]].is_number())
            fail("phase_activity", "a phase is missing");
        s.phaseActivity[i] = pa[kPhaseKeys[i]].get<double>();
    }
    s.signalCount = integer("signals");
    s.rejectedSignals = integer("rejected_signals");
    s.elapsedMs = num("elapsed_ms");
    s.barsPerSecond = num("bars_per_second");
    if (j.contains("cancelled") && !j["cancelled"].is_boolean())
        fail("cancelled", "not true or false");
    s.cancelled = j.contains("cancelled") && j["cancelled"].get<bool>();
    return s;
}

} // namespace veloce::SummaryJson
