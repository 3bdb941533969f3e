#pragma once

#include <nlohmann/json.hpp>

namespace veloce {

class Dashboard;

// `veloce --benchmark-select BARS`: how long selecting a trade takes from the user's click to a
// redrawn chart, among all the trades of a real backtest. Each sample selects a random row of
// the dashboard's trades table (through its selection model, as a click does), which zooms the
// chart to the trade, then repaints the chart synchronously. A benchmark, not a test: it prints
// figures and asserts nothing.
class SelectBenchmark
{
public:
    static nlohmann::ordered_json run(Dashboard& dashboard, int samples);
};

} // namespace veloce
