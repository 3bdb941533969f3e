#include "data/timerangesource.h"

namespace veloce {

TimeRangeSource::TimeRangeSource(std::unique_ptr<BarSource> inner, std::int64_t fromMs, std::int64_t toMs)
    : m_inner(std::move(inner))
    , m_from(fromMs)
    , m_to(toMs)
{
}

bool TimeRangeSource::next(Bar& out)
{
    while (!m_done && m_inner->next(out)) {
        if (out.t >= m_to)
            break;
        if (out.t >= m_from) {
            ++m_delivered;
            return true;
        }
    }
    m_done = true;
    return false;
}

SourceStats TimeRangeSource::stats() const
{
    SourceStats s = m_inner->stats();
    s.bars = m_delivered;
    return s;
}

} // namespace veloce
