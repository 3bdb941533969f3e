#pragma once

#include "data/sourcestats.h"
#include "types/bar.h"

#include <cstdint>

namespace veloce {

// The one place that enforces "bars strictly increasing in t" (docs/strategy.md §1): every source
// passes its bars through accept(), which drops a duplicate or older bar and remembers how many
// and the first offending time, for SourceStats. Header-only: it runs once per bar.
class BarOrderGuard
{
public:
    bool accept(const Bar& bar)
    {
        if (m_any && bar.t <= m_last) {
            if (m_dropped++ == 0)
                m_firstDroppedMs = bar.t;
            return false;
        }
        m_any = true;
        m_last = bar.t;
        return true;
    }

    std::int64_t dropped() const { return m_dropped; }
    std::int64_t firstDroppedMs() const { return m_firstDroppedMs; }
    void addStatsTo(SourceStats& stats) const
    {
        if (m_dropped > 0 && stats.outOfOrder == 0)
            stats.firstOutOfOrderMs = m_firstDroppedMs;
        stats.outOfOrder += m_dropped;
    }

private:
    bool m_any = false;
    std::int64_t m_last = 0;
    std::int64_t m_dropped = 0;
    std::int64_t m_firstDroppedMs = 0;
};

} // namespace veloce
