#pragma once

#include <cstdint>

namespace veloce {

// The calendar in the simulator's volatility and volume (docs/simulator.md §4): an intraday
// profile by UTC hour (quiet Asian night, busy US open) times a weekday factor (quiet weekends),
// both measured on the Binance BTCUSDT sample files. Hourly values are interpolated linearly
// between hour midpoints, so the factors move smoothly through the day.
//
// Normalised over a week: the mean of sigma()^2 and the mean of volume() are 1, so the seasons
// redistribute volatility and volume across the week without changing their long-run levels.
// Plain arithmetic only (the simulator's determinism rule).
class MarketSeason
{
public:
    MarketSeason();

    // Sets the factors for the UTC minute containing `tMs`.
    void setTime(std::int64_t tMs);

    double sigma() const { return m_sigma; }
    double volume() const { return m_volume; }

private:
    struct Raw
    {
        double sigma;
        double volume;
    };
    static Raw raw(std::int64_t minuteOfWeek);

    double m_sigmaScale = 1;
    double m_volumeScale = 1;
    double m_sigma = 1;
    double m_volume = 1;
};

} // namespace veloce
