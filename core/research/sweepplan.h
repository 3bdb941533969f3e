#pragma once

#include "research/grid.h"
#include "types/config.h"

#include <cstdint>
#include <span>
#include <vector>

namespace veloce {

// The configurations of a sweep: the base config with each grid combination applied through the
// config schema (ConfigJson::apply), so that a sweep accepts exactly what `--config` accepts and
// reports every invalid combination the way the config loader does (InvalidCombinations).
//
// Immutable after construction; shared read-only by the sweep's worker threads.
class SweepPlan
{
public:
    // Configurations that score every bar identically (Strategy::scoreKey) share one score stream;
    // `scoring` is the configuration to score them with (the lowest min_entry_score of the group).
    struct ScoreGroup
    {
        Config scoring;
        std::vector<std::int64_t> members; // grid indices, ascending
    };

    SweepPlan() = default;
    // Throws InvalidCombinations listing every combination the schema refuses.
    SweepPlan(Grid grid, const Config& base);

    const Grid& grid() const { return m_grid; }
    const Config& base() const { return m_base; }
    std::int64_t size() const { return static_cast<std::int64_t>(m_configs.size()); }
    const Config& config(std::int64_t index) const { return m_configs[static_cast<std::size_t>(index)]; }

    // The score groups of `members` (grid indices), in order of their first member.
    std::vector<ScoreGroup> scoreGroups(std::span<const std::int64_t> members) const;
    // All indices 0..size()-1.
    std::vector<std::int64_t> allIndices() const;

private:
    Grid m_grid;
    Config m_base;
    std::vector<Config> m_configs;
};

} // namespace veloce
