#pragma once

#include "data/xoshiro256.h"

#include <array>
#include <cstdint>
#include <vector>

namespace veloce {

// The simulator's stochastic volatility (docs/simulator.md §2): a multi-timescale cascade in the
// spirit of Calvet and Fisher's Markov-switching multifractal. Log volatility is the sum of
// kComponents independent components with renewal times from half a minute to days; each second at
// most one of them is redrawn from its stationary law. Every component keeps its value between
// renewals, so the sum has memory at every scale at once -- the slowly decaying autocorrelation of
// |returns| that real markets show from minutes to hours.
//
// Component k holds c_k = Binomial(32, 1/2) - 16 (a popcount of 32 random bits) and contributes
// w_k * c_k lattice steps of kLogStep to log volatility, so the level L = sum w_k c_k is an integer
// and exp(kLogStep * L) comes from a table built by repeated multiplication: no libm call, the same
// bits on every IEEE-754 platform, nothing allocated per step.
class VolatilityCascade
{
public:
    static constexpr int kComponents = 8;

    // Draws the starting state from the stationary law: each seed starts in its own regime.
    explicit VolatilityCascade(Xoshiro256& rng);

    // One second. `u` is 32 uniform bits deciding which component (if any) renews; the new value
    // takes one more draw from `rng`, on about one second in twenty.
    void step(std::uint32_t u, Xoshiro256& rng)
    {
        if (u >= m_renewAny)
            return;
        int k = 0;
        while (u >= m_renewBelow[std::size_t(k)])
            ++k;
        renew(k, rng);
    }

    // Volatility relative to its long-run level: the stationary mean of sigma() squared is 1.
    double sigma() const { return m_sigma[std::size_t(m_level + m_maxLevel)]; }
    // Trading activity relative to its long-run level (stationary mean 1): volume and the chance
    // of a jump scale with it, so both rise and fall with volatility.
    double activity() const { return m_activity[std::size_t(m_level + m_maxLevel)]; }
    int level() const { return m_level; }

    // Mean renewal time of component k in seconds, and its weight w_k (for documentation and tests).
    static double timescale(int k);
    static int weight(int k);
    // Log volatility per lattice step: log sigma() = logStep() * level() + constant.
    static double logStep();

private:
    void renew(int k, Xoshiro256& rng);

    std::array<int, kComponents> m_value {}; // c_k
    std::array<std::uint32_t, kComponents> m_renewBelow {}; // cumulative renewal thresholds
    std::uint32_t m_renewAny = 0;
    int m_level = 0; // L
    int m_maxLevel = 0;
    std::vector<double> m_sigma; // index L + maxLevel
    std::vector<double> m_activity;
};

} // namespace veloce
