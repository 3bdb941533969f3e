#pragma once

#include "types/phasescores.h"
#include "types/side.h"

#include <cstdint>

namespace veloce {

// A trade idea built from one bar's scores (docs/strategy.md §3). Prices refer to the bar close;
// slippage is applied later, at the fill.
struct Signal
{
    std::int64_t t = 0;
    Side side = Side::Long;
    double price = 0; // bar close
    double score = 0; // total score
    double sizeFraction = 0;
    double atr = 0; // 2 * sd(last 20 closes)
    double stop = 0;
    double target = 0;
    double confidence = 0;
    PhaseScores phases;
};

// Why the portfolio refused a signal, checked in this order (docs/strategy.md §5).
enum class RejectReason : int
{
    None = 0,
    Cooldown,
    Size,
    MaxPositions,
    Drawdown,
    Margin,
    Halted
};

inline const char* rejectReasonName(RejectReason r)
{
    switch (r) {
    case RejectReason::None:
        return "";
    case RejectReason::Cooldown:
        return "cooldown";
    case RejectReason::Size:
        return "size";
    case RejectReason::MaxPositions:
        return "max_positions";
    case RejectReason::Drawdown:
        return "drawdown";
    case RejectReason::Margin:
        return "margin";
    case RejectReason::Halted:
        return "halted";
    }
    return "";
}

// A signal together with the portfolio's decision: one row of signals.csv.
struct SignalRecord
{
    Signal signal;
    bool accepted = false;
    RejectReason reason = RejectReason::None;
};

} // namespace veloce
