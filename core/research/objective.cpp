#include "research/objective.h"

namespace veloce {

namespace {
struct Field
{
    const char* key;
    bool minimised;
    std::optional<double> (*read)(const BacktestSummary&);
};

const Field kFields[] = {
    { "sharpe_ratio", false,
        [](const BacktestSummary& s) -> std::optional<double> { return s.sharpeRatio; } },
    { "sortino_ratio", false, [](const BacktestSummary& s) { return s.sortinoRatio; } },
    { "total_return", false,
        [](const BacktestSummary& s) -> std::optional<double> { return s.totalReturn; } },
    { "final_equity", false,
        [](const BacktestSummary& s) -> std::optional<double> { return s.finalEquity; } },
    { "profit_factor", false, [](const BacktestSummary& s) { return s.profitFactor; } },
    { "win_rate", false, [](const BacktestSummary& s) -> std::optional<double> { return s.winRate; } },
    { "max_drawdown", true, [](const BacktestSummary& s) -> std::optional<double> { return s.maxDrawdown; } },
    { "total_trades", false,
        [](const BacktestSummary& s) -> std::optional<double> {
            return static_cast<double>(s.totalTrades);
        } },
};

const Field* find(const QString& key)
{
    for (const Field& f : kFields)
        if (key == QLatin1String(f.key))
            return &f;
    return nullptr;
}
} // namespace

std::optional<Objective> Objective::fromKey(const QString& key)
{
    const Field* f = find(key);
    if (!f)
        return std::nullopt;
    Objective o;
    o.m_key = key;
    o.m_minimised = f->minimised;
    return o;
}

QStringList Objective::keys()
{
    QStringList out;
    for (const Field& f : kFields)
        out << QString::fromLatin1(f.key);
    return out;
}

std::optional<double> Objective::value(const BacktestSummary& summary) const
{
    return find(m_key)->read(summary);
}

bool Objective::better(std::optional<double> a, std::optional<double> b) const
{
    if (!a)
        return false;
    if (!b)
        return true;
    return m_minimised ? *a < *b : *a > *b;
}

} // namespace veloce
