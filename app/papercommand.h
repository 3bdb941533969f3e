#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli paper: a live session without a window. Prints one JSON object per line and
// event (start, bar summary at most once a second, signal, order, fill, trade, state, kill,
// alert, end); fills and trades are printed once the journal has them on disk. SIGINT/SIGTERM
// stop it cleanly; `veloce-cli kill` from another terminal halts and flattens it.
class PaperCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("paper"); }
    QString summary() const override
    {
        return QStringLiteral("Run a live paper (or FreqTrade) session (JSON lines)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
