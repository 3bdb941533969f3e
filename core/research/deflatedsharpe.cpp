#include "research/deflatedsharpe.h"

#include "research/normaldistribution.h"

#include <cmath>
#include <numbers>

namespace veloce {

double DeflatedSharpe::expectedMaximum(std::int64_t trials, double variance)
{
    if (trials < 2 || !(variance > 0))
        return 0;
    const double n = static_cast<double>(trials);
    const double g = kEulerMascheroni;
    return std::sqrt(variance)
        * ((1 - g) * NormalDistribution::quantile(1 - 1 / n)
            + g * NormalDistribution::quantile(1 - 1 / (n * std::numbers::e)));
}

double DeflatedSharpe::variance(const std::vector<double>& sharpes)
{
    if (sharpes.size() < 2)
        return 0;
    double mean = 0;
    for (const double s : sharpes)
        mean += s;
    mean /= static_cast<double>(sharpes.size());
    double ss = 0;
    for (const double s : sharpes)
        ss += (s - mean) * (s - mean);
    return ss / static_cast<double>(sharpes.size() - 1);
}

DeflatedSharpe DeflatedSharpe::compute(double sharpe, std::int64_t observations, double skewness,
    double kurtosis, std::int64_t trials, double trialVariance)
{
    DeflatedSharpe d;
    d.sharpe = sharpe;
    d.observations = observations;
    d.skewness = skewness;
    d.kurtosis = kurtosis;
    d.trials = trials;
    d.trialVariance = trialVariance;
    d.benchmark = expectedMaximum(trials, trialVariance);
    // PSR(SR0) = Φ((SR^ - SR0) sqrt(T - 1) / sqrt(1 - γ3 SR^ + (γ4 - 1) / 4 SR^²))
    const double spread = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    if (observations >= 2 && spread > 0)
        d.probability = NormalDistribution::cdf(
            (sharpe - d.benchmark) * std::sqrt(static_cast<double>(observations - 1)) / std::sqrt(spread));
    return d;
}

} // namespace veloce
