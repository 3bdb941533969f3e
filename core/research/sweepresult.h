#pragma once

#include "research/backtestoverfitting.h"
#include "research/deflatedsharpe.h"
#include "research/grid.h"
#include "research/objective.h"
#include "research/returnsummary.h"
#include "types/backtestsummary.h"

#include <QString>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace veloce {

// One market (data file or period) of a sweep, as sweep.json names it.
struct SweepMarket
{
    QString label;
    QString source;
    QString symbol;
    QString fileSha256; // empty when not a file
    QString barsSha256;
    std::int64_t bars = 0;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
};

// One configuration on one market: a row of sweep.csv.
struct SweepRow
{
    std::int64_t config = 0; // grid index
    std::size_t market = 0; // index into SweepResult::markets
    BacktestSummary summary;
    ReturnSummary returns;
};

// A configuration's objective across markets: a row of sweep-summary.csv.
struct SweepRank
{
    std::int64_t config = 0;
    std::optional<double> worst; // the worst objective over the markets (null ranks last)
    std::optional<double> median;
    std::vector<std::optional<double>> perMarket;
};

// The overfitting check of the best configuration on one market (docs/research.md §5).
struct OverfittingCheck
{
    std::size_t market = 0;
    DeflatedSharpe deflatedSharpe;
    BacktestOverfitting overfitting; // PBO over every configuration of the sweep
};

// The outcome of a sweep, local or merged from shards: an immutable value (build it with
// SweepAnalysis, then share it as shared_ptr<const SweepResult> between threads). Everything
// sweep.csv, sweep.json, sweep-summary.csv and the sweep's HTML report show comes from here.
struct SweepResult
{
    Grid grid;
    nlohmann::json baseConfig; // the redacted base config (ConfigJson::toJson)
    Objective objective;
    int blocks = 16; // S of the PBO
    std::vector<SweepMarket> markets;
    std::vector<std::int64_t> configs; // grid indices that ran, ascending
    std::vector<SweepRow> rows; // configs.size() × markets.size(), config-major
    std::vector<SweepRank> ranking; // best first: worst objective over markets, then median
    std::int64_t best = -1; // grid index of ranking.front(), -1 if nothing ran
    std::vector<OverfittingCheck> checks; // one per market
    double elapsedMs = 0;
    int jobs = 1;
    bool cancelled = false;

    const SweepRow& row(std::size_t configPosition, std::size_t market) const
    {
        return rows[configPosition * markets.size() + market];
    }
    // Position of a grid index in `configs`, or -1.
    std::int64_t position(std::int64_t config) const;
};

} // namespace veloce
