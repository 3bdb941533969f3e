#pragma once

#include "clicommand.h"

#include <nlohmann/json.hpp>

namespace veloce {

class SessionHost;
struct SessionSetup;

// veloce-cli paper: a live session without a window. Prints one JSON object per line and
// event (start, bar summary at most once a second, signal, order, fill, trade, state, kill,
// trading, alert, end); session events are printed once the journal has them on disk, in their
// sequence order. SIGINT/SIGTERM stop it cleanly; `veloce-cli kill` from another terminal halts
// and flattens it. Exit codes: 0, 2 (bad input, a refused journal, a failed source), 3 (ended
// with an open alarm).
class PaperCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("paper"); }
    QString summary() const override
    {
        return QStringLiteral("Run a live paper (or FreqTrade) session (JSON lines)");
    }
    int run(const QStringList& arguments) override;

private:
    static nlohmann::ordered_json startLine(const SessionHost& host, const SessionSetup& setup);
};

} // namespace veloce
