#pragma once

#include "data/influxrow.h"
#include "types/bar.h"

#include <cstdint>

namespace veloce {

// Builds one bar per timestamp from aggr-server rows of one or more markets, rows arriving in
// time order: OHLC from the primary market (tag index 0), vbuy/vsell summed over all markets,
// null volumes counting 0. A timestamp whose primary row lacks any of OHLC (a liquidation-only
// second, or a second traded only on the other markets) gives no bar and is counted.
// Field order of the rows: open, high, low, close, vbuy, vsell.
class InfluxBarMerger
{
public:
    // Adds a row. When it starts a new timestamp, the previous one is closed: returns true and
    // sets `out` if that gave a bar. Rows older than the pending timestamp are dropped and counted.
    bool add(const InfluxRow& row, Bar& out);
    // Closes the pending timestamp (end of data, or it is known to be final).
    bool flush(Bar& out);
    // Forgets the pending timestamp without counting it (it will be read again).
    void discard() { m_pending = false; }

    bool hasPending() const { return m_pending; }
    std::int64_t pendingTime() const { return m_bar.t; }
    bool hasClosed() const { return m_hasClosed; }
    std::int64_t lastClosedTime() const { return m_lastClosed; } // last timestamp closed (bar or not)

    std::int64_t skippedNoPrice() const { return m_skippedNoPrice; }
    std::int64_t outOfOrder() const { return m_outOfOrder; }
    std::int64_t firstOutOfOrderMs() const { return m_firstOutOfOrder; }

private:
    bool close(Bar& out);

    Bar m_bar;
    bool m_pending = false;
    bool m_hasPrice = false;
    bool m_hasClosed = false;
    std::int64_t m_lastClosed = 0;
    std::int64_t m_skippedNoPrice = 0;
    std::int64_t m_outOfOrder = 0;
    std::int64_t m_firstOutOfOrder = 0;
};

} // namespace veloce
