#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli alerts: prints the open alarms of a journal (one JSON line each) and exits 3 while
// there are any; --ack acknowledges them (through the running session, or in the journal when
// none runs), which ends the non-zero exit codes of later `paper` runs.
class AlertsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("alerts"); }
    QString summary() const override
    {
        return QStringLiteral("List or acknowledge the open alarms of a journal");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
