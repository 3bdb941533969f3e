#include "sweepmergecommand.h"

#include "cliparser.h"
#include "data/dataerror.h"
#include "report/sweepfolder.h"
#include "research/shardplan.h"
#include "researchinputs.h"
#include "sweepoutput.h"
#include "types/configjson.h"

#include <QDir>
#include <QFileInfo>

namespace veloce {

SweepResult SweepMergeCommand::merge(const QString& shardsDir)
{
    const QDir root(shardsDir);
    if (!root.exists())
        throw DataError(QStringLiteral("%1: no such folder").arg(shardsDir));
    std::vector<ShardPlan::Part> parts;
    for (const QString& sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = root.filePath(sub);
        if (QFileInfo::exists(QDir(dir).filePath(QLatin1String(SweepFolder::kShardJson))))
            parts.push_back(SweepFolder::readShard(dir));
    }
    if (parts.empty())
        throw DataError(QStringLiteral("%1: no shard folder with %2 in it")
                            .arg(shardsDir, QLatin1String(SweepFolder::kShardJson)));
    const std::vector<int> missing = ShardPlan::missing(parts, parts.front().shards);
    if (!missing.empty()) {
        QStringList numbers;
        for (const int i : missing)
            numbers << QString::number(i);
        throw DataError(
            QStringLiteral("%1: shard(s) %2 of %3 missing or unfinished; run them again (veloce-cli sweep "
                           "--shard i/%3, or --slurm --resubmit %4)")
                .arg(shardsDir, numbers.join(QStringLiteral(", ")))
                .arg(parts.front().shards)
                .arg(numbers.join(QLatin1Char(','))));
    }
    return ShardPlan::merge(std::move(parts));
}

void SweepMergeCommand::checkData(
    const SweepResult& merged, const std::vector<std::shared_ptr<const MarketData>>& markets)
{
    if (markets.size() != merged.markets.size())
        throw DataError(QStringLiteral("the shards ran on %1 market(s), the command line names %2")
                            .arg(merged.markets.size())
                            .arg(markets.size()));
    for (std::size_t m = 0; m < markets.size(); ++m)
        if (markets[m]->barsSha256 != merged.markets[m].barsSha256)
            throw DataError(
                QStringLiteral("%1: not the bars the shards ran on (bars_sha256 %2, shards %3)")
                    .arg(markets[m]->source, markets[m]->barsSha256, merged.markets[m].barsSha256));
}

int SweepMergeCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral(
            "Merge the shard folders of a sweep (veloce-cli sweep --shard i/N --out SHARDS/i) into "
            "--out: the same files a local sweep writes. Give the data, grid and config options of "
            "the sweep: the data is checked against the shards and the best configuration is run "
            "again for best/."));
    ResearchInputs inputs(p, true);
    p.addOption({ QStringLiteral("shards"),
        QStringLiteral("Folder holding one folder per shard (default: OUT/shards)."),
        QStringLiteral("dir") });
    p.addOption({ QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("dir") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--out DIR is required"));
    inputs.read();
    const QString out = p.value(QStringLiteral("out"));
    const QString shards = p.isSet(QStringLiteral("shards")) ? p.value(QStringLiteral("shards"))
                                                             : QDir(out).filePath(QStringLiteral("shards"));
    const SweepResult merged = merge(shards);
    if (merged.grid.asWritten() != inputs.plan().grid().asWritten())
        throw DataError(
            QStringLiteral("%1: the shards ran another grid than %2").arg(shards, merged.grid.source()));
    if (merged.baseConfig != ConfigJson::toJson(inputs.base(), true))
        throw DataError(QStringLiteral("%1: the shards ran with another base config").arg(shards));
    const auto markets = inputs.loadMarkets();
    checkData(merged, markets);
    SweepOutput::write(merged, inputs.plan(), markets, out);
    return 0;
}

} // namespace veloce
