#pragma once

#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"

#include <nlohmann/json.hpp>

namespace veloce::SessionJson {

// The JSON lines of `veloce-cli paper` (documented in README.md). Field names follow
// docs/strategy.md §7 (trades.csv, signals.csv); times are integer ms, prices shortest round-trip.
nlohmann::ordered_json event(const SessionEvent& e);
// The "bar" summary line: the newest bar and the account, from a snapshot.
nlohmann::ordered_json barSummary(const SessionSnapshot& s);
// The "feed" line of live exchange feeds: connection state, lag, reconnects, repaired gaps.
nlohmann::ordered_json feedHealth(const FeedHealth& h);
// Whether `now` differs from `before` in what a feed line reports besides the lag (the lag
// changes with every message; it is printed with the changes and in the bar lines).
bool feedChanged(const FeedHealth& before, const FeedHealth& now);
// Prints one line on stdout and flushes (a script reads it live).
void print(const nlohmann::ordered_json& line);

} // namespace veloce::SessionJson
