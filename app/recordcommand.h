#pragma once

#include "clicommand.h"

namespace veloce {

// veloce-cli record: writes Binance's live aggregated trades (after the configured warm-up of
// history) into aggTrades dump files, flushed as it goes, so that today's market can be
// backtested tomorrow with `backtest --data`. Prints JSON lines: start, feed health, end.
class RecordCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("record"); }
    QString summary() const override
    {
        return QStringLiteral("Record Binance's live trades as aggTrades dumps");
    }
    int run(const QStringList& arguments) override;
};

} // namespace veloce
