#pragma once

#include "broker/paperbroker.h"
#include "portfolio/metrics.h"
#include "portfolio/portfolio.h"
#include "strategy/strategy.h"
#include "types/config.h"
#include "types/equitypoint.h"

#include <atomic>
#include <optional>
#include <span>

namespace veloce {

class BacktestSink;

// The per-bar order of docs/strategy.md §4, shared by backtests, paper sessions and parameter sweeps
// so that all trade identically: mark, exits, score, signal, entry, equity. Orders go to a Broker:
// by default the PaperBroker (fills at the bar close with slippage; fees by the Portfolio). A venue
// broker (FreqTrade) gets the orders instead and the account is reconciled from the venue.
//
// Step 3 (scoring) reads only the bars, never the account, so it may be computed before steps 1-2
// or by someone else: process(bar) scores with this processor's own Strategy; process(bar, scored)
// takes the score from a stream that a sweep computed once for many configurations
// (core/research/scorestream.h). Both then run the same step(), the one implementation of the order.
class BarProcessor
{
public:
    // `broker` must outlive the processor; null means an internal PaperBroker.
    BarProcessor(const Config& config, BacktestSink& sink, Broker* broker = nullptr);

    void process(const Bar& bar);
    // `scored` must come from a Strategy with the same indicator keys (Strategy::scoreKey) and a
    // min_entry_score no higher than this configuration's. The sink must not want bars: a
    // ScoredBar does not carry the per-phase breakdown that onBar() reports.
    void process(const Bar& bar, const ScoredBar& scored);
    // The same for consecutive bars and their scores: one call for many bars (the sweep's loop).
    void process(std::span<const Bar> bars, std::span<const ScoredBar> scored);
    // Closes every open position at the last close (end of data, or the kill switch); with a
    // venue broker, places the exit orders instead.
    void closeAll(ExitReason reason);
    // Books what a venue broker reported (reconciliation): trades count in the metrics and go
    // to the sink like locally closed ones.
    void applyVenueUpdate(const VenueUpdate& update);
    // Entries are refused (reason "halted") while the flag is set; checked before every order.
    void setHaltFlag(const std::atomic<bool>* halted) { m_halted = halted; }

    const Strategy& strategy() const { return *m_strategy; }

    // Walk-forward: carries the account on under another configuration between windows. Only while
    // flat; cash, metrics and peak carry on. Returns true if the strategy kept its history (same
    // indicator keys, Strategy::scoreKey); false if it starts afresh and the caller must warmUp()
    // it over the bars before the next one it trades.
    bool reconfigure(const Config& config);
    // Scores a bar without trading: rebuilds the strategy's history before the first traded bar.
    void warmUp(const Bar& bar) { m_strategy->update(bar); }
    const Portfolio& portfolio() const { return m_portfolio; }
    // Equity after the last process() (computed there anyway).
    double lastEquity() const { return m_lastPoint.equity; }
    Portfolio& portfolio() { return m_portfolio; }
    const Metrics& metrics() const { return m_metrics; }
    // Time and close of the last bar processed: closeAll() fills at that close.
    std::int64_t lastBarMs() const { return m_lastMs; }
    double lastClose() const { return m_lastClose; }
    // A restored account (journal recovery) has positions before the first live bar: this is
    // the price closeAll() uses until then.
    void primeLastBar(const Bar& bar)
    {
        m_lastMs = bar.t;
        m_lastClose = bar.close;
    }
    bool hasBars() const { return m_metrics.bars() > 0; }
    // Emits the final equity row and fills the summary (after closeAll(End) for backtests).
    void finish(BacktestSummary& out);

private:
    // Inlined into process(bar) and process(bar, scored): a call per bar and configuration costs six
    // saved registers on the way in and out, about a tenth of a sweep's per-bar instructions.
    [[gnu::always_inline]] inline void step(
        const Bar& bar, std::uint8_t activePhases, const Signal* signal, const PhaseScores* scores);
    void exits(const Bar& bar);
    // Step 4 for a bar with a signal: the risk checks, the entry, the signal's record. Out of line:
    // most bars have none, and step() stays small enough to inline.
    void decide(const Signal& signal, double peakBefore);
    void entry(const Signal& signal);
    void emitTrade(const Trade& trade);

    Config m_config;
    BacktestSink& m_sink;
    PaperBroker m_paper;
    Broker& m_broker;
    std::optional<Strategy> m_strategy; // always set; optional so reconfigure() can rebuild it
    Portfolio m_portfolio;
    Metrics m_metrics;
    const std::atomic<bool>* m_halted = nullptr;
    // Not a copy of the whole Bar: two stores instead of eight on every bar and configuration.
    std::int64_t m_lastMs = 0;
    double m_lastClose = 0;
    EquityPoint m_lastPoint;
    Signal m_signal; // scratch for process(bar, scored)
    bool m_wantsBars;
};

} // namespace veloce
