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
    , m_pace(speed)
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
    announce();
}

void PacedFeed::announce()
{
    Q_EMIT paceChanged(m_pace.paused(), m_pace.speed(), qint64(m_pace.runToMs()));
}

void PacedFeed::schedule(int ms)
{
    if (m_running && m_timer)
        m_timer->start(ms);
}

void PacedFeed::setPaused(bool paused)
{
    if (paused == m_pace.paused())
        return;
    m_pace.setPaused(paused);
    if (!paused) {
        m_stepsPending = 0;
        schedule(0);
    }
    Q_EMIT holdingChanged(paused);
    announce();
}

void PacedFeed::step()
{
    if (!m_pace.paused())
        return;
    ++m_stepsPending; // steps asked for faster than the pump runs each release a bar
    schedule(0);
}

void PacedFeed::setSpeed(double speed)
{
    m_speed = speed;
    m_pace.setSpeed(speed);
    schedule(0); // the next bar is due now; the new pace counts from it
    announce();
}

void PacedFeed::runTo(qint64 barMs)
{
    if (!m_hasNext && m_running)
        fetch();
    const std::int64_t next = m_hasNext ? m_next.t : INT64_MIN;
    if (!m_pace.runTo(barMs, next))
        return;
    schedule(0);
    announce();
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
        const bool stepping = m_stepsPending > 0;
        const bool jumping = m_pace.running();
        const bool may = m_pace.mayRelease(m_next.t, m_clock.nsecsElapsed());
        if (jumping && !m_pace.running())
            announce(); // the jump has arrived
        if (!stepping) {
            if (!may)
                return; // paused: setPaused(false), step() or runTo() schedule the next pump
            const double waitMs = m_pace.waitMs(m_next.t, m_clock.nsecsElapsed());
            if (waitMs > 0) {
                m_timer->start(static_cast<int>(std::ceil(waitMs)));
                return;
            }
        }
        if (!gateOpen()) {
            m_timer->start(kGateRetryMs); // a consumer is behind: nothing is dropped, nothing queued
            return;
        }
        m_hasNext = false;
        if (stepping)
            --m_stepsPending;
        Q_EMIT barReady(m_next);
        if (stepping && m_stepsPending == 0)
            return;
    }
    if (m_running)
        m_timer->start(0);
}

} // namespace veloce
