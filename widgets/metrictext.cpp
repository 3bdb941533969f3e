#include "metrictext.h"

#include "displayformat.h"

#include <cmath>

namespace veloce {

QString MetricText::format(const QString& key, const std::optional<double>& value)
{
    if (!value || !std::isfinite(*value))
        return QStringLiteral("\u2014");
    const double v = *value;
    if (key == QLatin1String("total_return") || key == QLatin1String("max_drawdown")
        || key == QLatin1String("win_rate") || key == QLatin1String("exposure"))
        return DisplayFormat::percent(v, 2);
    if (key == QLatin1String("total_trades"))
        return DisplayFormat::count(static_cast<std::int64_t>(std::llround(v)));
    if (key == QLatin1String("final_equity"))
        return DisplayFormat::money(v);
    return DisplayFormat::number(v, 3);
}

QString MetricText::title(const QString& key)
{
    if (key == QLatin1String("sharpe_ratio"))
        return tr("Sharpe");
    if (key == QLatin1String("sortino_ratio"))
        return tr("Sortino");
    if (key == QLatin1String("total_return"))
        return tr("Return");
    if (key == QLatin1String("final_equity"))
        return tr("Final equity");
    if (key == QLatin1String("profit_factor"))
        return tr("Profit factor");
    if (key == QLatin1String("win_rate"))
        return tr("Win rate");
    if (key == QLatin1String("max_drawdown"))
        return tr("Max drawdown");
    if (key == QLatin1String("total_trades"))
        return tr("Trades");
    if (key == QLatin1String("exposure"))
        return tr("Exposure");
    return key;
}

} // namespace veloce
