#include "engine/pacedfeed.h"

#include "data/barsource.h"
#include "data/dataerror.h"

#include <QTimer>
#include <cmath>

namespace veloce {

PacedFeed::PacedFeed(
    std::unique_ptr<BarSource> source, double speed, std::int64_t rebaseToMs, QObject* parent)
    : LiveFeed(parent)
    , m_source(std::move(source))
    , m_speed(speed)
    , m_rebaseToMs(rebaseToMs)
{
}

PacedFeed::~PacedFeed() = default;

QString PacedFeed::description() const
{
    return m_source->description();
}

SourceStats PacedFeed::stats() const
{
    return m_source->stats();
}

void PacedFeed::start()
{
    if (!m_timer) {
        // Created here, on the engine thread, so that it fires there.
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &PacedFeed::pump);
    }
    m_running = true;
    m_clock.start();
    m_timer->start(0);
}

void PacedFeed::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
}

bool PacedFeed::fetch()
{
    try {
        if (!m_source->next(m_next)) {
            m_running = false;
            Q_EMIT finished();
            return false;
        }
    } catch (const DataError& e) {
        m_running = false;
        Q_EMIT failed(e.message());
        return false;
    }
    if (m_first) {
        m_first = false;
        m_t0 = m_next.t;
        if (m_rebaseToMs != 0)
            m_offset = m_rebaseToMs - m_next.t;
    }
    m_next.t += m_offset;
    m_hasNext = true;
    return true;
}

void PacedFeed::pump()
{
    for (int n = 0; m_running && n < kSlice; ++n) {
        if (!m_hasNext && !fetch())
            return;
        if (m_speed > 0) {
            const double dueMs = static_cast<double>(m_next.t - m_offset - m_t0) / m_speed;
            const double nowMs = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
            if (dueMs > nowMs) {
                m_timer->start(static_cast<int>(std::ceil(dueMs - nowMs)));
                return;
            }
        }
        if (!gateOpen()) {
            m_timer->start(kGateRetryMs);
            return;
        }
        m_hasNext = false;
        Q_EMIT barReady(m_next);
    }
    if (m_running)
        m_timer->start(0);
}

} // namespace veloce
