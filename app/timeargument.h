#pragma once

#include <QString>
#include <cstdint>

namespace veloce::TimeArgument {

// ISO 8601 date or date-time ("2024-01-01", "2024-01-01T12:00:00Z", "...+02:00"); no zone
// means UTC. Returns ms since epoch; throws UsageError naming `option`.
std::int64_t parse(const QString& text, const QString& option);
QString format(std::int64_t ms);
// A duration: a positive whole number with a unit, s, m, h or d ("1m", "90s", "4h"). Returns ms;
// throws UsageError naming `option`.
std::int64_t parseDuration(const QString& text, const QString& option);
// The shortest such form of a whole number of seconds ("1m", "4h", "90s").
QString formatDuration(std::int64_t ms);

} // namespace veloce::TimeArgument
