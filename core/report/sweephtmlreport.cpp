#include "report/sweephtmlreport.h"

#include "portfolio/metrics.h"
#include "report/htmlescape.h"
#include "report/htmltemplate.h"
#include "research/sweepheatmap.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace veloce {

using nlohmann::ordered_json;

namespace {

const double kAnnualise = std::sqrt(Metrics::kMinutesPerYear); // sharpe_ratio's factor
constexpr int kHistogramBins = 24;

ordered_json optional(const std::optional<double>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string text(const QString& s)
{
    return s.toStdString();
}

ordered_json histogram(const std::vector<double>& logits)
{
    ordered_json h;
    if (logits.empty())
        return nullptr;
    const auto [lo, hi] = std::minmax_element(logits.begin(), logits.end());
    const double from = std::floor(*lo * 2) / 2;
    const double width = std::max(0.25, (std::ceil(*hi * 2) / 2 - from) / kHistogramBins);
    std::vector<std::int64_t> counts(kHistogramBins, 0);
    for (const double l : logits)
        ++counts[static_cast<std::size_t>(
            std::clamp(static_cast<int>((l - from) / width), 0, kHistogramBins - 1))];
    h["from"] = from;
    h["width"] = width;
    h["counts"] = counts;
    return h;
}

// The table: metrics a trader compares, after the rank, the grid values and the market.
const char* const kMetrics[] = { "total_return", "sharpe_ratio", "sortino_ratio", "max_drawdown", "win_rate",
    "profit_factor", "total_trades", "exposure", "final_equity" };

ordered_json metric(const BacktestSummary& s, const std::string& key)
{
    if (key == "total_return")
        return s.totalReturn;
    if (key == "sharpe_ratio")
        return s.sharpeRatio;
    if (key == "sortino_ratio")
        return optional(s.sortinoRatio);
    if (key == "max_drawdown")
        return s.maxDrawdown;
    if (key == "win_rate")
        return s.winRate;
    if (key == "profit_factor")
        return optional(s.profitFactor);
    if (key == "total_trades")
        return s.totalTrades;
    if (key == "exposure")
        return s.exposure;
    return s.finalEquity;
}

} // namespace

std::string SweepHtmlReport::payload(const SweepResult& r)
{
    ordered_json o;
    o["version"] = VELOCE_VERSION;
    o["grid_file"] = text(r.grid.source());
    ordered_json keys = ordered_json::array(), values = ordered_json::array();
    for (const Grid::Dimension& d : r.grid.dimensions()) {
        keys.push_back(text(d.key));
        ordered_json v = ordered_json::array();
        for (const auto& value : d.values)
            v.push_back(text(Grid::valueText(value)));
        values.push_back(v);
    }
    o["keys"] = keys;
    o["values"] = values;
    o["objective"] = { { "key", text(r.objective.key()) },
        { "direction", r.objective.minimised() ? "minimise" : "maximise" } };
    o["configurations"] = r.grid.size();
    o["completed"] = static_cast<std::int64_t>(r.configs.size());
    ordered_json markets = ordered_json::array();
    for (const SweepMarket& m : r.markets)
        markets.push_back({ { "label", text(m.label) }, { "source", text(m.source) },
            { "symbol", text(m.symbol) }, { "bars", m.bars }, { "start_ms", m.startMs },
            { "end_ms", m.endMs }, { "bars_sha256", text(m.barsSha256) } });
    o["markets"] = markets;
    if (r.best >= 0) {
        const SweepRank& rank = r.ranking.front();
        ordered_json perMarket = ordered_json::array();
        for (const auto& v : rank.perMarket)
            perMarket.push_back(optional(v));
        const std::vector<int> at = r.grid.coordinates(r.best);
        o["best"] = { { "index", r.best }, { "coordinates", at }, { "worst", optional(rank.worst) },
            { "median", optional(rank.median) }, { "per_market", perMarket } };
    } else {
        o["best"] = nullptr;
    }
    ordered_json checks = ordered_json::array();
    for (const OverfittingCheck& c : r.checks) {
        const DeflatedSharpe& d = c.deflatedSharpe;
        checks.push_back({ { "market", text(r.markets[c.market].label) },
            { "dsr",
                { { "probability", optional(d.probability) }, { "sharpe_ratio", d.sharpe * kAnnualise },
                    { "benchmark_sharpe_ratio", d.benchmark * kAnnualise }, { "trials", d.trials },
                    { "observations", d.observations }, { "skewness", d.skewness },
                    { "kurtosis", d.kurtosis } } },
            { "pbo",
                { { "probability", optional(c.overfitting.probability) }, { "blocks", c.overfitting.blocks },
                    { "combinations", c.overfitting.combinations },
                    { "histogram", histogram(c.overfitting.logits) } } } });
    }
    o["checks"] = checks;
    ordered_json heatmaps = ordered_json::array();
    for (const SweepHeatmap& h : SweepHeatmap::all(r)) {
        ordered_json cells = ordered_json::array();
        for (const auto& v : h.cells)
            cells.push_back(optional(v));
        heatmaps.push_back({ { "x", h.xDimension }, { "y", h.yDimension }, { "columns", h.columns },
            { "rows", h.rows }, { "cells", cells }, { "configs", h.configs }, { "min", optional(h.min) },
            { "max", optional(h.max) } });
    }
    o["heatmaps"] = heatmaps;

    ordered_json columns = ordered_json::array({ "rank" });
    for (const auto& k : keys)
        columns.push_back(k);
    columns.push_back("market");
    for (const char* m : kMetrics)
        columns.push_back(m);
    ordered_json rows = ordered_json::array();
    std::int64_t rank = 0;
    for (const SweepRank& rk : r.ranking) {
        ++rank;
        const std::size_t c = static_cast<std::size_t>(r.position(rk.config));
        const std::vector<int> coordinates = r.grid.coordinates(rk.config);
        for (std::size_t m = 0; m < r.markets.size() && rows.size() < kMaxTableRows; ++m) {
            ordered_json row = ordered_json::array({ rank });
            for (std::size_t k = 0; k < coordinates.size(); ++k)
                row.push_back(values[k][static_cast<std::size_t>(coordinates[k])]);
            row.push_back(text(r.markets[m].label));
            for (const char* key : kMetrics)
                row.push_back(metric(r.row(c, m).summary, key));
            rows.push_back(row);
        }
    }
    o["table"] = { { "columns", columns }, { "rows", rows },
        { "total", static_cast<std::int64_t>(r.ranking.size() * r.markets.size()) } };
    o["elapsed_ms"] = r.elapsedMs;
    o["jobs"] = r.jobs;
    o["cancelled"] = r.cancelled;
    return o.dump();
}

QByteArray SweepHtmlReport::render(const SweepResult& result)
{
    using namespace HtmlTemplate;
    QString title = QStringLiteral("Veloce sweep");
    if (!result.markets.empty() && !result.markets.front().symbol.isEmpty())
        title += QStringLiteral(" \u2014 ") + result.markets.front().symbol;
    return fill(asset("sweep.html"), [&](const QByteArray& token) -> QByteArray {
        if (token == "title")
            return HtmlEscape::text(title).toUtf8();
        if (token == "style")
            return asset("report.css") + "\n" + asset("sweep.css");
        if (token == "app")
            return inlineScript("sweep.js");
        if (token == "data")
            return QByteArray::fromStdString(HtmlEscape::scriptJson(payload(result)));
        throw std::runtime_error("unknown token in the sweep report template: " + token.toStdString());
    });
}

void SweepHtmlReport::write(const SweepResult& result, const QString& path)
{
    HtmlTemplate::write(render(result), path);
}

} // namespace veloce
