#pragma once

#include "research/sweepresult.h"

#include <QString>

namespace veloce::SweepCsv {

// sweep.csv (docs/research.md §2): one row per configuration and market, with `market` (the data's
// label), then the grid keys as written in the grid, then every field of summary.json under the
// same name (phase_activity flattened to phase_activity.squeeze, ...), numbers in shortest
// round-trip form, so a row equals the summary.json of `veloce-cli backtest` with that
// configuration. Throws DataError naming the file.
void write(const SweepResult& result, const QString& path);
// sweep-summary.csv: one row per configuration, ranked by the worst and then the median objective
// across markets, with the objective on every market.
void writeRanking(const SweepResult& result, const QString& path);
// Reads sweep.csv back into `result` (whose grid and markets are already set): configs and rows
// (without return sums). Throws DataError naming file and line.
void read(const QString& path, SweepResult& result);

} // namespace veloce::SweepCsv
