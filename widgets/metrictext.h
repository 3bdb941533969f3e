#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace veloce {

// How a summary.json metric reads in the Optimizer (heatmap cells, legend, results table, cards),
// the same way the sweep's HTML report writes it: returns, drawdown, win rate and exposure in
// percent, trade counts whole, equity as money, ratios with three decimals, an em dash for null.
class MetricText
{
    Q_DECLARE_TR_FUNCTIONS(MetricText)

public:
    static QString format(const QString& key, const std::optional<double>& value);
    // A short column title for the key ("Sharpe", "Max drawdown"); the key itself when unknown.
    static QString title(const QString& key);
};

} // namespace veloce
