#include "report/sweepfolder.h"

#include "data/dataerror.h"
#include "report/jsonfile.h"
#include "report/sweepcsv.h"
#include "report/sweepjson.h"
#include "research/sweepanalysis.h"

#include <QDir>
#include <QFileInfo>

namespace veloce {

namespace {
QString inDir(const QString& dir, const char* name)
{
    return QDir(dir).filePath(QLatin1String(name));
}
} // namespace

void SweepFolder::write(const SweepResult& result, const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw DataError(QStringLiteral("cannot create output folder %1").arg(dir));
    SweepCsv::write(result, inDir(dir, kSweepCsv));
    if (result.markets.size() > 1)
        SweepCsv::writeRanking(result, inDir(dir, kRankingCsv));
    JsonFile::write(
        inDir(dir, kSweepJson), QByteArray::fromStdString(SweepJson::metadata(result).dump(1) + "\n"));
}

SweepResult SweepFolder::read(const QString& dir)
{
    const QString jsonPath = inDir(dir, kSweepJson);
    SweepResult result;
    SweepJson::readMetadata(
        JsonFile::read<nlohmann::ordered_json>(jsonPath, kMaxJsonBytes), jsonPath, result);
    SweepCsv::read(inDir(dir, kSweepCsv), result);
    const std::int64_t best = result.best;
    result.ranking = SweepAnalysis::rank(result);
    if (!result.ranking.empty() && result.ranking.front().config != best)
        throw DataError(
            QStringLiteral("%1 names configuration %2 as the best, but %3 ranks %4 first: the files "
                           "are not from one sweep")
                .arg(jsonPath)
                .arg(best)
                .arg(inDir(dir, kSweepCsv))
                .arg(result.ranking.front().config));
    return result;
}

void SweepFolder::writeShard(const SweepResult& result, int shard, int shards, const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw DataError(QStringLiteral("cannot create output folder %1").arg(dir));
    // Written last and atomically: a shard folder with shard.json is a finished shard.
    JsonFile::write(
        inDir(dir, kShardJson), QByteArray::fromStdString(SweepJson::shard(result, shard, shards).dump()));
}

ShardPlan::Part SweepFolder::readShard(const QString& dir)
{
    const QString path = inDir(dir, kShardJson);
    if (!QFileInfo::exists(path))
        throw DataError(QStringLiteral("%1: missing (the shard did not finish)").arg(path));
    ShardPlan::Part part;
    part.label = path;
    part.result = SweepJson::readShard(
        JsonFile::read<nlohmann::ordered_json>(path, kMaxJsonBytes), path, part.shard, part.shards);
    return part;
}

bool SweepFolder::isSweepFolder(const QString& dir)
{
    return QFileInfo::exists(inDir(dir, kSweepJson));
}

} // namespace veloce
