#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli stats: the market statistics of docs/simulator.md §6 (return and |return|
// autocorrelations, kurtosis, volatility, volume and taker flow) and how the strategy's phases
// fire, for any data source or the simulator, as a table or JSON.
class StatsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("stats"); }
    QString summary() const override
    {
        return QStringLiteral("Market statistics of a data file or the simulator (vs. real data)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
