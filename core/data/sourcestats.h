#pragma once

#include <cstdint>

namespace veloce {

// What a source dropped or skipped, so that nothing is lost silently (docs/strategy.md §1).
struct SourceStats
{
    std::int64_t rows = 0; // input rows read (trades, klines, points)
    std::int64_t bars = 0; // bars delivered
    std::int64_t outOfOrder = 0; // duplicate or older bars dropped
    std::int64_t firstOutOfOrderMs = 0; // timestamp of the first such bar
    std::int64_t skippedRows = 0; // malformed rows skipped (--skip-bad-rows)
    std::int64_t firstSkippedLine = 0;
    std::int64_t skippedNoPrice = 0; // rows without OHLC (e.g. liquidation-only seconds)
};

} // namespace veloce
