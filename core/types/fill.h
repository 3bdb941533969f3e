#pragma once

#include "types/side.h"
#include "types/trade.h"

#include <cstdint>

namespace veloce {

// One execution against the account: the entry or the exit of a position. Carries the account's
// cash right after it, so that a journal of fills alone can rebuild the account (crash recovery).
struct Fill
{
    std::int64_t positionId = 0;
    std::int64_t t = 0; // bar time of the fill
    bool entry = true;
    Side side = Side::Long; // the position's side
    double price = 0; // slippage included
    double qty = 0;
    double fee = 0;
    double cashAfter = 0;
    ExitReason reason = ExitReason::Stop; // exits only
};

} // namespace veloce
