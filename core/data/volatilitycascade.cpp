#include "data/volatilitycascade.h"

#include <bit>
#include <cmath>

namespace veloce {

namespace {

// One lattice step of log volatility and its exponential, written out so that the table needs no
// libm call (docs/simulator.md §2 lists every parameter and how it was calibrated).
constexpr double kLogStep = 0.02;
constexpr double kStepFactor = 1.0202013400267558; // exp(0.02)
// Activity (volume, jump intensity) follows volatility with elasticity 1: the same lattice.
constexpr int kBits = 32; // c_k = popcount of 32 bits - 16: variance 8 lattice units squared
constexpr int kHalf = kBits / 2;

struct Component
{
    double timescale; // mean seconds between renewals
    int weight; // lattice steps per unit of c_k: variance of log vol = 8 * (w * kLogStep)^2
};

// Geometric time scales, a factor of about four apart, from half a minute to four days; the
// weights put most of the variance on the minutes-to-hours scales where the sample data's
// |return| autocorrelation lives (0.29 at 10 min, 0.21 at 1 h, 0.14 at 4 h in Q1 2024).
constexpr Component kCascade[VolatilityCascade::kComponents] = {
    { 30.0, 4 }, // bursts
    { 120.0, 4 }, { 480.0, 5 }, { 1800.0, 5 }, { 7200.0, 5 }, { 28800.0, 5 }, { 115200.0, 5 },
    { 345600.0, 4 }, // regimes of days
};

// Probability of each value of c_k + kHalf: C(32, j) / 2^32, exact in doubles.
std::array<double, kBits + 1> binomialWeights()
{
    std::array<double, kBits + 1> p {};
    double c = 1;
    for (int j = 0; j <= kBits; ++j) {
        p[std::size_t(j)] = c * 0x1.0p-32;
        c = c * double(kBits - j) / double(j + 1);
    }
    return p;
}

} // namespace

double VolatilityCascade::timescale(int k)
{
    return kCascade[k].timescale;
}

int VolatilityCascade::weight(int k)
{
    return kCascade[k].weight;
}

double VolatilityCascade::logStep()
{
    return kLogStep;
}

VolatilityCascade::VolatilityCascade(Xoshiro256& rng)
{
    // Renewal thresholds on a 32-bit uniform: component k renews when u falls in its slice.
    double cumulative = 0;
    for (int k = 0; k < kComponents; ++k) {
        cumulative += 1.0 / kCascade[k].timescale;
        m_renewBelow[std::size_t(k)] = std::uint32_t(cumulative * 0x1.0p32);
        m_maxLevel += kHalf * kCascade[k].weight;
    }
    m_renewAny = m_renewBelow[kComponents - 1];

    // exp(kLogStep * L) for every reachable L, by repeated multiplication from L = 0.
    const std::size_t size = std::size_t(2 * m_maxLevel + 1);
    std::vector<double> power(size);
    power[std::size_t(m_maxLevel)] = 1.0;
    for (int l = 1; l <= m_maxLevel; ++l) {
        power[std::size_t(m_maxLevel + l)] = power[std::size_t(m_maxLevel + l - 1)] * kStepFactor;
        power[std::size_t(m_maxLevel - l)] = power[std::size_t(m_maxLevel - l + 1)] / kStepFactor;
    }
    auto at = [&](int l) { return power[std::size_t(m_maxLevel + l)]; };

    // Stationary moments by independence of the components: E[q^(2L)] and E[q^L] are products of
    // one binomial sum per component (2 * w * 16 <= maxLevel, so the table covers them).
    const auto p = binomialWeights();
    double meanSquare = 1;
    double mean = 1;
    for (const Component& c : kCascade) {
        double sq = 0;
        double m = 0;
        for (int j = 0; j <= kBits; ++j) {
            sq += p[std::size_t(j)] * at(2 * c.weight * (j - kHalf));
            m += p[std::size_t(j)] * at(c.weight * (j - kHalf));
        }
        meanSquare *= sq;
        mean *= m;
    }
    const double sigmaScale = 1.0 / std::sqrt(meanSquare);
    m_sigma.resize(size);
    m_activity.resize(size);
    for (std::size_t i = 0; i < size; ++i) {
        m_sigma[i] = power[i] * sigmaScale;
        m_activity[i] = power[i] / mean;
    }

    for (int k = 0; k < kComponents; ++k)
        renew(k, rng);
}

void VolatilityCascade::renew(int k, Xoshiro256& rng)
{
    const int value = std::popcount(std::uint32_t(rng.next() >> 32)) - kHalf;
    m_level += kCascade[k].weight * (value - m_value[std::size_t(k)]);
    m_value[std::size_t(k)] = value;
}

} // namespace veloce
