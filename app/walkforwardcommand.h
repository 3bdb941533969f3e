#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli walkforward: walk-forward analysis of a parameter grid (docs/research.md §4).
class WalkForwardCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("walkforward"); }
    QString summary() const override
    {
        return QStringLiteral("Walk-forward: choose in sample, trade out of sample, window by window");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
