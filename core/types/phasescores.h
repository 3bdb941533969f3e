#pragma once

#include <cstdint>

namespace veloce {

// The five per-phase scores of docs/strategy.md §2 for one bar, and their capped sum.
struct PhaseScores
{
    double squeeze = 0; // 0..3
    double divergence = 0; // 0..3
    double reset = 0; // 0 or 2
    double momentum = 0; // 0..1.5
    double volume = 0; // 0..1.5
    double total = 0; // min(10, sum)

    static constexpr int Count = 5;
    // Bit i set when phase(i) scored > 0 (phase_activity of docs/strategy.md §6).
    std::uint8_t activeMask() const
    {
        return static_cast<std::uint8_t>(unsigned(squeeze > 0) | (unsigned(divergence > 0) << 1)
            | (unsigned(reset > 0) << 2) | (unsigned(momentum > 0) << 3) | (unsigned(volume > 0) << 4));
    }
    double phase(int i) const
    {
        switch (i) {
        case 0:
            return squeeze;
        case 1:
            return divergence;
        case 2:
            return reset;
        case 3:
            return momentum;
        default:
            return volume;
        }
    }
};

// Maximum of each phase, in the order of PhaseScores::phase(); used by views and reports.
inline constexpr double kPhaseMax[PhaseScores::Count] = { 3.0, 3.0, 2.0, 1.5, 1.5 };
inline constexpr const char* kPhaseKeys[PhaseScores::Count]
    = { "squeeze", "divergence", "reset", "momentum", "volume" };

} // namespace veloce
