#pragma once

#include "types/config.h"

#include <QObject>
#include <QString>

class QTimer;

namespace veloce {

class KillSwitch;
class Session;

// The blueprint's heartbeat and the breakers. Lives on the safety thread (not the engine's),
// so a stuck engine is noticed. Every kCheckMs it looks at the session's beat (the time of
// the last processed bar): no bar for heartbeat_timeout_s while data is expected -> alert, and
// with heartbeat_action "halt" the kill switch (halt + flatten). A wall-clock feed whose newest
// bar is older than the timeout is "stale" and handled the same way. A drawdown at or beyond
// max_drawdown_percent latches HALTED (new entries refused, positions kept) until re-armed.
class Watchdog : public QObject
{
    Q_OBJECT
public:
    Watchdog(const Session& session, KillSwitch& killSwitch, const Config& config, QObject* parent = nullptr);

    static constexpr int kCheckMs = 100;

public Q_SLOTS:
    void start(); // on the thread it lives in
    void stop();

Q_SIGNALS:
    // kind: "heartbeat", "stale", "drawdown", "heartbeat_ok"
    void alert(const QString& kind, const QString& message);

private:
    void check();

    const Session& m_session;
    KillSwitch& m_kill;
    double m_timeoutMs;
    bool m_haltOnHeartbeat;
    double m_maxDrawdown;
    QTimer* m_timer = nullptr;
    std::int64_t m_startNs = 0;
    bool m_beatAlerted = false;
    bool m_staleAlerted = false;
    bool m_drawdownAlerted = false;
};

} // namespace veloce
