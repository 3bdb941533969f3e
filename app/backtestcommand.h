#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli backtest: one run over a file, the simulator or InfluxDB; writes docs/strategy.md §7.
class BacktestCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("backtest"); }
    QString summary() const override { return QStringLiteral("Run a backtest and write its result files"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
