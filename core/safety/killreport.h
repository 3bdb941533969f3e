#pragma once

#include "types/trade.h"

#include <QMetaType>
#include <QString>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
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

// What one flatten of the kill switch did, with its timings (journaled, shown, printed). Triggers
// that arrive while a flatten runs join it: they all receive this report (same id).
struct KillReport
{
    std::uint64_t id = 0; // what KillSwitch::trigger() returned to each caller
    int triggers = 0; // how many triggers were merged into this flatten
    QString reason; // e.g. "operator", "watchdog: no bar for 10 s"
    QString origin; // "gui", "cli", "watchdog", "breaker", "test", ...
    std::int64_t triggeredWallMs = 0;
    double haltLatencyMs = 0; // trigger -> halt flag set (entries refused)
    double flatLatencyMs = 0; // trigger -> the account is flat in memory (or given up)
    double flattenLatencyMs = 0; // trigger -> reported: flat and committed to the journal
    bool flattenRequested = true; // the drawdown breaker only halts
    bool flat = false;
    int closed = 0;
    int attempts = 0;
    QString message; // empty when flat; otherwise why not (an alarm for a person)
    std::vector<Trade> trades;
    std::optional<double> cash; // paper: the account after the flatten (what a restart restores)
    std::optional<double> equity;
    // The halt and every closing fill are committed to the journal (nothing of this report can be
    // undone by a crash). false: journalError says why.
    bool durable = false;
    QString journalError;

    nlohmann::json toJson() const; // also used by the kill socket's replies
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::KillReport)
Q_DECLARE_METATYPE(veloce::TradingState)
