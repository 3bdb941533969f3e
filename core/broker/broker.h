#pragma once

#include "types/fill.h"
#include "types/position.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <vector>

namespace veloce {

class Portfolio;

// What happened to an order at a venue. Paper orders fill at once; FreqTrade orders are placed,
// then confirmed (or not) by the venue's /status.
struct OrderEvent
{
    enum class Kind
    {
        Entry,
        Exit,
        ExitAll
    };
    enum class Status
    {
        Filled,
        Placed,
        Confirmed,
        Rejected,
        TimedOut,
        Failed
    };
    Kind kind = Kind::Entry;
    Status status = Status::Placed;
    std::int64_t positionId = 0;
    QString tag; // entry_tag at the venue (unique Veloce signal id)
    std::int64_t venueId = 0; // FreqTrade trade_id, 0 if none
    Side side = Side::Long;
    // Base amount and price per unit, as the venue reports them once it answered (FreqTrade:
    // the trade's amount and open_rate), before that what was asked for (the estimate a
    // market order was sized with). Never the stake.
    double qty = 0;
    double price = 0;
    QString message; // the venue's words, for the user
};

const char* orderKindName(OrderEvent::Kind k);
const char* orderStatusName(OrderEvent::Status s);

// What a venue changed in the account since the last call (positions confirmed, closed or gone).
struct VenueUpdate
{
    std::vector<Fill> fills;
    std::vector<Trade> trades;
    std::vector<OrderEvent> orders;
    // Once, when the venue's mode was verified at start (FreqTrade: "dry_run" or "live"), with
    // what identifies it (JSON) -- journaled as the session's actual mode.
    QString venueMode;
    QString venueDetail;
};

// The outcome of closing every position (kill switch): paper closes at the last price at once;
// a venue is asked to exit everything and polled until flat or a deadline.
struct FlattenResult
{
    bool flat = false;
    int closed = 0;
    QString message; // why it is not flat, or what the venue said
    std::vector<Trade> trades; // paper: the closing trades
};

// Where the per-bar engine (BarProcessor) executes. The price model is the paper fill model of
// docs/strategy.md §4 (close with slippage against the trader); a venue broker also routes the orders
// and later reconciles the account from the venue, which is then the source of truth.
class Broker
{
public:
    virtual ~Broker() = default;

    virtual QString name() const = 0;
    // true: orders fill now at entryPrice()/exitPrice() (paper, backtest). false: orders are
    // placed at a venue; the account learns the outcome through reconcile().
    virtual bool fillsImmediately() const = 0;
    virtual double entryPrice(const Signal& signal) const = 0;
    virtual double exitPrice(const Position& position, double close) const = 0;

    // Venue brokers only. `provisional` is the position the account booked for the signal (so
    // that risk limits count it while the order is in flight).
    virtual void placeEntry(const Position& provisional, const Signal& signal)
    {
        (void)provisional;
        (void)signal;
    }
    virtual void placeExit(const Position& position, ExitReason reason)
    {
        (void)position;
        (void)reason;
    }

    // Venue brokers: lifecycle on the engine thread, and the reconciliation of the account
    // with the venue. `onChange` is called (on the engine thread) when reconcile() has news,
    // `onFailure` for a problem a person should see, `onFatal` when the venue must not be used
    // at all (e.g. its mode is not the session's): the session ends, no order was sent.
    virtual void start(std::function<void()> onChange, std::function<void(const QString&)> onFailure,
        std::function<void(const QString&)> onFatal)
    {
        (void)onChange;
        (void)onFailure;
        (void)onFatal;
    }
    virtual void stop() { }
    virtual bool ready() const { return true; }
    virtual void reconcile(Portfolio& portfolio, VenueUpdate& out)
    {
        (void)portfolio;
        (void)out;
    }
};

} // namespace veloce
