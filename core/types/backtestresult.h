#pragma once

#include "types/backtestsummary.h"
#include "types/bar.h"
#include "types/equitypoint.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QString>
#include <vector>

namespace veloce {

// One bar's scores, for score timelines (scores.csv, report, dashboard).
struct ScorePoint
{
    std::int64_t t = 0;
    PhaseScores scores;
};

// A finished backtest held in memory (GUI dashboard, HTML report). Built once on the worker
// thread, then shared read-only across threads: an immutable value.
struct BacktestResult
{
    BacktestSummary summary;
    QString source; // description of the data source
    QString configJson; // the config, secrets redacted
    QString configHash;
    double minEntryScore = 0; // the config's entry threshold, drawn with the phase scores
    // > 0: not a backtest but a past live session read back from the journal (File -> Sessions);
    // its summary has no per-bar facts (bars, exposure, phase activity, speed).
    std::int64_t journalSessionId = 0;
    std::vector<Trade> trades; // exit order
    std::vector<SignalRecord> signalRecords; // not "signals": that is a Qt keyword macro
    std::vector<EquityPoint> equity;
    std::vector<Bar> bars; // may be decimated for display; empty when not collected
    std::vector<ScorePoint> scores; // likewise
};

} // namespace veloce
