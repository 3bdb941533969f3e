#pragma once

#include "research/sweepresult.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace veloce::SweepJson {

// sweep.json (docs/research.md §2): the grid as written, the base config, the data (source, file
// and bar hashes), the number of configurations, the objective, the best configuration (its grid
// values, its full config and its objective on every market), the overfitting check (deflated
// Sharpe ratio and PBO per market) and the elapsed time.
nlohmann::ordered_json metadata(const SweepResult& result);
// Reads metadata() back into `result` (everything but configs, rows and ranking). Throws
// DataError naming `source` and the key.
void readMetadata(const nlohmann::ordered_json& json, const QString& source, SweepResult& result);

// shard.json: what `veloce-cli sweep --shard i/N` hands to `veloce-cli sweep-merge`: the metadata
// and every row with its summary and return sums, numbers in round-trip form so the merge
// reproduces the local sweep exactly.
nlohmann::ordered_json shard(const SweepResult& result, int shard, int shards);
// Reads a shard back; `shard`/`shards` receive its position. Throws DataError naming `source`.
SweepResult readShard(const nlohmann::ordered_json& json, const QString& source, int& shard, int& shards);

} // namespace veloce::SweepJson
