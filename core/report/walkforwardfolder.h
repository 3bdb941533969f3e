#pragma once

#include "research/walkforwardresult.h"

#include <QString>

namespace veloce {

// A walk-forward's output folder (docs/research.md §4): walkforward.csv (one row per window: train
// and test spans, the chosen grid values, in- and out-of-sample objective, returns, annualised
// returns, efficiency and the in-sample choice's deflated Sharpe ratio and PBO), walkforward.json
// (the same with the grid, the data and the walk-forward efficiency), and the stitched
// out-of-sample run as a normal result folder in out-of-sample/ (written by the command).
class WalkForwardFolder
{
public:
    static constexpr const char* kCsv = "walkforward.csv";
    static constexpr const char* kJson = "walkforward.json";
    static constexpr const char* kStitched = "out-of-sample";

    // Throws DataError naming the file.
    static void write(const WalkForwardResult& result, const QString& dir);
};

} // namespace veloce
