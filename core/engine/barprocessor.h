#pragma once

#include "broker/paperbroker.h"
#include "portfolio/metrics.h"
#include "portfolio/portfolio.h"
#include "strategy/strategy.h"
#include "types/config.h"
#include "types/equitypoint.h"

#include <atomic>

namespace veloce {

class BacktestSink;

// The per-bar order of docs/strategy.md §4, shared by backtests and paper sessions so that both trade
// identically: mark, exits, score, signal, entry, equity. Orders go to a Broker: by default the
// PaperBroker (fills at the bar close with slippage; fees by the Portfolio). A venue broker
// (FreqTrade) gets the orders instead and the account is reconciled from the venue.
class BarProcessor
{
public:
    // `broker` must outlive the processor; null means an internal PaperBroker.
    BarProcessor(const Config& config, BacktestSink& sink, Broker* broker = nullptr);

    void process(const Bar& bar);
    // Closes every open position at the last close (end of data, or the kill switch); with a
    // venue broker, places the exit orders instead.
    void closeAll(ExitReason reason);
    // Books what a venue broker reported (reconciliation): trades count in the metrics and go
    // to the sink like locally closed ones.
    void applyVenueUpdate(const VenueUpdate& update);
    // Entries are refused (reason "halted") while the flag is set; checked before every order.
    void setHaltFlag(const std::atomic<bool>* halted) { m_halted = halted; }

    const Strategy& strategy() const { return m_strategy; }
    const Portfolio& portfolio() const { return m_portfolio; }
    // Equity after the last process() (computed there anyway).
    double lastEquity() const { return m_lastPoint.equity; }
    Portfolio& portfolio() { return m_portfolio; }
    const Metrics& metrics() const { return m_metrics; }
    const Bar& lastBar() const { return m_lastBar; }
    // A restored account (journal recovery) has positions before the first live bar: this is
    // the price closeAll() uses until then.
    void primeLastBar(const Bar& bar) { m_lastBar = bar; }
    bool hasBars() const { return m_metrics.bars() > 0; }
    // Emits the final equity row and fills the summary (after closeAll(End) for backtests).
    void finish(BacktestSummary& out);

private:
    void exits(const Bar& bar);
    void entry(const Signal& signal);
    void emitTrade(const Trade& trade);

    Config m_config;
    BacktestSink& m_sink;
    PaperBroker m_paper;
    Broker& m_broker;
    Strategy m_strategy;
    Portfolio m_portfolio;
    Metrics m_metrics;
    const std::atomic<bool>* m_halted = nullptr;
    Bar m_lastBar;
    EquityPoint m_lastPoint;
    bool m_wantsBars;
};

} // namespace veloce
