#include "threadreaper.h"

#include <chrono>
#include <thread>

namespace veloce {

ThreadReaper& ThreadReaper::instance()
{
    // Never destroyed: a detached teardown may still use it while static objects go away.
    static auto* reaper = new ThreadReaper;
    return *reaper;
}

void ThreadReaper::adopt(std::function<void()> teardown)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_running;
    }
    std::thread([this, teardown = std::move(teardown)] {
        teardown();
        std::lock_guard lock(m_mutex);
        --m_running;
        m_done.notify_all();
    }).detach();
}

bool ThreadReaper::drain(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_running == 0; });
}

int ThreadReaper::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

} // namespace veloce
