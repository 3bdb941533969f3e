#include "portfolio/portfolio.h"

#include <cmath>

namespace veloce {

namespace {
// Relative slack of the margin check (docs/strategy.md §5). A position sized at exactly the whole
// equity (size fraction 1, nothing open) has notional (equity / fill) * fill, which rounds one ulp
// above the equity for roughly 8 % of fill prices: without the slack, whether such an entry is
// taken would depend on floating-point rounding alone. 1e-9 is far above rounding (~1e-16 per
// operation) and far below any real over-commitment (0.001 USDT on a million).
constexpr double kMarginTolerance = 1e-9;
} // namespace

Portfolio::Portfolio(const Config& config)
    : m_config(config)
    , m_cash(config.initialCapital)
{
    m_positions.reserve(static_cast<std::size_t>(config.maxOpenPositions) + 1);
}

double Portfolio::slipped(double price, Side side, bool entering, double slippageBps)
{
    const double dir = entering ? sign(side) : -sign(side);
    return price * (1.0 + dir * slippageBps / 10000.0);
}

double Portfolio::marginUsed() const
{
    double n = 0;
    for (const auto& p : m_positions)
        n += p.notional();
    return n / m_config.leverage;
}

double Portfolio::quantityFor(const Signal& signal, double fill) const
{
    const double eq = equity();
    double qty = signal.sizeFraction * eq / fill;
    const double riskPerUnit = std::fabs(fill - signal.stop);
    if (riskPerUnit > 0)
        qty = std::min(qty, m_config.baseRiskPerTrade * eq / riskPerUnit);
    return qty;
}

RejectReason Portfolio::check(const Signal& signal, double peakEquity) const
{
    if (m_config.entryCooldownS > 0 && m_hasEntered
        && static_cast<double>(signal.t - m_lastEntryMs) < m_config.entryCooldownS * 1000.0)
        return RejectReason::Cooldown;
    if (!(signal.sizeFraction > 0))
        return RejectReason::Size;
    if (static_cast<int>(m_positions.size()) >= m_config.maxOpenPositions)
        return RejectReason::MaxPositions;
    const double eq = equity();
    if (!((peakEquity - eq) / peakEquity < m_config.maxDrawdownPercent))
        return RejectReason::Drawdown;
    const double fill = slipped(signal.price, signal.side, true, m_config.slippageBps);
    const double notional = quantityFor(signal, fill) * fill;
    if (!(marginUsed() + notional / m_config.leverage <= eq * (1.0 + kMarginTolerance)))
        return RejectReason::Margin;
    return RejectReason::None;
}

const Position& Portfolio::open(const Signal& signal, double fill)
{
    Position p;
    p.id = m_nextId++;
    p.side = signal.side;
    p.entryMs = signal.t;
    p.entry = fill;
    p.qty = quantityFor(signal, fill);
    p.stop = signal.stop;
    p.target = signal.target;
    p.score = signal.score;
    p.entryScores = signal.phases;
    p.entryFee = m_config.feeRate * p.qty * fill;
    p.last = signal.price;
    m_cash -= p.entryFee;
    m_lastEntryMs = signal.t;
    m_hasEntered = true;
    m_positions.push_back(p);
    return m_positions.back();
}

Trade Portfolio::close(std::size_t index, double fill, std::int64_t t, ExitReason reason)
{
    const Position p = m_positions[index];
    const double gross = sign(p.side) * (fill - p.entry) * p.qty;
    const double exitFee = m_config.feeRate * p.qty * fill;
    m_cash += gross - exitFee;
    m_positions.erase(m_positions.begin() + static_cast<std::ptrdiff_t>(index));

    Trade tr;
    tr.positionId = p.id;
    tr.entryMs = p.entryMs;
    tr.exitMs = t;
    tr.side = p.side;
    tr.entryPrice = p.entry;
    tr.exitPrice = fill;
    tr.qty = p.qty;
    tr.pnl = gross - p.entryFee - exitFee;
    tr.fees = p.entryFee + exitFee;
    tr.reason = reason;
    tr.score = p.score;
    tr.entryScores = p.entryScores; // once per trade, never per bar
    return tr;
}

void Portfolio::reconfigure(const Config& config)
{
    m_config = config;
    m_positions.reserve(static_cast<std::size_t>(config.maxOpenPositions) + 1);
}

void Portfolio::restore(
    double cash, const std::vector<Position>& positions, std::int64_t nextId, std::int64_t lastEntryMs)
{
    m_cash = cash;
    m_positions = positions;
    m_positions.reserve(static_cast<std::size_t>(m_config.maxOpenPositions) + 1);
    m_nextId = nextId;
    m_lastEntryMs = lastEntryMs;
    m_hasEntered = lastEntryMs != 0;
}

} // namespace veloce
