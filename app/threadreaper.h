#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>

namespace veloce {

// Finishes what a closed session leaves behind -- stops its threads, closes its journal, deletes
// its objects -- on a thread of its own, so that closing a window or stopping a session never
// waits for a stuck engine or a flatten in progress (docs/safety.md "Shutdown").
//
// Threads: adopt() from any thread, returns at once. drain() from main() before the process
// exits: it waits a bounded time; a teardown still stuck then (an engine that never returns) is
// left to the operating system -- everything acknowledged is in the journal already.
class ThreadReaper
{
public:
    static ThreadReaper& instance();

    void adopt(std::function<void()> teardown);
    // true when every teardown has finished within `timeoutMs`.
    bool drain(int timeoutMs);
    int pending() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    int m_running = 0;
};

} // namespace veloce
