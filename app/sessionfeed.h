#pragma once

#include "engine/recoveredaccount.h"
#include "sessionsetup.h"

#include <cstdint>

namespace veloce {

class LiveFeed;

// Where a session's simulator started (journaled, so that its bars can be generated again).
struct FeedStart
{
    std::int64_t startMs = 0;
    double startPrice = 0;
};

// The live feed of a session: the simulator or a replayed file paced at setup.speed, or InfluxDB
// polling. A restarted session continues where its journal left off: the simulator's first bar
// comes one second after the journal's newest bar (or now, if later) at the journal's last close
// (docs/safety.md "Restart"); InfluxDB polling resumes after the newest bar. `start` (may be
// null) receives the simulator's start. Throws DataError or UsageError.
LiveFeed* makeSessionFeed(const SessionSetup& setup, const RecoveredAccount& recovered, FeedStart* start);

} // namespace veloce
