#pragma once

#include "broker/broker.h"
#include "types/equitypoint.h"
#include "types/fill.h"
#include "types/position.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QMetaType>
#include <QString>
#include <cstdint>

namespace veloce {

// One thing that happened in a live session, in the order it happened (seq). The journal
// records every event; the CLI prints them as JSON lines; views may list them. Only the member
// named by `kind` is meaningful.
struct SessionEvent
{
    enum class Kind
    {
        Signal, // signal: a signal and the portfolio's decision
        Order, // order: an order at a venue (FreqTrade) changed status
        Fill, // fill (+ position for entries): the account booked an execution
        Trade, // trade: a round trip closed
        Equity, // equity: the per-minute equity row (journal only)
        State, // text: new session state name, detail: why
        Alert, // text: a problem for a person to look at
        Venue, // text: the venue's verified mode ("dry_run", "live"), detail: the venue (JSON)
    };
    Kind kind = Kind::Signal;
    std::int64_t seq = 0; // increasing within a session; fixes the order across threads
    std::int64_t wallMs = 0; // UTC ms when it happened
    std::int64_t barMs = 0; // the newest bar's time then (0 before the first bar)
    double close = 0; // and its close (the journal's last price for recovery)
    SignalRecord signal;
    OrderEvent order;
    Fill fill;
    Position position; // the opened position, for entry fills
    Trade trade;
    EquityPoint equity;
    QString text;
    QString detail;
};

const char* sessionEventKindName(SessionEvent::Kind k);

// Receives every event of a session. Called from the engine thread and from the kill-switch
// thread (after a flatten), so implementations are thread-safe and must not block on I/O.
class SessionRecorder
{
public:
    virtual ~SessionRecorder() = default;
    virtual void record(const SessionEvent& event) = 0;
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::SessionEvent)
