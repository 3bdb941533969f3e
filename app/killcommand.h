#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli kill: triggers the kill switch of the session running on a journal (through its
// local socket), waits for the flatten and prints the outcome and its latency as JSON.
// --rearm re-arms a halted session instead; --status only asks.
class KillCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("kill"); }
    QString summary() const override
    {
        return QStringLiteral("Halt and flatten a running session (kill switch)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
