#include "safety/committedevents.h"

#include <iterator>

namespace veloce {

void CommittedEvents::setNotify(std::function<void()> notify)
{
    std::lock_guard lock(m_mutex);
    m_notify = std::move(notify);
}

void CommittedEvents::push(std::vector<SessionEvent>& events)
{
    if (events.empty())
        return;
    std::function<void()> notify;
    {
        std::lock_guard lock(m_mutex);
        m_events.insert(
            m_events.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
        m_size.store(m_events.size(), std::memory_order_release);
        // One notification per hand-over: the consumer takes everything that is there.
        if (!m_notified && m_notify) {
            m_notified = true;
            notify = m_notify;
        }
    }
    events.clear();
    if (notify)
        notify();
}

std::vector<SessionEvent> CommittedEvents::take()
{
    std::vector<SessionEvent> out;
    std::lock_guard lock(m_mutex);
    out.swap(m_events);
    m_size.store(0, std::memory_order_release);
    m_notified = false;
    return out;
}

} // namespace veloce
