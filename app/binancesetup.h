#pragma once

#include "data/binancelivesource.h"
#include "sourcespec.h"
#include "types/config.h"

namespace veloce {

class LiveFeed;

// The composition root's one translation of the config (binance_* keys) and the command line or
// panel (--binance, --venue) into a Binance live source, for `paper`, `record` and the GUI.
class BinanceSetup
{
public:
    // Throws DataError (bad market list) or UsageError (bad --venue), naming the input.
    static BinanceLiveSource::Settings settings(const Config& config, const SourceSpec& spec);
    // A LiveFeed for a session (the caller owns it until the Session takes it).
    static LiveFeed* makeFeed(const Config& config, const SourceSpec& spec);
};

} // namespace veloce
