#pragma once

#include "research/sweepresult.h"

#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

namespace veloce {

// Sharding a sweep over machines (docs/research.md §6): shard i of N (1-based, as Slurm array
// task ids) runs a contiguous slice of the grid order, so the configurations of one score group
// mostly stay together; slice sizes differ by at most one. Shards are merged back into one
// SweepResult equal to the local run's.
class ShardPlan
{
public:
    // Grid indices [first, last) of shard `shard` of `shards`.
    static std::pair<std::int64_t, std::int64_t> slice(std::int64_t total, int shard, int shards);
    // Parses "i/N" (1 <= i <= N); false if malformed.
    static bool parse(const QString& text, int& shard, int& shards);

    struct Part
    {
        QString label; // for messages: the shard file
        int shard = 0;
        int shards = 0;
        SweepResult result;
    };
    // Shard numbers 1..shards that are not in `parts`.
    static std::vector<int> missing(const std::vector<Part>& parts, int shards);
    // One SweepResult from all shards: they must agree on the grid, base config, objective, blocks
    // and data (bar hashes) and cover each of their slices exactly. Runs SweepAnalysis on the
    // union. Throws DataError naming the shard that does not fit.
    static SweepResult merge(std::vector<Part> parts);
};

} // namespace veloce
