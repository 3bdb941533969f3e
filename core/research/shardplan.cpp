#include "research/shardplan.h"

#include "data/dataerror.h"
#include "research/sweepanalysis.h"

#include <QRegularExpression>
#include <algorithm>
#include <set>

namespace veloce {

std::pair<std::int64_t, std::int64_t> ShardPlan::slice(std::int64_t total, int shard, int shards)
{
    const auto first = total * (shard - 1) / shards;
    const auto last = total * shard / shards;
    return { first, last };
}

bool ShardPlan::parse(const QString& text, int& shard, int& shards)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,6})/(\\d{1,6})$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    shard = m.captured(1).toInt();
    shards = m.captured(2).toInt();
    return shards >= 1 && shard >= 1 && shard <= shards;
}

std::vector<int> ShardPlan::missing(const std::vector<Part>& parts, int shards)
{
    std::set<int> present;
    for (const Part& p : parts)
        present.insert(p.shard);
    std::vector<int> out;
    for (int i = 1; i <= shards; ++i)
        if (!present.count(i))
            out.push_back(i);
    return out;
}

SweepResult ShardPlan::merge(std::vector<Part> parts)
{
    if (parts.empty())
        throw DataError(QStringLiteral("no shard to merge"));
    std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.shard < b.shard; });
    const Part& first = parts.front();
    const SweepResult& ref = first.result;
    const auto mismatch = [&](const Part& p, const QString& what) {
        throw DataError(QStringLiteral("%1 (shard %2/%3) does not belong with %4: %5")
                            .arg(p.label)
                            .arg(p.shard)
                            .arg(p.shards)
                            .arg(first.label, what));
    };
    SweepResult merged;
    merged.grid = ref.grid;
    merged.baseConfig = ref.baseConfig;
    merged.objective = ref.objective;
    merged.blocks = ref.blocks;
    merged.markets = ref.markets;
    merged.jobs = ref.jobs;
    int previous = 0;
    for (Part& p : parts) {
        const SweepResult& r = p.result;
        if (p.shards != first.shards)
            mismatch(p, QStringLiteral("it is one of %1 shards, not %2").arg(p.shards).arg(first.shards));
        if (p.shard == previous)
            mismatch(p, QStringLiteral("shard %1 is there twice").arg(p.shard));
        previous = p.shard;
        if (r.grid.asWritten() != ref.grid.asWritten())
            mismatch(p, QStringLiteral("another grid"));
        if (r.baseConfig != ref.baseConfig)
            mismatch(p, QStringLiteral("another base config"));
        if (r.objective.key() != ref.objective.key() || r.blocks != ref.blocks)
            mismatch(p, QStringLiteral("another objective or PBO block count"));
        if (r.markets.size() != ref.markets.size())
            mismatch(p, QStringLiteral("another number of markets"));
        for (std::size_t m = 0; m < r.markets.size(); ++m)
            if (r.markets[m].barsSha256 != ref.markets[m].barsSha256
                || r.markets[m].label != ref.markets[m].label)
                mismatch(p, QStringLiteral("other data for market %1").arg(ref.markets[m].label));
        const auto [lo, hi] = slice(ref.grid.size(), p.shard, p.shards);
        std::vector<std::int64_t> expected;
        for (std::int64_t i = lo; i < hi; ++i)
            expected.push_back(i);
        if (r.configs != expected || r.cancelled)
            mismatch(
                p, QStringLiteral("it does not hold configurations %1 to %2 complete").arg(lo).arg(hi - 1));
        merged.elapsedMs = std::max(merged.elapsedMs, r.elapsedMs);
        merged.configs.insert(merged.configs.end(), r.configs.begin(), r.configs.end());
        for (SweepRow& row : p.result.rows)
            merged.rows.push_back(std::move(row));
    }
    SweepAnalysis::complete(merged);
    return merged;
}

} // namespace veloce
