#pragma once

#include <cstdint>

namespace veloce {

// One 1-second bar ("tick"), docs/strategy.md §1. Plain value, trivially copyable, 56 bytes:
// the engine keeps arrays of these and copies them freely.
struct Bar
{
    std::int64_t t = 0; // bar open time, UTC milliseconds since epoch
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    double vbuy = 0; // taker-buy volume
    double vsell = 0; // taker-sell volume

    double volume() const { return vbuy + vsell; }
};

} // namespace veloce
