#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli markets: the aggr-server markets an InfluxDB measurement holds, one per line.
class MarketsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("markets"); }
    QString summary() const override { return QStringLiteral("List the markets stored in InfluxDB"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
