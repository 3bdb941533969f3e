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
// Prints one line on stdout and flushes (a script reads it live).
void print(const nlohmann::ordered_json& line);

} // namespace veloce::SessionJson
