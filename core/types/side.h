#pragma once

#include <QString>

namespace veloce {

// +1 / -1 so that PnL is simply side * (exit - entry) * qty (docs/strategy.md §5).
enum class Side : int
{
    Long = 1,
    Short = -1
};

inline int sign(Side s)
{
    return static_cast<int>(s);
}

inline const char* sideName(Side s)
{
    return s == Side::Long ? "LONG" : "SHORT";
}

} // namespace veloce
