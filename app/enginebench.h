#pragma once

#include "types/bar.h"
#include "types/config.h"

#include <QtGlobal>
#include <cstdint>
#include <vector>

namespace veloce {

// The engine figure of `veloce-cli bench`, shared with `veloce-cli sweep-bench` so that both
// measure it the same way: the per-bar engine (strategy + portfolio, BarProcessor) over simulated
// bars already in memory, one thread.
class EngineBench
{
public:
    struct Figure
    {
        std::int64_t bars = 0;
        double seconds = 0;
        double barsPerSecond = 0;
        std::int64_t signalCount = 0; // the work cannot be optimised away, and a run that trades
        std::int64_t trades = 0; // nothing measures nothing
    };

    static std::vector<Bar> simulate(std::int64_t bars, quint64 seed, std::int64_t intervalMs = 1000);
    static Figure measure(const std::vector<Bar>& bars, const Config& config);
};

} // namespace veloce
