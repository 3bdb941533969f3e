#pragma once

#include "research/sweepresult.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace veloce {

// The objective over two grid keys, every other key held at the best configuration's value: what
// the sweep report and the Optimizer view draw. A cell holds the ranking's value of its
// configuration (the worst objective over the markets; with one market, the objective itself),
// null when that configuration did not run or its objective is undefined.
struct SweepHeatmap
{
    int xDimension = -1; // index into Grid::dimensions()
    int yDimension = -1; // -1: a one-key grid, a single row
    std::vector<std::optional<double>> cells; // row-major: cells[y * columns + x]
    std::vector<std::int64_t> configs; // grid index of each cell
    int columns = 0;
    int rows = 0;
    std::optional<double> min; // over the cells with a value
    std::optional<double> max;

    // Needs result.ranking and result.best. yDimension may be -1.
    static SweepHeatmap build(const SweepResult& result, int xDimension, int yDimension);
    // The same from `values` (objectiveByConfig), when many heatmaps of one sweep are built.
    static SweepHeatmap build(const SweepResult& result, const std::vector<std::optional<double>>& values,
        int xDimension, int yDimension);
    // The ranking's value of every grid index (null where nothing ran): grid.size() entries.
    static std::vector<std::optional<double>> objectiveByConfig(const SweepResult& result);
    // Every pair of keys (x < y), or the single key of a one-key grid.
    static std::vector<SweepHeatmap> all(const SweepResult& result);
};

} // namespace veloce
