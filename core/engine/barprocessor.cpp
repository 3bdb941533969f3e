#include "engine/barprocessor.h"

#include "engine/backtestsink.h"

#include <algorithm>

namespace veloce {

BarProcessor::BarProcessor(const Config& config, BacktestSink& sink, Broker* broker)
    : m_config(config)
    , m_sink(sink)
    , m_paper(config)
    , m_broker(broker ? *broker : m_paper)
    , m_strategy(std::in_place, config)
    , m_portfolio(config)
    , m_metrics(config.initialCapital)
    , m_wantsBars(sink.wantsBars())
{
}

void BarProcessor::step(
    const Bar& bar, std::uint8_t activePhases, const Signal* signal, const PhaseScores* scores)
{
    // The peak as of the previous bar, for the drawdown check of this bar's entry.
    const double peakBefore = m_metrics.peak();
    m_lastMs = bar.t;
    m_lastClose = bar.close;

    if (m_portfolio.mark(bar.close)) // 1; on most bars no position exits: no call
        exits(bar); // 2
    if (signal) // 3 (scored by the caller)
        decide(*signal, peakBefore); // 4

    const double equity = m_portfolio.equity(); // 5
    if (m_metrics.onBar(bar.t, equity, !m_portfolio.flat(), activePhases))
        m_sink.onEquity(m_lastPoint); // the previous minute's last bar
    m_lastPoint = { bar.t, equity, m_portfolio.cash(), m_metrics.drawdown() };
    if (m_wantsBars && scores)
        m_sink.onBar(bar, *scores);
}

void BarProcessor::decide(const Signal& signal, double peakBefore)
{
    SignalRecord rec;
    rec.signal = signal;
    rec.reason = (m_halted && m_halted->load(std::memory_order_acquire))
        ? RejectReason::Halted
        : m_portfolio.check(rec.signal, peakBefore);
    rec.accepted = rec.reason == RejectReason::None;
    if (rec.accepted)
        entry(rec.signal);
    m_metrics.onSignal(rec.accepted);
    m_sink.onSignal(rec);
}

void BarProcessor::process(const Bar& bar)
{
    m_strategy->update(bar); // step 3, ahead: it depends on the bars only
    step(bar, m_strategy->scored().activePhases(), m_strategy->hasSignal() ? &m_strategy->signal() : nullptr,
        &m_strategy->scores());
}

void BarProcessor::process(const Bar& bar, const ScoredBar& scored)
{
    Q_ASSERT(!m_wantsBars);
    const bool hasSignal = m_strategy->signalFor(bar, scored, m_signal);
    step(bar, scored.activePhases(), hasSignal ? &m_signal : nullptr, nullptr);
}

void BarProcessor::process(std::span<const Bar> bars, std::span<const ScoredBar> scored)
{
    Q_ASSERT(bars.size() == scored.size());
    for (std::size_t i = 0; i < bars.size(); ++i)
        process(bars[i], scored[i]);
}

bool BarProcessor::reconfigure(const Config& config)
{
    Q_ASSERT(m_portfolio.flat());
    const bool keep = Strategy::scoreKey(config) == Strategy::scoreKey(m_config);
    m_config = config;
    m_paper = PaperBroker(config);
    m_portfolio.reconfigure(config);
    if (keep)
        m_strategy->retune(config);
    else
        m_strategy.emplace(config);
    return keep;
}

void BarProcessor::exits(const Bar& bar)
{
    // Several exits on one bar close in the order the positions were opened.
    std::size_t i = 0;
    while (i < m_portfolio.positions().size()) {
        const Position& p = m_portfolio.positions()[i];
        ExitReason reason;
        if (Portfolio::exitWanted(p, bar.close, reason)) {
            if (!m_broker.fillsImmediately()) {
                // The venue closes it; the position stays until reconciliation confirms.
                m_broker.placeExit(p, reason);
                ++i;
                continue;
            }
            const double fill = m_broker.exitPrice(p, bar.close);
            emitTrade(m_portfolio.close(i, fill, bar.t, reason));
        } else {
            ++i;
        }
    }
}

void BarProcessor::entry(const Signal& signal)
{
    const double fill = m_broker.entryPrice(signal);
    const Position& p = m_portfolio.open(signal, fill);
    if (m_broker.fillsImmediately())
        m_sink.onFill({ p.id, signal.t, true, p.side, p.entry, p.qty, p.entryFee, m_portfolio.cash(),
            ExitReason::Stop });
    else
        m_broker.placeEntry(p, signal);
}

void BarProcessor::emitTrade(const Trade& trade)
{
    if (m_broker.fillsImmediately())
        m_sink.onFill({ trade.positionId, trade.exitMs, false, trade.side, trade.exitPrice, trade.qty,
            m_config.feeRate * trade.qty * trade.exitPrice, m_portfolio.cash(), trade.reason });
    m_metrics.onTrade(trade);
    m_sink.onTrade(trade);
}

void BarProcessor::applyVenueUpdate(const VenueUpdate& update)
{
    for (const Fill& f : update.fills)
        m_sink.onFill(f);
    for (const Trade& t : update.trades) {
        m_metrics.onTrade(t);
        m_sink.onTrade(t);
    }
}

void BarProcessor::closeAll(ExitReason reason)
{
    if (!m_broker.fillsImmediately()) {
        for (const Position& p : m_portfolio.positions())
            m_broker.placeExit(p, reason);
        return;
    }
    while (!m_portfolio.flat()) {
        const Position& p = m_portfolio.positions().front();
        const double fill = m_broker.exitPrice(p, m_lastClose);
        emitTrade(m_portfolio.close(0, fill, m_lastMs, reason));
    }
}

void BarProcessor::finish(BacktestSummary& out)
{
    const double finalEquity = m_portfolio.equity();
    m_metrics.finish(finalEquity, out);
    if (m_metrics.bars() > 0) {
        EquityPoint last = m_lastPoint;
        last.equity = finalEquity;
        last.cash = m_portfolio.cash();
        const double peak = std::max(m_metrics.peak(), finalEquity);
        last.drawdown = (peak - finalEquity) / peak;
        m_sink.onEquity(last);
    }
}

} // namespace veloce
