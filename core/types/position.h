#pragma once

#include "types/phasescores.h"
#include "types/side.h"

#include <cstdint>

namespace veloce {

// An open position of the margin account (docs/strategy.md §5).
struct Position
{
    std::int64_t id = 0; // increasing in order of opening
    Side side = Side::Long;
    std::int64_t entryMs = 0;
    double entry = 0; // fill price, slippage included
    double qty = 0; // > 0
    double stop = 0;
    double target = 0;
    double score = 0;
    PhaseScores entryScores; // the signal's phase scores (why it entered); zero when restored
    double entryFee = 0;
    double last = 0; // last marked price

    double notional() const { return entry * qty; }
    double unrealized() const { return sign(side) * (last - entry) * qty; }
};

} // namespace veloce
