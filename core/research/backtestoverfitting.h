#pragma once

#include "research/returnsummary.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace veloce {

// The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey,
// Borwein, López de Prado & Zhu, "The Probability of Backtest Overfitting", Journal of
// Computational Finance 20(4), 2017). The T × N matrix of per-minute returns of N configurations is
// cut into S equal blocks of rows; for each of the C(S, S/2) ways to pick half the blocks as
// in-sample, the configuration with the best in-sample Sharpe ratio is ranked among all N on the
// other half; PBO is the fraction of splits where it lands at or below the median (logit λ <= 0).
// Formulas in docs/research.md §5.
struct BacktestOverfitting
{
    int blocks = 0; // S
    std::int64_t trials = 0; // N
    std::int64_t combinations = 0; // C(S, S/2)
    std::optional<double> probability; // PBO; null when undefined (N < 2, S odd, a block too short)
    std::vector<double> logits; // λ of every split, in the order of the in-sample block masks

    // From per-configuration block sums (ReturnCollector), `perTrial[n][s]`, on up to `jobs`
    // threads (the result does not depend on them).
    static BacktestOverfitting fromBlocks(const std::vector<std::vector<BlockSums>>& perTrial, int jobs = 1);
    // From the return matrix itself, `returns[t][n]`, cut into `blocks` row blocks
    // [floor(s T / S), floor((s + 1) T / S)).
    static BacktestOverfitting fromReturns(const std::vector<std::vector<double>>& returns, int blocks);
};

} // namespace veloce
