#pragma once

#include "types/backtestsummary.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace veloce {

// What a sweep maximises (or, for max_drawdown, minimises): one numeric field of summary.json, by
// the same name. A null ratio (sortino_ratio or profit_factor undefined) ranks below every number.
class Objective
{
public:
    Objective() = default; // sharpe_ratio
    // Null for a key that is not an objective (keys() lists them).
    static std::optional<Objective> fromKey(const QString& key);
    static QStringList keys();

    const QString& key() const { return m_key; }
    bool minimised() const { return m_minimised; }
    std::optional<double> value(const BacktestSummary& summary) const;
    // True when `a` is strictly better than `b`.
    bool better(std::optional<double> a, std::optional<double> b) const;

private:
    QString m_key = QStringLiteral("sharpe_ratio");
    bool m_minimised = false;
};

} // namespace veloce
