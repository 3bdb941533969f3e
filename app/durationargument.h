#pragma once

#include <QString>
#include <cstdint>

namespace veloce::DurationArgument {

// "30d", "7d", "12h", "90m", "45s", "2w" (a whole number and a unit) -> milliseconds. Throws
// UsageError naming `option`.
std::int64_t parse(const QString& text, const QString& option);

} // namespace veloce::DurationArgument
