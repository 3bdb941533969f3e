#include "safety/watchdog.h"

#include "engine/session.h"
#include "safety/killswitch.h"

#include <QDateTime>
#include <QTimer>

namespace veloce {

Watchdog::Watchdog(const Session& session, KillSwitch& killSwitch, const Config& config, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_kill(killSwitch)
    , m_timeoutMs(config.heartbeatTimeoutS * 1000.0)
    , m_haltOnHeartbeat(config.heartbeatAction == HeartbeatAction::Halt)
    , m_maxDrawdown(config.maxDrawdownPercent)
{
}

void Watchdog::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &Watchdog::check);
    }
    m_startNs = Session::nowNs();
    m_timer->start(kCheckMs);
}

void Watchdog::stop()
{
    if (m_timer)
        m_timer->stop();
}

void Watchdog::check()
{
    if (m_session.dataExpected()) {
        const std::int64_t beat = std::max(m_session.lastBeatNs(), m_startNs);
        const double silentMs = static_cast<double>(Session::nowNs() - beat) / 1e6;
        if (silentMs > m_timeoutMs && !m_beatAlerted) {
            m_beatAlerted = true;
            const QString text = QStringLiteral("no bar processed for %1 s (heartbeat_timeout_s %2)")
                                     .arg(silentMs / 1000.0, 0, 'f', 1)
                                     .arg(m_timeoutMs / 1000.0);
            Q_EMIT alert(QStringLiteral("heartbeat"), text);
            if (m_haltOnHeartbeat)
                m_kill.trigger(QStringLiteral("watchdog: ") + text, QStringLiteral("watchdog"), true);
        } else if (silentMs <= m_timeoutMs && m_beatAlerted) {
            m_beatAlerted = false;
            Q_EMIT alert(QStringLiteral("heartbeat_ok"), QStringLiteral("bars are flowing again"));
        }
        const std::int64_t lastBar = m_session.lastBarMs();
        if (m_session.wallClockFeed() && lastBar > 0) {
            const double ageMs = static_cast<double>(QDateTime::currentMSecsSinceEpoch() - lastBar);
            // A 1-second bar is complete 1 s after its open time; allow for that.
            const bool stale = ageMs - 1000.0 > m_timeoutMs;
            if (stale && !m_staleAlerted) {
                m_staleAlerted = true;
                const QString text
                    = QStringLiteral("stale data: the newest bar is %1 s old").arg(ageMs / 1000.0, 0, 'f', 1);
                Q_EMIT alert(QStringLiteral("stale"), text);
                if (m_haltOnHeartbeat)
                    m_kill.trigger(QStringLiteral("watchdog: ") + text, QStringLiteral("watchdog"), true);
            } else if (!stale) {
                m_staleAlerted = false;
            }
        }
    }
    const double dd = m_session.drawdown();
    if (dd >= m_maxDrawdown) {
        if (!m_drawdownAlerted && !m_kill.halted()) {
            m_drawdownAlerted = true;
            const QString text
                = QStringLiteral("drawdown %1 % reached max_drawdown_percent %2 %: new entries halted")
                      .arg(dd * 100, 0, 'f', 2)
                      .arg(m_maxDrawdown * 100, 0, 'f', 2);
            Q_EMIT alert(QStringLiteral("drawdown"), text);
            m_kill.trigger(QStringLiteral("breaker: ") + text, QStringLiteral("breaker"), false);
        }
    } else {
        m_drawdownAlerted = false;
    }
}

} // namespace veloce
