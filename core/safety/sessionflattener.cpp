#include "safety/sessionflattener.h"

#include "engine/session.h"

#include <QTimer>

namespace veloce {

SessionFlattener::SessionFlattener(
    Session& session, int accountLockTimeoutMs, std::function<void(const QString&)> warn)
    : m_session(session)
    , m_lockTimeoutMs(accountLockTimeoutMs)
    , m_warn(std::move(warn))
{
}

void SessionFlattener::start(QObject* context, int deadlineMs, Done done)
{
    m_context = context;
    m_done = std::move(done);
    m_deadlineMs = deadlineMs;
    m_warned = false;
    m_clock.start();
    attempt(++m_generation);
}

void SessionFlattener::cancel()
{
    ++m_generation;
    m_done = nullptr;
}

void SessionFlattener::attempt(std::uint64_t generation)
{
    if (generation != m_generation || !m_done)
        return;
    std::optional<FlattenResult> r = m_session.tryFlatten(ExitReason::Kill);
    const qint64 waited = m_clock.elapsed();
    if (!r && waited >= m_deadlineMs) {
        r = FlattenResult();
        r->message
            = QStringLiteral("the engine thread has held the account for %1 ms (flatten_deadline_ms %2)")
                  .arg(waited)
                  .arg(m_deadlineMs);
    }
    if (r) {
        Done done = std::move(m_done);
        m_done = nullptr;
        done(*r);
        return;
    }
    if (waited >= m_lockTimeoutMs && !m_warned) {
        m_warned = true;
        if (m_warn)
            m_warn(QStringLiteral(
                "the engine thread has held the account for more than %1 ms "
                "(account_lock_timeout_ms): it looks stuck inside a bar; the kill switch keeps "
                "trying until flatten_deadline_ms")
                       .arg(m_lockTimeoutMs));
    }
    QTimer::singleShot(kRetryMs, m_context.data(), [this, generation] { attempt(generation); });
}

} // namespace veloce
