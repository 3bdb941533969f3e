#include "data/influxbarmerger.h"

namespace veloce {

namespace {
double orZero(double v)
{
    return InfluxRow::isNull(v) ? 0.0 : v;
}
} // namespace

bool InfluxBarMerger::add(const InfluxRow& row, Bar& out)
{
    bool closed = false;
    if (m_pending && row.t != m_bar.t) {
        if (row.t < m_bar.t) {
            if (m_outOfOrder++ == 0)
                m_firstOutOfOrder = row.t;
            return false;
        }
        closed = close(out);
    } else if (!m_pending && m_hasClosed && row.t <= m_lastClosed) {
        if (m_outOfOrder++ == 0)
            m_firstOutOfOrder = row.t;
        return false;
    }
    if (!m_pending) {
        m_pending = true;
        m_hasPrice = false;
        m_bar = Bar { row.t, 0, 0, 0, 0, 0, 0 };
    }
    if (row.tag == 0) {
        const auto& v = row.v;
        m_hasPrice = !InfluxRow::isNull(v[0]) && !InfluxRow::isNull(v[1]) && !InfluxRow::isNull(v[2])
            && !InfluxRow::isNull(v[3]);
        m_bar.open = v[0];
        m_bar.high = v[1];
        m_bar.low = v[2];
        m_bar.close = v[3];
    }
    // Summed in arrival order (series order for equal times): deterministic, and a single
    // market's value passes through unchanged (0 + v == v).
    m_bar.vbuy += orZero(row.v[4]);
    m_bar.vsell += orZero(row.v[5]);
    return closed;
}

bool InfluxBarMerger::flush(Bar& out)
{
    return m_pending && close(out);
}

bool InfluxBarMerger::close(Bar& out)
{
    m_pending = false;
    m_hasClosed = true;
    m_lastClosed = m_bar.t;
    if (!m_hasPrice) {
        ++m_skippedNoPrice;
        return false;
    }
    out = m_bar;
    return true;
}

} // namespace veloce
