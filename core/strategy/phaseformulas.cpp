#include "strategy/phaseformulas.h"

#include <algorithm>
#include <cmath>

namespace veloce::PhaseFormulas {

bool inSqueeze(double mean, double sd, double multBb, double kcHalfWidth)
{
    const double bbUpper = mean + multBb * sd;
    const double bbLower = mean - multBb * sd;
    const double kcUpper = mean + kcHalfWidth;
    const double kcLower = mean - kcHalfWidth;
    return bbLower > kcLower && bbUpper < kcUpper;
}

double squeezeScore(std::int64_t squeezeStartMs, std::int64_t nowMs)
{
    // Whole seconds of bar time; the blueprint's timedelta.seconds wrapped after a day.
    const double seconds = std::floor(static_cast<double>(nowMs - squeezeStartMs) / 1000.0);
    return std::min(3.0, seconds / 60.0);
}

double divergenceVolumeTrend(double newerSum, double olderSum, bool olderIsZero)
{
    return olderIsZero ? 0.0 : newerSum / olderSum - 1.0;
}

double divergenceScore(double pt, double vt)
{
    if ((pt > 0.01 && vt < -0.1) || (pt < -0.01 && vt > 0.1))
        return std::min(3.0, std::fabs(vt) * 10.0);
    return 0.0;
}

double resetScore(double r0, double r10, double r19)
{
    const double a = (r10 - r0) / r0;
    const double b = (r19 - r10) / r10;
    return (std::fabs(a) > 0.005 && std::fabs(b) > 0.005 && a * b < 0) ? 2.0 : 0.0;
}

double momentumScore(double first, double last)
{
    const double m = (last - first) / first;
    return std::min(1.5, std::fabs(m) * 100.0);
}

double volumeScore(double previousAvg, bool previousAllZero, double current)
{
    if (previousAllZero)
        return current > 0 ? 1.5 : 0.0; // cur > 2 * 0 holds for any positive volume
    if (current > 2.0 * previousAvg)
        return std::min(1.5, current / previousAvg - 1.0);
    return 0.0;
}

double totalScore(double squeeze, double divergence, double reset, double momentum, double volume)
{
    return std::min(10.0, squeeze + divergence + reset + momentum + volume);
}

} // namespace veloce::PhaseFormulas
