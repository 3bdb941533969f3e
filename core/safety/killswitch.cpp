#include "safety/killswitch.h"

#include <QDateTime>
#include <chrono>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

nlohmann::json KillReport::toJson() const
{
    nlohmann::ordered_json j;
    j["reason"] = reason.toStdString();
    j["origin"] = origin.toStdString();
    j["triggered_ms"] = triggeredWallMs;
    j["halt_latency_ms"] = haltLatencyMs;
    j["flatten"] = flattenRequested;
    j["flat"] = flat;
    j["closed"] = closed;
    j["attempts"] = attempts;
    j["flatten_latency_ms"] = flattenLatencyMs;
    j["message"] = message.toStdString();
    return j;
}

KillSwitch::KillSwitch(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<KillReport>();
    qRegisterMetaType<TradingState>();
    m_thread.setObjectName(QStringLiteral("veloce-safety"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::HighPriority);
}

KillSwitch::~KillSwitch()
{
    m_thread.quit();
    m_thread.wait();
}

QString KillSwitch::haltReason() const
{
    std::lock_guard lock(m_mutex);
    return m_reason;
}

void KillSwitch::setFlattener(Flattener flattener, int deadlineMs)
{
    std::lock_guard lock(m_mutex);
    m_flattener = std::move(flattener);
    m_deadlineMs = deadlineMs;
}

void KillSwitch::startHalted(const QString& reason)
{
    {
        std::lock_guard lock(m_mutex);
        m_reason = reason;
    }
    m_halted.store(true, std::memory_order_release);
    Q_EMIT stateChanged(TradingState::Halted, reason, QStringLiteral("journal"));
}

void KillSwitch::trigger(const QString& reason, const QString& origin, bool flatten)
{
    const std::int64_t t0 = steadyNs();
    const bool wasHalted = m_halted.exchange(true, std::memory_order_acq_rel);
    const std::int64_t t1 = steadyNs();
    {
        std::lock_guard lock(m_mutex);
        m_reason = reason;
    }
    KillReport report;
    report.reason = reason;
    report.origin = origin;
    report.triggeredWallMs = QDateTime::currentMSecsSinceEpoch();
    report.haltLatencyMs = static_cast<double>(t1 - t0) / 1e6;
    report.flattenRequested = flatten;
    if (!wasHalted)
        Q_EMIT stateChanged(TradingState::Halted, reason, origin);
    QMetaObject::invokeMethod(
        m_worker, [this, report, t0] { runFlatten(report, t0); }, Qt::QueuedConnection);
}

void KillSwitch::runFlatten(KillReport report, std::int64_t triggerNs)
{
    Flattener flattener;
    int deadlineMs;
    {
        std::lock_guard lock(m_mutex);
        flattener = m_flattener;
        deadlineMs = m_deadlineMs;
    }
    if (report.flattenRequested && flattener) {
        // Paper flattens are immediate unless the engine holds the account; venues are polled
        // by the flattener itself. Either way: keep trying until the deadline, then say so.
        const std::int64_t deadline = triggerNs + static_cast<std::int64_t>(deadlineMs) * 1000000;
        while (true) {
            ++report.attempts;
            const int left = static_cast<int>(std::max<std::int64_t>(1, (deadline - steadyNs()) / 1000000));
            FlattenResult r = flattener(left);
            report.closed += r.closed;
            report.trades.insert(report.trades.end(), r.trades.begin(), r.trades.end());
            report.flat = r.flat;
            report.message = r.message;
            if (r.flat || steadyNs() >= deadline)
                break;
            QThread::msleep(20);
        }
        if (!report.flat && report.message.isEmpty())
            report.message = QStringLiteral("not flat after %1 ms").arg(deadlineMs);
        if (!report.flat)
            report.message
                = QStringLiteral("NOT FLAT: %1 -- positions may still be open, act now").arg(report.message);
    } else if (!report.flattenRequested) {
        report.message = QStringLiteral("entries halted, positions kept (no flatten requested)");
    } else {
        report.message = QStringLiteral("NOT FLAT: no flattener configured");
    }
    report.flattenLatencyMs = static_cast<double>(steadyNs() - triggerNs) / 1e6;
    Q_EMIT flattened(report);
}

void KillSwitch::rearm(const QString& origin)
{
    if (!m_halted.exchange(false, std::memory_order_acq_rel))
        return;
    {
        std::lock_guard lock(m_mutex);
        m_reason.clear();
    }
    Q_EMIT stateChanged(TradingState::Active, QStringLiteral("re-armed"), origin);
}

} // namespace veloce
