#pragma once

#include "types/backtestsummary.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace veloce::SummaryJson {

// summary.json of docs/strategy.md §7, keys in the documented order; null for undefined ratios.
nlohmann::ordered_json toJson(const BacktestSummary& summary);
// Reads it back (veloce-cli report --in DIR). Throws DataError naming `source`.
BacktestSummary fromJson(const nlohmann::json& json, const QString& source);

} // namespace veloce::SummaryJson
