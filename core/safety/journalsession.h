#pragma once

#include "types/equitypoint.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace veloce {

// One row of the journal's session list (File -> Sessions), as JournalReader reads it.
struct JournalSessionInfo
{
    std::int64_t id = 0;
    std::int64_t startedMs = 0; // wall time
    std::int64_t endedMs = 0; // 0: no end row (still running, or the process died)
    QString endReason; // "finished", "stopped", "failed", "shutdown", or empty
    QString mode; // paper, dry_run, live
    QString broker; // paper, freqtrade
    QString source;
    QString configHash;
    std::int64_t recoveredFrom = 0; // the session whose account it continued, 0 for a fresh one
    std::int64_t firstBarMs = 0; // bar times of its equity rows (0 when it had none)
    std::int64_t lastBarMs = 0;
    std::int64_t trades = 0;
    double pnl = 0; // sum of its trades' pnl (fees included)
    bool endedHalted = false; // trading was halted (kill switch, breaker) when it ended
};

// A past session read back from the journal, everything the dashboard and the report show.
struct JournalSession
{
    JournalSessionInfo info;
    QString configJson; // as journaled (secrets redacted)
    double startingEquity = 0; // initial_capital, or the equity it continued from
    double minEntryScore = 0;
    std::vector<Trade> trades; // in the order they closed; entry scores from the entry's signal
    std::vector<SignalRecord> signalRecords; // in time order, at most kMaxSignals
    std::int64_t signalCount = 0; // all of them
    std::vector<EquityPoint> equity; // one row per minute with a bar
    std::vector<double> closes; // the last close of each equity row's minute (parallel)

    static constexpr std::size_t kMaxSignals = 2'000'000;
};

} // namespace veloce
