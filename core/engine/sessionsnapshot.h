#pragma once

#include "data/feedhealth.h"
#include "types/bar.h"
#include "types/equitypoint.h"
#include "types/phasescores.h"
#include "types/position.h"
#include "types/trade.h"

#include <QMetaType>
#include <QString>
#include <memory>
#include <vector>

namespace veloce {

// Lifecycle of a live session. Trading ACTIVE/HALTED is separate (the kill switch owns it).
enum class SessionState
{
    Idle,
    Running,
    Finished,
    Stopped,
    Failed
};

const char* sessionStateName(SessionState s);

// Everything a view needs to draw a live session, taken at one instant on the engine thread
// (or on the kill-switch thread after a flatten) and never changed afterwards: views get a
// shared pointer to const and may keep it as long as they like without locking.
// Published at most ~30 times a second (coalesced), and only when something changed.
struct SessionSnapshot
{
    std::int64_t seq = 0; // increases with every published snapshot
    std::int64_t wallMs = 0; // UTC ms when it was taken
    SessionState state = SessionState::Idle;
    bool halted = false; // the kill switch's halt flag (entries refused)
    QString mode; // "paper", "dry_run", "live"
    QString broker; // "paper", "freqtrade"
    QString source; // description of the feed

    // The last bars and their phase scores, parallel arrays, oldest first (<= kBars).
    std::vector<Bar> bars;
    std::vector<PhaseScores> scores;
    PhaseScores current; // the newest bar's scores (= scores.back())

    std::vector<Position> positions; // open, in order of opening, marked at the last close
    std::vector<Trade> recentTrades; // newest last (<= kTrades)
    std::vector<EquityPoint> equityCurve; // one point per minute with a bar, plus the current one

    double equity = 0;
    double cash = 0;
    double drawdown = 0; // (peak - equity) / peak
    double maxDrawdown = 0;
    std::int64_t barCount = 0; // bars processed by this session
    std::int64_t signalCount = 0;
    std::int64_t rejectedCount = 0;
    std::int64_t tradeCount = 0;
    double barsPerSecond = 0; // over the last second or more
    std::int64_t lastBarMs = 0; // bar time of the newest bar, 0 before the first
    double lastBarAgeMs = -1; // wall time since the newest bar was processed; -1 before the first
    QString lastAlert; // the latest problem reported by the session, empty if none
    FeedHealth feed; // the feed's connection (state None for feeds without one)

    static constexpr int kBars = 600;
    static constexpr int kTrades = 50;
    static constexpr int kEquityPoints = 1440;
};

using SessionSnapshotPtr = std::shared_ptr<const SessionSnapshot>;

} // namespace veloce

Q_DECLARE_METATYPE(veloce::SessionSnapshotPtr)
Q_DECLARE_METATYPE(veloce::SessionState)
