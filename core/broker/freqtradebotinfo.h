#pragma once

#include "types/config.h"

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace veloce {

// What a FreqTrade bot says about itself in GET /api/v1/show_config, and whether a session may
// use it (docs/freqtrade.md "Modes"). The bot's mode decides whether its orders are real, so it
// is read, never assumed: a reply without a boolean dry_run, or whose runmode contradicts it, is
// "unknown" and refused like a mismatch.
struct FreqtradeBotInfo
{
    std::optional<bool> dryRun; // show_config.dry_run; nullopt when absent or not a boolean
    QString runmode; // "dry_run", "live", "webserver", ...
    QString state; // "running", "stopped", "reload_config"
    QString exchange;
    QString tradingMode; // "spot", "margin", "futures"
    QString botName;
    QString version;
    QString strategy;
    bool forceEntryEnable = false;
    bool positionAdjustment = false;

    static FreqtradeBotInfo fromShowConfig(const nlohmann::json& showConfig);

    // "dry_run", "live", or "unknown" (see above).
    QString modeName() const;
    // Why a session in mode `wanted` (DryRun or Live) must not trade through this bot; empty
    // when it may. Live also needs the user's explicit confirmation (`liveConfirmed`).
    QString refusal(TradingMode wanted, bool liveConfirmed, const QString& endpoint) const;
    // For the journal: the mode and what identifies the bot.
    nlohmann::json toJson() const;
};

} // namespace veloce
