#include "data/marketseason.h"

#include <cmath>

namespace veloce {

namespace {

constexpr std::int64_t kMinutesPerDay = 1440;
constexpr std::int64_t kMinutesPerWeek = 7 * kMinutesPerDay;

// Mean |1-minute return| and mean volume by UTC hour, each relative to its daily mean; Q1 2024 and
// October 2025 weighted 3 : 1 (docs/simulator.md §4 shows how they were measured).
constexpr double kHourSigma[24] = { 0.98, 0.94, 0.85, 0.81, 0.78, 0.75, 0.75, 0.83, 0.92, 0.90, 0.83, 0.86,
    0.99, 1.17, 1.42, 1.37, 1.34, 1.23, 1.10, 1.11, 1.12, 1.10, 0.98, 0.87 };
constexpr double kHourVolume[24] = { 0.89, 0.79, 0.72, 0.70, 0.70, 0.67, 0.68, 0.93, 0.95, 0.93, 0.80, 0.90,
    1.05, 1.23, 1.66, 1.66, 1.54, 1.33, 1.08, 1.06, 1.13, 1.03, 0.80, 0.79 };
// Monday .. Sunday. The weekdays measured 0.99 .. 1.20 without a pattern that survives both
// samples, so they share one value; weekends are clearly quieter.
constexpr double kDaySigma[7] = { 1.12, 1.12, 1.12, 1.12, 1.12, 0.68, 0.74 };
constexpr double kDayVolume[7] = { 1.16, 1.16, 1.16, 1.16, 1.16, 0.55, 0.65 };

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

MarketSeason::MarketSeason()
{
    double sigmaSquares = 0;
    double volumes = 0;
    for (std::int64_t m = 0; m < kMinutesPerWeek; ++m) {
        const Raw r = raw(m);
        sigmaSquares += r.sigma * r.sigma;
        volumes += r.volume;
    }
    m_sigmaScale = 1.0 / std::sqrt(sigmaSquares / double(kMinutesPerWeek));
    m_volumeScale = double(kMinutesPerWeek) / volumes;
    setTime(0);
}

MarketSeason::Raw MarketSeason::raw(std::int64_t minuteOfWeek)
{
    // Day 0 of the week is Monday; minute 0 of the epoch was a Thursday (day 3).
    const std::int64_t day = (minuteOfWeek / kMinutesPerDay + 3) % 7;
    const std::int64_t minute = minuteOfWeek % kMinutesPerDay;
    // Position in hours relative to the midpoint of hour 0, wrapped onto the day.
    const double x = (double(minute) + 0.5) / 60.0 - 0.5;
    const double base = std::floor(x);
    const double frac = x - base;
    const int h0 = (int(base) + 24) % 24;
    const int h1 = (h0 + 1) % 24;
    Raw r;
    r.sigma = ((1 - frac) * kHourSigma[h0] + frac * kHourSigma[h1]) * kDaySigma[day];
    r.volume = ((1 - frac) * kHourVolume[h0] + frac * kHourVolume[h1]) * kDayVolume[day];
    return r;
}

void MarketSeason::setTime(std::int64_t tMs)
{
    const std::int64_t minute = floorDiv(tMs, 60000);
    const std::int64_t minuteOfWeek = minute - floorDiv(minute, kMinutesPerWeek) * kMinutesPerWeek;
    const Raw r = raw(minuteOfWeek);
    m_sigma = r.sigma * m_sigmaScale;
    m_volume = r.volume * m_volumeScale;
}

} // namespace veloce
