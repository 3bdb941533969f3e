#include "research/sweepheatmap.h"

#include <algorithm>

namespace veloce {

std::vector<std::optional<double>> SweepHeatmap::objectiveByConfig(const SweepResult& result)
{
    std::vector<std::optional<double>> values(static_cast<std::size_t>(result.grid.size()));
    for (const SweepRank& r : result.ranking)
        if (r.config >= 0 && r.config < result.grid.size())
            values[static_cast<std::size_t>(r.config)] = r.worst;
    return values;
}

SweepHeatmap SweepHeatmap::build(const SweepResult& result, int xDimension, int yDimension)
{
    return build(result, objectiveByConfig(result), xDimension, yDimension);
}

SweepHeatmap SweepHeatmap::build(const SweepResult& result, const std::vector<std::optional<double>>& values,
    int xDimension, int yDimension)
{
    SweepHeatmap h;
    h.xDimension = xDimension;
    h.yDimension = yDimension;
    const auto& dims = result.grid.dimensions();
    h.columns = static_cast<int>(dims[static_cast<std::size_t>(xDimension)].values.size());
    h.rows = yDimension < 0 ? 1 : static_cast<int>(dims[static_cast<std::size_t>(yDimension)].values.size());
    const std::vector<int> at = result.grid.coordinates(result.best < 0 ? 0 : result.best);
    for (int y = 0; y < h.rows; ++y) {
        for (int x = 0; x < h.columns; ++x) {
            std::vector<int> c = at;
            c[static_cast<std::size_t>(xDimension)] = x;
            if (yDimension >= 0)
                c[static_cast<std::size_t>(yDimension)] = y;
            const std::int64_t config = result.grid.indexOf(c);
            const std::optional<double> v = values[static_cast<std::size_t>(config)];
            h.configs.push_back(config);
            h.cells.push_back(v);
            if (v) {
                h.min = h.min ? std::min(*h.min, *v) : *v;
                h.max = h.max ? std::max(*h.max, *v) : *v;
            }
        }
    }
    return h;
}

std::vector<SweepHeatmap> SweepHeatmap::all(const SweepResult& result)
{
    std::vector<SweepHeatmap> out;
    const int n = static_cast<int>(result.grid.dimensions().size());
    const std::vector<std::optional<double>> values = objectiveByConfig(result);
    if (n == 1)
        out.push_back(build(result, values, 0, -1));
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (x < y)
                out.push_back(build(result, values, x, y));
    return out;
}

} // namespace veloce
