#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli rearm: allows entries again after a kill, a breaker or a restart while halted. With
// a session running on the journal it asks that session (through its kill socket); without one
// it records the re-arm in the journal, so that the next start is active. Refused while a flatten
// runs or while the journal of the running session has failed.
class RearmCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("rearm"); }
    QString summary() const override
    {
        return QStringLiteral("Re-arm trading after the kill switch or a halt");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
