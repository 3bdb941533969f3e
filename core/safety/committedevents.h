#pragma once

#include "engine/sessionevent.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace veloce {

// Session events the journal has committed, on their way to a person (the CLI's JSON lines, the
// window's markers). A bounded hand-over between the journal's writer thread and one consumer
// thread: the writer appends after each commit, the consumer takes everything at once when
// notified. It never blocks the writer (the kill switch's commit must not wait for a slow
// terminal); instead a backlog above kHighWater closes the session's feed gate (see
// Journal::hasRoom), so a consumer that falls behind slows the feed, never grows memory.
//
// Threads: push() on the writer thread, take() on the consumer's; the rest anywhere.
class CommittedEvents
{
public:
    static constexpr std::size_t kHighWater = 1024;

    // Called on the writer thread when events arrive and the consumer had taken everything
    // before: post a call to the consumer's thread that calls take().
    void setNotify(std::function<void()> notify);
    void push(std::vector<SessionEvent>& events); // moves them out of `events`
    std::vector<SessionEvent> take();
    bool hasRoom() const { return m_size.load(std::memory_order_acquire) < kHighWater; }
    std::size_t size() const { return m_size.load(std::memory_order_acquire); }

private:
    std::mutex m_mutex;
    std::vector<SessionEvent> m_events;
    std::atomic<std::size_t> m_size { 0 };
    std::function<void()> m_notify;
    bool m_notified = false;
};

} // namespace veloce
