#pragma once

#include "data/sourcestats.h"
#include "types/bar.h"

#include <QString>

namespace veloce {

// The one data-provider interface: a pull stream of strictly time-increasing bars. Finite
// sources (files, history queries, the simulator in batch mode) return false at the end.
// Errors throw DataError naming the file/line or endpoint. Implementations stream with
// constant memory.
class BarSource
{
public:
    virtual ~BarSource() = default;

    virtual bool next(Bar& out) = 0;
    // Human-readable origin, e.g. the file name or "simulator (seed 42)".
    virtual QString description() const = 0;
    // Instrument name if known (e.g. "BTCUSDT"), else empty.
    virtual QString symbol() const { return {}; }
    virtual SourceStats stats() const = 0;
    // Fraction of the input consumed, 0..1, or -1 when unknown (drives progress bars).
    virtual double progress() const { return -1; }
};

} // namespace veloce
