#pragma once

#include "research/shardplan.h"
#include "research/sweepresult.h"

#include <QString>

namespace veloce {

// A sweep's output folder (docs/research.md §2): sweep.csv, sweep.json, and with several markets
// sweep-summary.csv; the best configuration's result folder goes into best/ (written by the
// command, through ResultFolder::backtest). `veloce-cli report --in DIR` recognises the folder by
// sweep.json and reads it back for the HTML report.
class SweepFolder
{
public:
    static constexpr const char* kSweepJson = "sweep.json";
    static constexpr const char* kSweepCsv = "sweep.csv";
    static constexpr const char* kRankingCsv = "sweep-summary.csv";
    static constexpr const char* kShardJson = "shard.json";
    // sweep.json holds the grid and the best configuration (kB); shard.json a shard's rows (about
    // 1 kB per configuration). The cap keeps a hostile folder from taking the memory.
    static constexpr qint64 kMaxJsonBytes = qint64(256) << 20;

    // Creates `dir` if needed. Throws DataError naming the file.
    static void write(const SweepResult& result, const QString& dir);
    static SweepResult read(const QString& dir);
    static bool isSweepFolder(const QString& dir);

    // A shard's output folder (`veloce-cli sweep --shard i/N --out DIR`): DIR/shard.json.
    static void writeShard(const SweepResult& result, int shard, int shards, const QString& dir);
    // Throws DataError naming the file when it is missing or not a complete shard.
    static ShardPlan::Part readShard(const QString& dir);
};

} // namespace veloce
