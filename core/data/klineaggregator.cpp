#include "data/klineaggregator.h"

#include <algorithm>
#include <stdexcept>

namespace veloce {

KlineAggregator::KlineAggregator(std::int64_t intervalMs)
    : m_interval(intervalMs)
{
    if (intervalMs <= 0)
        throw std::invalid_argument("KlineAggregator: interval must be positive");
}

std::int64_t KlineAggregator::intervalStart(std::int64_t t) const
{
    // Floor division, also right for times before 1970.
    std::int64_t q = t / m_interval;
    if (t % m_interval != 0 && t < 0)
        --q;
    return q * m_interval;
}

bool KlineAggregator::addKline(const Kline& piece, Kline& done)
{
    const std::int64_t start = intervalStart(piece.openTime);
    bool completed = false;
    if (m_open && start != m_current.openTime) {
        done = m_current;
        completed = true;
        m_open = false;
    }
    if (!m_open) {
        m_current = piece;
        m_current.openTime = start;
        m_current.closeTime = start + m_interval - 1;
        m_open = true;
        return completed;
    }
    m_current.high = std::max(m_current.high, piece.high);
    m_current.low = std::min(m_current.low, piece.low);
    m_current.close = piece.close;
    m_current.volume += piece.volume;
    m_current.quoteVolume += piece.quoteVolume;
    m_current.count += piece.count;
    m_current.takerBuyBase += piece.takerBuyBase;
    m_current.takerBuyQuote += piece.takerBuyQuote;
    return completed;
}

bool KlineAggregator::flush(Kline& done)
{
    if (!m_open)
        return false;
    done = m_current;
    m_open = false;
    return true;
}

} // namespace veloce
