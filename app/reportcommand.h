#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli report: the self-contained HTML report of a finished backtest, from its output
// folder (summary.json, trades.csv, signals.csv, report-data.json).
class ReportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Write the HTML report of a backtest folder"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
