#pragma once

#include "engine/sessionsnapshot.h"

#include <functional>
#include <mutex>

namespace veloce {

// The newest session snapshot on its way to a slower thread (a window, the CLI's printer):
// holds one snapshot at most -- a newer one (higher seq) replaces an older one, an older one
// that arrives late is dropped -- and notifies the receiver once per hand-over. However long the
// receiver is busy, memory stays at one snapshot; it never goes back in time.
//
// Threads: post() from any thread (the engine's, the kill switch's); take() on the receiver's.
class SnapshotMailbox
{
public:
    // Called by post() (outside the lock) when the receiver has taken everything before.
    void setNotify(std::function<void()> notify)
    {
        std::lock_guard lock(m_mutex);
        m_notify = std::move(notify);
    }
    void post(const SessionSnapshotPtr& snapshot)
    {
        std::function<void()> notify;
        {
            std::lock_guard lock(m_mutex);
            if (!snapshot || snapshot->seq <= m_seq)
                return;
            m_seq = snapshot->seq;
            m_latest = snapshot;
            if (!m_notified && m_notify) {
                m_notified = true;
                notify = m_notify;
            }
        }
        if (notify)
            notify();
    }
    SessionSnapshotPtr take()
    {
        std::lock_guard lock(m_mutex);
        m_notified = false;
        return std::exchange(m_latest, nullptr);
    }

private:
    std::mutex m_mutex;
    SessionSnapshotPtr m_latest;
    std::int64_t m_seq = 0;
    std::function<void()> m_notify;
    bool m_notified = false;
};

} // namespace veloce
