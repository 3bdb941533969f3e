#pragma once

#include "data/sourcestats.h"
#include "types/bar.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace veloce {

class BarSource;

// The bars of one market (or one period) for a sweep: decoded once, then shared read-only by every
// worker thread through a shared_ptr<const MarketData>. 56 bytes a bar: a year of 1-minute bars is
// 29 MB, a month of 1-second bars 145 MB.
struct MarketData
{
    QString label; // the `market` column of sweep.csv
    QString source; // where the bars came from (BarSource::description())
    QString symbol;
    QString fileSha256; // of the input file's bytes, as `sha256sum` prints it; empty if not a file
    QString barsSha256; // of the decoded bars (t, OHLC, volumes): what the sweep actually ran on
    SourceStats stats;
    std::vector<Bar> bars;

    // Reads `source` to the end. `fileSha256`: of the file behind it, if any (the caller read it).
    // Returns null if `cancel` was set meanwhile. Throws DataError.
    static std::shared_ptr<const MarketData> load(BarSource& source, const QString& label,
        const QString& fileSha256 = QString(), const std::atomic<bool>* cancel = nullptr);

    // First bar index with t >= ms (bars.size() if none).
    std::size_t lowerBound(std::int64_t ms) const;
    // UTC minutes that have a bar among bars[begin, end): the equity samples of sharpe_ratio
    // (docs/strategy.md §6), so end - begin bars give minutes - 1 returns.
    std::int64_t minutes(std::size_t begin, std::size_t end) const;
    std::int64_t startMs() const { return bars.empty() ? 0 : bars.front().t; }
    std::int64_t endMs() const { return bars.empty() ? 0 : bars.back().t; }
};

} // namespace veloce
