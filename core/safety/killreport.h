#pragma once

#include "types/trade.h"

#include <QMetaType>
#include <QString>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace veloce {

enum class TradingState
{
    Active,
    Halted
};

inline const char* tradingStateName(TradingState s)
{
    return s == TradingState::Active ? "active" : "halted";
}

// What one trigger of the kill switch did, with its timings (journaled, shown, printed).
struct KillReport
{
    QString reason; // e.g. "operator", "watchdog: no bar for 10 s"
    QString origin; // "gui", "cli", "watchdog", "breaker", "test", ...
    std::int64_t triggeredWallMs = 0;
    double haltLatencyMs = 0; // trigger -> halt flag set (entries refused)
    double flattenLatencyMs = 0; // trigger -> flat (or given up)
    bool flattenRequested = true; // the drawdown breaker only halts
    bool flat = false;
    int closed = 0;
    int attempts = 0;
    QString message; // empty when flat; otherwise why not (an alarm for a person)
    std::vector<Trade> trades;

    nlohmann::json toJson() const; // also used by the kill socket's replies
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::KillReport)
Q_DECLARE_METATYPE(veloce::TradingState)
