#pragma once

#include "types/position.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace veloce {

// The paper account as a journal left it (after a clean stop or a kill -9): what a restarted
// session needs to carry on with the same positions and cash.
struct RecoveredAccount
{
    bool any = false; // the journal had fills
    std::int64_t fromSession = 0; // the journal session the state comes from
    double cash = 0;
    std::vector<Position> positions; // open, in order of opening
    std::int64_t nextPositionId = 1;
    std::int64_t lastEntryMs = 0;
    std::int64_t lastBarMs = 0; // newest bar time seen; later bars only
    double lastClose = 0; // price of the newest bar seen (marks, and flattens before a bar)
    double peakEquity = 0; // for the drawdown checks
    bool halted = false; // the kill switch was not re-armed before the stop
    QString haltReason;
};

} // namespace veloce
