#pragma once

#include "report/reportdata.h"
#include "safety/journalsession.h"
#include "types/backtestresult.h"

namespace veloce {

// A past live session read back from the journal, shaped like a backtest so that the one
// dashboard and the one HTML report show it: trades, signals and equity as journaled, the
// metrics of docs/strategy.md §6 from the same Metrics class the engine uses, fed the journal's
// per-minute equity rows (the very samples Sharpe and Sortino are defined on), its trades and
// its signals. What the journal does not keep stays empty and is said so: bar counts, exposure
// and phase activity (per-bar facts), and the candles -- the chart shows each minute's last
// close, joined (open = the previous close), because bars themselves are not journaled.
class JournalResult
{
public:
    static BacktestResult result(const JournalSession& session);
    // The report data of the same session (trades, markers, equity, minute closes; no score
    // timeline). `result` must be result(session).
    static ReportData report(const JournalSession& session, const BacktestResult& result);
    // The minute closes as candles (open = previous close, high/low = the larger/smaller).
    static std::vector<Bar> closeCandles(const JournalSession& session);
};

} // namespace veloce
