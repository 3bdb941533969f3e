#pragma once

#include "types/bar.h"
#include "types/equitypoint.h"
#include "types/fill.h"
#include "types/phasescores.h"
#include "types/signal.h"
#include "types/trade.h"

namespace veloce {

// Receives what a run produces, as it happens, so that a 30-million-bar backtest streams its
// rows to disk instead of holding them. Per-bar callbacks are made only when asked for.
class BacktestSink
{
public:
    virtual ~BacktestSink() = default;
    virtual void onSignal(const SignalRecord&) { }
    virtual void onTrade(const Trade&) { }
    // Every immediate fill (entries and exits), after the account booked it. Backtests ignore
    // it; live sessions journal it (it carries the cash needed for crash recovery).
    virtual void onFill(const Fill&) { }
    // At least one row per UTC minute with a bar (the minute's last bar), and the final state.
    virtual void onEquity(const EquityPoint&) { }
    virtual bool wantsBars() const { return false; }
    virtual void onBar(const Bar&, const PhaseScores&) { }
};

} // namespace veloce
