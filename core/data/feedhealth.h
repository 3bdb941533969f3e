#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>

namespace veloce {

// How a live market-data connection is doing, as a person should see it (status bar, the CLI's
// "feed" events): connection state, exchange-to-local lag, and what was survived -- reconnects,
// repaired gaps, duplicates. A plain value: feeds publish copies, sessions put them into
// snapshots. Feeds without a connection (simulator, files) leave state at None.
struct FeedHealth
{
    enum class State
    {
        None, // the feed has no connection to report on
        Connecting, // first connection being opened
        WarmingUp, // history being fetched before the live stream is used
        Live, // streaming; every second becomes final by the rules
        Repairing, // trades missed by the stream are being fetched from REST
        Reconnecting, // the connection was lost; the next attempt is scheduled
        RateLimited, // the REST API asked us to wait (429 Retry-After) or our budget is spent
        Failed, // cannot go on (e.g. unknown symbol)
        Stopped,
    };
    State state = State::None;
    QString detail; // what the state is about, e.g. "next attempt in 1.2 s: remote host closed"
    double lagMs = -1; // local receipt time - exchange event time of the newest message; -1 unknown
    int connections = 0; // WebSocket connections open now (2 during a handover)
    std::int64_t trades = 0; // trades accepted in sequence (history and stream)
    std::int64_t warmupTrades = 0; // of which fetched for the warm-up
    std::int64_t reconnects = 0; // connections lost and replaced
    std::int64_t handovers = 0; // planned replacements (24-hour limit, serverShutdown)
    std::int64_t gapsRepaired = 0; // losses repaired from REST
    std::int64_t tradesRepaired = 0; // trades those repairs fetched that the stream had not delivered
    std::int64_t duplicates = 0; // trades received more than once and dropped
    std::int64_t lateTrades = 0; // trades for a second already made final (dropped; raise the grace)
    std::int64_t restRequests = 0;
    std::int64_t rateLimited = 0; // HTTP 429 answers (each respected)
    int usedWeight = 0; // REST request weight spent in the last minute

    static const char* stateName(State s)
    {
        switch (s) {
        case State::None:
            return "none";
        case State::Connecting:
            return "connecting";
        case State::WarmingUp:
            return "warming_up";
        case State::Live:
            return "live";
        case State::Repairing:
            return "repairing";
        case State::Reconnecting:
            return "reconnecting";
        case State::RateLimited:
            return "rate_limited";
        case State::Failed:
            return "failed";
        case State::Stopped:
            return "stopped";
        }
        return "";
    }
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::FeedHealth)
