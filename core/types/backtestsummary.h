#pragma once

#include "types/phasescores.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace veloce {

// The numbers of summary.json (docs/strategy.md §6-7). One object feeds the CLI file, the GUI
// dashboard and the HTML report, so they can never disagree.
struct BacktestSummary
{
    QString symbol;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::int64_t bars = 0;
    double initialCapital = 0;
    double finalEquity = 0;
    double totalReturn = 0;
    std::int64_t totalTrades = 0;
    std::int64_t winningTrades = 0;
    std::int64_t losingTrades = 0;
    double winRate = 0;
    double maxDrawdown = 0;
    double sharpeRatio = 0;
    std::optional<double> sortinoRatio; // null when downside deviation is 0
    std::optional<double> profitFactor; // null when there is no loss
    double exposure = 0;
    double phaseActivity[PhaseScores::Count] = { 0, 0, 0, 0, 0 };
    std::int64_t signalCount = 0;
    std::int64_t rejectedSignals = 0;
    double elapsedMs = 0;
    double barsPerSecond = 0;
    bool cancelled = false; // the run was stopped before the end of the data
};

} // namespace veloce
