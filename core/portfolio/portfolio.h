#pragma once

#include "types/config.h"
#include "types/position.h"
#include "types/signal.h"
#include "types/trade.h"

#include <vector>

namespace veloce {

// The linear perpetual-style margin account of docs/strategy.md §5: cash moves only by realised PnL
// and fees; equity = cash + Σ unrealised. Shared by backtests and live sessions. Storage for
// positions is reserved up front, so opening and closing never allocate.
class Portfolio
{
public:
    explicit Portfolio(const Config& config);

    // Price after slippage, always against the trader (entering long pays more, exiting less).
    static double slipped(double price, Side side, bool entering, double slippageBps);

    // Inline, like exitWanted(): with the marks, exits and equity of every bar they are most of a
    // sweep's per-configuration work. Returns whether any position wants to exit at `price`
    // (exitWanted()): one pass for both, and the caller walks the positions again only on the rare
    // bar that closes one.
    bool mark(double price)
    {
        bool exit = false;
        for (auto& p : m_positions) {
            p.last = price;
            exit |= reachesExit(p, price);
        }
        return exit;
    }
    double cash() const { return m_cash; }
    double equity() const
    {
        double e = m_cash;
        for (const auto& p : m_positions)
            e += p.unrealized();
        return e;
    }
    double marginUsed() const;
    const std::vector<Position>& positions() const { return m_positions; }
    bool flat() const { return m_positions.empty(); }
    std::int64_t lastEntryMs() const { return m_lastEntryMs; }

    // Would this signal be accepted now? `peakEquity` is the peak as of the previous bar.
    RejectReason check(const Signal& signal, double peakEquity) const;
    // Quantity for a signal at a given fill: score-sized, capped by the risk at the stop.
    double quantityFor(const Signal& signal, double fill) const;
    // Opens at the (slipped) fill; pays the entry fee. Returns the new position.
    const Position& open(const Signal& signal, double fill);
    // Closes position `index` at `fill`; returns the trade (pnl net of both fees).
    Trade close(std::size_t index, double fill, std::int64_t t, ExitReason reason);
    // The exit a position wants at this close, if any (stop before target, docs/strategy.md §4).
    static bool exitWanted(const Position& p, double close, ExitReason& reason)
    {
        if (!reachesExit(p, close)) [[likely]]
            return false;
        const bool isLong = p.side == Side::Long;
        if (isLong ? close <= p.stop : close >= p.stop) {
            reason = ExitReason::Stop;
            return true;
        }
        reason = ExitReason::Target;
        return true;
    }
    // Stop or target reached at this close: exitWanted() without the reason. Without branches:
    // `|` on the comparisons, not `||`.
    static bool reachesExit(const Position& p, double close)
    {
        const bool isLong = p.side == Side::Long;
        const bool isShort = !isLong;
        return (isLong & ((close <= p.stop) | (close >= p.target)))
            | (isShort & ((close >= p.stop) | (close <= p.target)));
    }

    // New risk and cost settings for what follows (walk-forward windows); only while flat. Cash and
    // the entry history stay; initial_capital is ignored (the account already exists).
    void reconfigure(const Config& config);

    // Restores state (journal recovery). Positions must be in order of opening.
    void restore(
        double cash, const std::vector<Position>& positions, std::int64_t nextId, std::int64_t lastEntryMs);
    std::int64_t nextId() const { return m_nextId; }

private:
    Config m_config;
    double m_cash;
    std::vector<Position> m_positions; // in order of opening
    std::int64_t m_nextId = 1;
    std::int64_t m_lastEntryMs = 0;
    bool m_hasEntered = false;
};

} // namespace veloce
