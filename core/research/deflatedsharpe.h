#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace veloce {

// The deflated Sharpe ratio (Bailey & López de Prado, "The Deflated Sharpe Ratio: Correcting for
// Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5),
// 2014): the probability that the best of N tried configurations has a true Sharpe ratio above
// what the best of N configurations without any skill would show by chance. Formulas in
// docs/research.md §5. All Sharpe ratios here are per period (per minute), not annualised.
struct DeflatedSharpe
{
    static constexpr double kEulerMascheroni = 0.57721566490153286061;

    double sharpe = 0; // SR^ of the selected configuration
    double benchmark = 0; // SR0: expected maximum Sharpe of `trials` unskilled trials
    std::int64_t trials = 0; // N
    double trialVariance = 0; // V[SR_n], sample variance (N - 1) over the trials
    std::int64_t observations = 0; // T, returns of the selected configuration
    double skewness = 0; // of those returns
    double kurtosis = 3; // of those returns (3 for normal)
    std::optional<double> probability; // DSR; null when undefined (T < 2, or a non-positive variance term)

    static DeflatedSharpe compute(double sharpe, std::int64_t observations, double skewness, double kurtosis,
        std::int64_t trials, double trialVariance);
    // SR0 = sqrt(V) ((1 - γ) Φ⁻¹(1 - 1/N) + γ Φ⁻¹(1 - 1/(N e))); 0 for N < 2 or V = 0.
    static double expectedMaximum(std::int64_t trials, double variance);
    // Sample variance (ddof 1) of the trials' Sharpe ratios; 0 for fewer than 2.
    static double variance(const std::vector<double>& sharpes);
};

} // namespace veloce
