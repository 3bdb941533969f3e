#pragma once

#include "engine/sessionevent.h"

#include <mutex>
#include <vector>

namespace veloce::test {

// A thread-safe SessionRecorder that keeps every event (the session calls it from the engine
// thread and from the kill switch's thread).
class RecordingRecorder : public SessionRecorder
{
public:
    void record(const SessionEvent* events, std::size_t count) override
    {
        std::lock_guard lock(m_mutex);
        m_events.insert(m_events.end(), events, events + count);
    }
    std::vector<SessionEvent> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    std::vector<SessionEvent> of(SessionEvent::Kind kind) const
    {
        std::vector<SessionEvent> out;
        for (const auto& e : events())
            if (e.kind == kind)
                out.push_back(e);
        return out;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<SessionEvent> m_events;
};

} // namespace veloce::test
