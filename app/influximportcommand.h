#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli influx-import: seeds an InfluxDB server with bars from a file (or the simulator) in
// aggr-server's schema, so that backtests and live sessions can run against it.
class InfluxImportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("influx-import"); }
    QString summary() const override
    {
        return QStringLiteral("Write bars from a file into InfluxDB (aggr-server schema)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
