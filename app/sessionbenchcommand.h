#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli session-bench: the live-session figures quoted in README.md -- bar arrival ->
// signal -> paper fill latency inside a running Session, and kill switch -> flat with the
// engine thread deliberately stalled.
class SessionBenchCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("session-bench"); }
    QString summary() const override
    {
        return QStringLiteral("Measure live-session latency and kill-switch time (JSON)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
