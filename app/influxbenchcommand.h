#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli influx-bench: how fast history streams from InfluxDB into bars (the README figure),
// next to the time the same chunked queries take when their bytes are only received.
class InfluxBenchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("influx-bench"); }
    QString summary() const override { return QStringLiteral("Measure InfluxDB history streaming (JSON)"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
