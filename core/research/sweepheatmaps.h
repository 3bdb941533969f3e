#pragma once

#include "research/sweepheatmap.h"

#include <vector>

namespace veloce {

// Every heatmap the Optimizer view can show for one sweep: the objective over each ordered pair of
// grid keys (x across, y up) and over each key alone (y = -1), the other keys held at the best
// configuration's values (SweepHeatmap). Built once, on the worker thread that ran the sweep, so
// that the view only picks one and draws it when the user changes the axes.
//
// Immutable after construction; share it as shared_ptr<const SweepHeatmaps> between threads.
class SweepHeatmaps
{
public:
    SweepHeatmaps() = default;
    // Needs result.ranking and result.best (a completed or cancelled sweep).
    explicit SweepHeatmaps(const SweepResult& result);

    int keys() const { return m_keys; }
    // The heatmap of x across and y up (y = -1: x alone); null when x or y is out of range or x == y.
    const SweepHeatmap* find(int x, int y) const;

private:
    int m_keys = 0;
    std::vector<SweepHeatmap> m_maps; // [x * (keys + 1) + y + 1]; x == y left empty
};

} // namespace veloce
