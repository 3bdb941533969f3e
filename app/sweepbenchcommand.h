#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli sweep-bench: the sweep figures of README.md: a 1,000-configuration grid over a year of
// 1-minute bars, beside the single-configuration engine figure of `veloce-cli bench`, measured in
// the same run.
class SweepBenchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sweep-bench"); }
    QString summary() const override
    {
        return QStringLiteral("Measure sweep throughput against the engine (JSON)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
