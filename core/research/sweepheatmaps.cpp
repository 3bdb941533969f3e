#include "research/sweepheatmaps.h"

namespace veloce {

SweepHeatmaps::SweepHeatmaps(const SweepResult& result)
    : m_keys(static_cast<int>(result.grid.dimensions().size()))
{
    m_maps.resize(static_cast<std::size_t>(m_keys) * static_cast<std::size_t>(m_keys + 1));
    const std::vector<std::optional<double>> values = SweepHeatmap::objectiveByConfig(result);
    for (int x = 0; x < m_keys; ++x)
        for (int y = -1; y < m_keys; ++y)
            if (x != y)
                m_maps[static_cast<std::size_t>(x * (m_keys + 1) + y + 1)]
                    = SweepHeatmap::build(result, values, x, y);
}

const SweepHeatmap* SweepHeatmaps::find(int x, int y) const
{
    if (x < 0 || x >= m_keys || y < -1 || y >= m_keys || x == y)
        return nullptr;
    return &m_maps[static_cast<std::size_t>(x * (m_keys + 1) + y + 1)];
}

} // namespace veloce
