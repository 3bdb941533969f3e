#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli bench: the engine and parser throughput figures quoted in README.md.
class BenchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override { return QStringLiteral("Measure engine and parser throughput (JSON)"); }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
