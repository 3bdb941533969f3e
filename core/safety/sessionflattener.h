#pragma once

#include "broker/flattener.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <functional>

namespace veloce {

class Session;

// The kill switch's path to a paper account: Session::tryFlatten() closes every position at the
// last price from the kill switch's thread. When the engine thread holds the account (it is
// inside a bar), the attempt is repeated every kRetryMs on a timer -- never a wait or a sleep --
// until the deadline; once the engine has held it longer than account_lock_timeout_ms, `warn`
// is called once (an alarm: the engine looks stuck inside a bar).
class SessionFlattener : public Flattener
{
public:
    SessionFlattener(Session& session, int accountLockTimeoutMs, std::function<void(const QString&)> warn);

    void start(QObject* context, int deadlineMs, Done done) override;
    void cancel() override;

    static constexpr int kRetryMs = 1;

private:
    void attempt(std::uint64_t generation);

    Session& m_session;
    int m_lockTimeoutMs;
    std::function<void(const QString&)> m_warn;
    QPointer<QObject> m_context;
    Done m_done;
    int m_deadlineMs = 0;
    QElapsedTimer m_clock;
    bool m_warned = false;
    std::uint64_t m_generation = 0;
};

} // namespace veloce
