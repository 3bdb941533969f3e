#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli simulate: writes the built-in market simulator's bars as Veloce bar CSV.
class SimulateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("simulate"); }
    QString summary() const override { return QStringLiteral("Write simulated 1-second bars to a CSV file"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
