#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <QString>

namespace veloce {

// What a live session is made of, as chosen on the command line or in the GUI.
struct SessionSetup
{
    Config config;
    SourceSpec source; // Simulator (endless), File (replay), Influx (live polling) or Binance (live)
    double speed = 1.0; // × real time for the simulator and replays; 0 = as fast as possible
    QString broker = QStringLiteral("paper"); // "paper" | "freqtrade"
    // FreqTrade with config.mode Live: the user confirmed real orders (--confirm-live, or typed
    // in the window). The broker still refuses a bot whose mode is not config.mode.
    bool confirmLive = false;
    QString journalPath; // SQLite journal; also names the kill socket
    bool killSocket = true; // listen for `veloce-cli kill`
    int journalMaxPages = 0; // > 0: cap the journal (SQLite pages) to rehearse a full disk
};

} // namespace veloce
