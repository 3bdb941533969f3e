#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli bench: the engine and parser throughput figures quoted in README.md, each with a
// ratio to a reference measured in the same run (ratios hold across machines; bars/s do not).
class BenchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override
    {
        return QStringLiteral("Measure engine and parser throughput against references (JSON)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
