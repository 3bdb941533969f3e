#pragma once

#include "types/phasescores.h"
#include "types/side.h"

#include <cstdint>

namespace veloce {

enum class ExitReason : int
{
    Stop,
    Target,
    End,
    Kill,
    Manual
};

inline const char* exitReasonName(ExitReason r)
{
    switch (r) {
    case ExitReason::Stop:
        return "stop";
    case ExitReason::Target:
        return "target";
    case ExitReason::End:
        return "end";
    case ExitReason::Kill:
        return "kill";
    case ExitReason::Manual:
        return "manual";
    }
    return "";
}

// A closed round trip: one row of trades.csv (plus the entry's phase scores, which trades.csv does
// not carry: docs/strategy.md §7 is unchanged).
struct Trade
{
    std::int64_t positionId = 0;
    std::int64_t entryMs = 0;
    std::int64_t exitMs = 0;
    Side side = Side::Long;
    double entryPrice = 0;
    double exitPrice = 0;
    double qty = 0;
    double pnl = 0; // side*(exit-entry)*qty - entry fee - exit fee
    double fees = 0;
    ExitReason reason = ExitReason::Stop;
    double score = 0;
    // The five phase scores of the bar that made the entry signal, as the strategy computed them
    // (Signal::phases, carried by the Position). All zero when not recorded: a position restored
    // from a journal, or a trades.csv read back.
    PhaseScores entryScores;

    bool hasEntryScores() const { return entryScores.total != 0 || score == 0; }
};

} // namespace veloce
