#pragma once

#include "report/reportdata.h"

#include <QString>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace veloce::ReportJson {

// The JSON the report page renders: header, summary (SummaryJson, so the page shows exactly the
// numbers of summary.json), candle views, scores, equity, markers, trades and signal tally.
// Series are columnar with times delta-encoded in bucket widths; chart-only values are rounded
// to what a chart can show (prices and money keep full precision).
std::string payload(const ReportData& data);

// report-data.json, written by `veloce-cli backtest` beside summary.json: what the other result
// files do not hold (header, candle views, score and equity series). One member per line.
std::string seriesFile(const ReportData& data);

// Reads seriesFile() back into `out` (header and series). Throws DataError naming `source` and
// the offending key.
// (ordered_json: the config keeps the schema order it was written in.)
void readSeriesFile(const nlohmann::ordered_json& json, const QString& source, ReportData& out);

} // namespace veloce::ReportJson
