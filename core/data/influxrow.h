#pragma once

#include <array>
#include <cmath>
#include <cstdint>

namespace veloce {

// One row of an InfluxDB query reply as the parser hands it over: epoch-ms time, the index of
// its tag value in the caller's list (0 when the query has no tag column) and the field values
// in column order, NaN standing for JSON null (aggr-server leaves zero fields unwritten).
struct InfluxRow
{
    static constexpr int kMaxFields = 8;

    std::int64_t t = 0;
    int tag = 0;
    std::array<double, kMaxFields> v {};

    static bool isNull(double x) { return std::isnan(x); }
};

} // namespace veloce
