#pragma once

#include <QString>
#include <cstdint>

namespace veloce {

// Settings of the built-in market simulator (plain values; app/ fills them from the config).
struct SimulatorConfig
{
    std::uint64_t seed = 42;
    // Time of the first second (rounded up to a whole second); a live-paced feed passes "now".
    std::int64_t startMs = 1704067200000; // 2024-01-01T00:00:00Z
    // Number of bars to produce; 0 = endless (paced live feed).
    std::int64_t bars = 0;
    // Bar time step. 60000 stretches the same process to 1-minute bars (sweep benchmarks want a
    // year of minutes); live feeds and every default keep 1-second bars.
    std::int64_t intervalMs = 1000;
    double startPrice = 65000.0;
    QString symbol = QStringLiteral("BTCUSDT");
};

} // namespace veloce
