#pragma once

#include "data/aggtrade.h"

#include <cstdint>
#include <functional>
#include <map>

namespace veloce {

// Puts one symbol's aggregated trades back into id order, exactly once, whatever mix of sources
// they come from (two WebSocket connections during a handover, REST pages of a warm-up or a
// repair) and whatever they suffer on the way (duplicates, reordering, losses).
//
// Aggregate trade ids increase by one per trade, so the next trade to hand on is always known:
// next() == last delivered id + 1. A trade with that id is delivered at once, together with any
// held successors; an older id is a duplicate and dropped; a newer one is held until the ids
// before it arrive -- or until the caller, having asked REST for them, declares the missing range
// empty with skipTo(). Trades offered before start() are held: the warm-up decides where the
// sequence begins. Held trades are bounded (maxHeld); beyond that the newest are dropped and
// counted as deferred: they are not lost, the REST repair that the gap triggers fetches them again.
//
// The steady state (each trade the successor of the last) never touches the map: no allocation.
// Not thread-safe; one thread (the feed's) uses it.
class AggTradeSequencer
{
public:
    using Sink = std::function<void(const AggTrade&)>;

    AggTradeSequencer(std::size_t maxHeld, Sink sink);

    enum class Offer
    {
        Delivered, // it was next (and held successors may have followed)
        Held, // ahead of a gap
        Duplicate, // already delivered or already held
        Deferred, // ahead of a gap, but the hold was full: REST will fetch it again
    };
    Offer offer(const AggTrade& trade);

    // Begins the sequence at `firstId`: held trades below it are discarded as duplicates of history
    // the caller has decided not to use, held ones from it on are delivered in order.
    void start(std::int64_t firstId);
    // REST says ids [next(), id) do not exist: continue at `id`.
    void skipTo(std::int64_t id);

    bool started() const { return m_started; }
    std::int64_t next() const { return m_next; }
    // Ids missing before held trades: [next(), firstHeld()) once started.
    bool hasGap() const { return m_started && !m_held.empty(); }
    std::int64_t firstHeld() const { return m_held.empty() ? m_next : m_held.begin()->first; }
    std::size_t heldCount() const { return m_held.size(); }

    std::int64_t delivered() const { return m_delivered; }
    std::int64_t duplicates() const { return m_duplicates; }
    std::int64_t deferred() const { return m_deferred; }
    std::int64_t released() const { return m_released; } // held, then delivered once the gap closed

private:
    void drain();

    std::size_t m_maxHeld;
    Sink m_sink;
    std::map<std::int64_t, AggTrade> m_held;
    bool m_started = false;
    std::int64_t m_next = 0;
    std::int64_t m_delivered = 0;
    std::int64_t m_duplicates = 0;
    std::int64_t m_deferred = 0;
    std::int64_t m_released = 0;
};

} // namespace veloce
