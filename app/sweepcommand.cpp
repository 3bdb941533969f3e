#include "sweepcommand.h"

#include "cliparser.h"
#include "report/sweepfolder.h"
#include "research/shardplan.h"
#include "research/sweep.h"
#include "researchinputs.h"
#include "slurmsweep.h"
#include "sweepoutput.h"

#include <QDir>
#include <QTextStream>

namespace veloce {

int SweepCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Backtest every configuration of --grid over the data (--data may be repeated: one "
                       "market or period each) and write sweep.csv, sweep.json, sweep-summary.csv (several "
                       "markets) and best/ into --out, with the deflated Sharpe ratio and the PBO of the "
                       "best configuration (docs/research.md)."));
    ResearchInputs inputs(p, true);
    p.addOption({ QStringLiteral("out"), QStringLiteral("Output folder (created if missing)."),
        QStringLiteral("dir") });
    p.addOption({ QStringLiteral("shard"),
        QStringLiteral("Run only shard i of N (a contiguous slice of the grid) and write DIR/shard.json for "
                       "veloce-cli sweep-merge."),
        QStringLiteral("i/N") });
    p.addOption({ QStringLiteral("slurm"),
        QStringLiteral(
            "Run the shards as a Slurm array job (sbatch), wait for it (squeue, sacct) and merge.") });
    p.addOption({ QStringLiteral("shards"), QStringLiteral("With --slurm: number of shards (array tasks)."),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("partition"), QStringLiteral("With --slurm: the partition to submit to."),
        QStringLiteral("P") });
    p.addOption({ QStringLiteral("resubmit"),
        QStringLiteral("With --slurm: submit only these shards again (e.g. 3 or 2,4), then merge all."),
        QStringLiteral("list") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--out DIR is required"));
    inputs.read();
    const QString out = QDir(p.value(QStringLiteral("out"))).absolutePath();

    if (p.isSet(QStringLiteral("slurm"))) {
        if (p.isSet(QStringLiteral("shard")))
            throw UsageError(QStringLiteral("--slurm runs the shards itself: drop --shard"));
        if (!p.isSet(QStringLiteral("shards")))
            throw UsageError(QStringLiteral("--slurm needs --shards N"));
        SlurmSweep slurm(inputs, out, static_cast<int>(p.integer(QStringLiteral("shards"), 1, 100000)),
            p.value(QStringLiteral("partition")));
        return slurm.run(p.value(QStringLiteral("resubmit")));
    }
    for (const char* slurmOnly : { "shards", "partition", "resubmit" })
        if (p.isSet(QLatin1String(slurmOnly)))
            throw UsageError(QStringLiteral("--%1 needs --slurm").arg(QLatin1String(slurmOnly)));

    Sweep::Options options;
    options.jobs = inputs.jobs();
    options.blocks = inputs.blocks();
    options.objective = inputs.objective();
    int shard = 0, shards = 0;
    if (p.isSet(QStringLiteral("shard"))) {
        if (!ShardPlan::parse(p.value(QStringLiteral("shard")), shard, shards))
            throw UsageError(QStringLiteral("--shard: \"%1\" is not i/N with 1 <= i <= N")
                                 .arg(p.value(QStringLiteral("shard"))));
        const auto [first, last] = ShardPlan::slice(inputs.plan().size(), shard, shards);
        for (std::int64_t i = first; i < last; ++i)
            options.members.push_back(i);
        if (options.members.empty())
            throw UsageError(QStringLiteral("--shard %1/%2: the grid has only %3 configurations")
                                 .arg(shard)
                                 .arg(shards)
                                 .arg(inputs.plan().size()));
    }

    const auto markets = inputs.loadMarkets();
    const SweepResult result = Sweep::run(inputs.plan(), markets, options, nullptr,
        [](const SweepProgress& progress) { SweepOutput::printProgress(QStringLiteral("sweep"), progress); });
    if (shard > 0) {
        SweepFolder::writeShard(result, shard, shards, out);
        QTextStream(stderr) << QStringLiteral("shard %1/%2: %3 configurations, %4\n")
                                   .arg(shard)
                                   .arg(shards)
                                   .arg(result.configs.size())
                                   .arg(QDir(out).filePath(QLatin1String(SweepFolder::kShardJson)));
        return 0;
    }
    SweepOutput::write(result, inputs.plan(), markets, out);
    return 0;
}

} // namespace veloce
