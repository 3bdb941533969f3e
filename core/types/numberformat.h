#pragma once

#include <charconv>
#include <cstdint>
#include <string>

namespace veloce {

// Shortest form that reads back to the same double (docs/strategy.md §7), written without locale.
inline void appendDouble(std::string& out, double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

inline void appendInt(std::string& out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

} // namespace veloce
