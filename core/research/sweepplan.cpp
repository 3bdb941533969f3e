#include "research/sweepplan.h"

#include "research/invalidcombinations.h"
#include "strategy/strategy.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace veloce {

SweepPlan::SweepPlan(Grid grid, const Config& base)
    : m_grid(std::move(grid))
    , m_base(base)
{
    std::vector<InvalidCombinations::Entry> invalid;
    m_configs.reserve(static_cast<std::size_t>(m_grid.size()));
    for (std::int64_t i = 0; i < m_grid.size(); ++i) {
        try {
            m_configs.push_back(ConfigJson::apply(m_grid.configObject(i), m_grid.source(), m_base));
        } catch (const ConfigError& e) {
            invalid.push_back({ i, m_grid.describe(i), e });
            m_configs.push_back(m_base);
        }
    }
    if (!invalid.empty())
        throw InvalidCombinations(m_grid.source(), m_grid.size(), std::move(invalid));
}

std::vector<SweepPlan::ScoreGroup> SweepPlan::scoreGroups(std::span<const std::int64_t> members) const
{
    std::vector<ScoreGroup> groups;
    std::map<Strategy::ScoreKey, std::size_t> byKey;
    for (const std::int64_t i : members) {
        const Config& c = config(i);
        const auto [it, added] = byKey.try_emplace(Strategy::scoreKey(c), groups.size());
        if (added)
            groups.push_back({ c, {} });
        ScoreGroup& g = groups[it->second];
        g.members.push_back(i);
        g.scoring.minEntryScore = std::min(g.scoring.minEntryScore, c.minEntryScore);
    }
    for (ScoreGroup& g : groups)
        std::sort(g.members.begin(), g.members.end());
    return groups;
}

std::vector<std::int64_t> SweepPlan::allIndices() const
{
    std::vector<std::int64_t> all(static_cast<std::size_t>(size()));
    std::iota(all.begin(), all.end(), std::int64_t(0));
    return all;
}

} // namespace veloce
