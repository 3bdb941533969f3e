#pragma once

#include "researchinputs.h"

#include <QString>

namespace veloce {

// `veloce-cli sweep --slurm --shards N`: writes OUT/slurm/sweep.sbatch (an array job whose task i
// runs `veloce-cli sweep --shard i/N --out OUT/shards/i`), submits it, waits for it and merges the
// shards into OUT exactly as a local sweep writes it. A shard that failed is named with its Slurm
// state, exit code and log, and can be run again alone with --resubmit i.
class SlurmSweep
{
public:
    SlurmSweep(const ResearchInputs& inputs, const QString& out, int shards, const QString& partition);
    // `resubmit`: empty for the whole array, else "i[,j...]". Returns the exit code.
    int run(const QString& resubmit);

private:
    QString writeScript() const;
    QString shardDir(int shard) const;
    QString resubmitHint(const QStringList& shards) const;

    const ResearchInputs& m_inputs;
    QString m_out;
    int m_shards;
    QString m_partition;
};

} // namespace veloce
