#pragma once

#include "clicommand.h"
#include "research/marketdata.h"
#include "research/sweepresult.h"

#include <QString>
#include <memory>
#include <vector>

namespace veloce {

// veloce-cli sweep-merge: joins the shard folders of a sharded sweep (`sweep --shard i/N`, e.g.
// Slurm array tasks) into the same outputs a local sweep writes.
class SweepMergeCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sweep-merge"); }
    QString summary() const override { return QStringLiteral("Merge the shards of a sweep into one result"); }
    int run(const QStringList& arguments) override;

    // Reads every shard folder under `shardsDir` (each holding shard.json) and merges them.
    // Throws DataError naming the missing shards, or the shard that does not fit.
    static SweepResult merge(const QString& shardsDir);
    // The merged shards must have run on exactly these bars; throws DataError otherwise.
    static void checkData(
        const SweepResult& merged, const std::vector<std::shared_ptr<const MarketData>>& markets);
};

} // namespace veloce
