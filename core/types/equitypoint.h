#pragma once

#include <cstdint>

namespace veloce {

// Account state after a bar (docs/strategy.md §4 step 5): one row of equity.csv.
struct EquityPoint
{
    std::int64_t t = 0;
    double equity = 0;
    double cash = 0;
    double drawdown = 0; // (peak - equity) / peak
};

} // namespace veloce
