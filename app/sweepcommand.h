#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli sweep: every configuration of a parameter grid over one or several markets, on all
// cores, or one shard of it (--shard i/N), or all shards as a Slurm array job (--slurm).
class SweepCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sweep"); }
    QString summary() const override
    {
        return QStringLiteral("Backtest every configuration of a parameter grid (locally or on Slurm)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
