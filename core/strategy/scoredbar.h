#pragma once

#include <cstdint>

namespace veloce {

// Step 3 of docs/strategy.md §4 for one bar, reduced to what the account side needs: the total score,
// which phases fired, and the signal candidate (side and ATR) before the portfolio-side keys
// min_entry_score and position_size_by_score are applied (Strategy::signalFor does that).
//
// It depends only on the bars and the indicator keys (Strategy::scoreKey), so a parameter sweep
// computes it once per indicator setting and shares it read-only between every configuration that
// differs only in portfolio-side keys (core/research/scorestream.h). 24 bytes: a year of 1-minute
// bars is 12.6 MB. The per-phase breakdown is not kept here: only the live journal, scores.csv and
// the score views read it, and they get it from Strategy::scores().
struct ScoredBar
{
    static constexpr std::uint8_t kPhaseMask = 0x1f; // bit i: phase i (PhaseScores::phase(i)) > 0
    static constexpr std::uint8_t kCandidate = 0x20; // a signal once total >= min_entry_score
    static constexpr std::uint8_t kLong = 0x40; // the candidate's side (else short)

    double total = 0; // min(10, Σ phases)
    double atr = 0; // 2 · sd(last 20 closes); set for candidates only
    std::uint8_t flags = 0;

    std::uint8_t activePhases() const { return flags & kPhaseMask; }
    bool candidate() const { return (flags & kCandidate) != 0; }
};

} // namespace veloce
