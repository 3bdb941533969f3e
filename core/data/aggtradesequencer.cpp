#include "data/aggtradesequencer.h"

#include <algorithm>

namespace veloce {

AggTradeSequencer::AggTradeSequencer(std::size_t maxHeld, Sink sink)
    : m_maxHeld(std::max<std::size_t>(1, maxHeld))
    , m_sink(std::move(sink))
{
}

AggTradeSequencer::Offer AggTradeSequencer::offer(const AggTrade& trade)
{
    if (m_started && trade.id == m_next) {
        ++m_next;
        ++m_delivered;
        m_sink(trade);
        if (!m_held.empty())
            drain();
        return Offer::Delivered;
    }
    if (m_started && trade.id < m_next) {
        ++m_duplicates;
        return Offer::Duplicate;
    }
    if (m_held.count(trade.id) != 0) {
        ++m_duplicates;
        return Offer::Duplicate;
    }
    if (m_held.size() >= m_maxHeld) {
        // Keep the oldest: they are the ones the sequence needs first.
        const auto newest = std::prev(m_held.end());
        if (trade.id > newest->first) {
            ++m_deferred;
            return Offer::Deferred;
        }
        m_held.erase(newest);
        ++m_deferred;
    }
    m_held.emplace(trade.id, trade);
    return Offer::Held;
}

void AggTradeSequencer::start(std::int64_t firstId)
{
    m_started = true;
    m_next = firstId;
    while (!m_held.empty() && m_held.begin()->first < firstId) {
        m_held.erase(m_held.begin());
        ++m_duplicates;
    }
    drain();
}

void AggTradeSequencer::skipTo(std::int64_t id)
{
    if (!m_started || id <= m_next)
        return;
    m_next = id;
    while (!m_held.empty() && m_held.begin()->first < id) {
        m_held.erase(m_held.begin());
        ++m_duplicates;
    }
    drain();
}

void AggTradeSequencer::drain()
{
    while (!m_held.empty() && m_held.begin()->first == m_next) {
        const auto it = m_held.begin();
        ++m_next;
        ++m_delivered;
        ++m_released;
        m_sink(it->second);
        m_held.erase(it);
    }
}

} // namespace veloce
