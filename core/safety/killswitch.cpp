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
    j["id"] = id;
    j["reason"] = reason.toStdString();
    j["origin"] = origin.toStdString();
    j["triggers"] = triggers;
    j["triggered_ms"] = triggeredWallMs;
    j["halt_latency_ms"] = haltLatencyMs;
    j["flatten"] = flattenRequested;
    j["flat"] = flat;
    j["durable"] = durable;
    j["closed"] = closed;
    j["attempts"] = attempts;
    j["flat_latency_ms"] = flatLatencyMs;
    j["flatten_latency_ms"] = flattenLatencyMs;
    if (cash)
        j["cash"] = *cash;
    if (equity)
        j["equity"] = *equity;
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
    m_thread.start(QThread::HighPriority);
}

KillSwitch::~KillSwitch()
{
    shutdown();
    m_thread.wait();
    delete m_worker; // its thread is gone: no event of it can run any more
}

bool KillSwitch::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_current.has_value();
}

QString KillSwitch::haltReason() const
{
    std::lock_guard lock(m_mutex);
    return m_reason;
}

void KillSwitch::setFlattener(std::shared_ptr<Flattener> flattener, int deadlineMs)
{
    std::lock_guard lock(m_mutex);
    m_flattener = std::move(flattener);
    m_deadlineMs = deadlineMs;
}

void KillSwitch::setBarrier(Barrier barrier)
{
    std::lock_guard lock(m_mutex);
    m_barrier = std::move(barrier);
}

void KillSwitch::setRearmVeto(std::function<QString()> veto)
{
    std::lock_guard lock(m_mutex);
    m_veto = std::move(veto);
}

void KillSwitch::startHalted(const QString& reason)
{
    {
        std::lock_guard lock(m_mutex);
        m_reason = reason;
        m_halted.store(true, std::memory_order_release);
    }
    Q_EMIT stateChanged(TradingState::Halted, reason, QStringLiteral("journal"));
}

KillSwitch::Run KillSwitch::newRun(
    const QString& reason, const QString& origin, bool flatten, std::int64_t t0, std::int64_t t1)
{
    Run run;
    run.triggerNs = t0;
    run.report.id = ++m_lastId;
    run.report.reason = reason;
    run.report.origin = origin;
    run.report.triggeredWallMs = QDateTime::currentMSecsSinceEpoch();
    run.report.haltLatencyMs = static_cast<double>(t1 - t0) / 1e6;
    run.report.flattenRequested = flatten;
    return run;
}

std::uint64_t KillSwitch::trigger(const QString& reason, const QString& origin, bool flatten)
{
    const std::int64_t t0 = steadyNs();
    bool wasHalted;
    bool startNow = false;
    std::uint64_t id;
    {
        // The flag flips under the lock so that a concurrent rearm() cannot undo it unseen.
        std::lock_guard lock(m_mutex);
        wasHalted = m_halted.exchange(true, std::memory_order_acq_rel);
        const std::int64_t t1 = steadyNs();
        if (!wasHalted)
            m_reason = reason;
        Run* run;
        if (m_current && (m_current->report.flattenRequested || !flatten)) {
            run = &*m_current; // join the flatten in progress
        } else if (m_current) {
            if (!m_next)
                m_next = newRun(reason, origin, true, t0, t1); // after the halt-only run
            run = &*m_next;
        } else {
            m_current = newRun(reason, origin, flatten, t0, t1);
            run = &*m_current;
            startNow = true;
        }
        ++run->report.triggers;
        id = run->report.id;
    }
    if (!wasHalted)
        Q_EMIT stateChanged(TradingState::Halted, reason, origin);
    if (startNow)
        QMetaObject::invokeMethod(
            m_worker, [this] { startCurrent(); }, Qt::QueuedConnection);
    return id;
}

void KillSwitch::startCurrent()
{
    std::uint64_t id;
    bool flatten;
    std::shared_ptr<Flattener> flattener;
    int deadlineMs;
    {
        std::lock_guard lock(m_mutex);
        if (!m_current || m_current->started)
            return;
        m_current->started = true;
        id = m_current->report.id;
        flatten = m_current->report.flattenRequested;
        flattener = m_flattener;
        deadlineMs = m_deadlineMs;
    }
    if (flatten && flattener) {
        flattener->start(m_worker, deadlineMs, [this, id](const FlattenResult& r) { onFlattened(id, r); });
        return;
    }
    FlattenResult r;
    r.message = flatten ? QStringLiteral("no flattener configured")
                        : QStringLiteral("entries halted, positions kept (no flatten requested)");
    onFlattened(id, r);
}

void KillSwitch::onFlattened(std::uint64_t id, const FlattenResult& r)
{
    Barrier barrier;
    {
        std::lock_guard lock(m_mutex);
        if (!m_current || m_current->report.id != id)
            return;
        KillReport& report = m_current->report;
        report.flatLatencyMs = static_cast<double>(steadyNs() - m_current->triggerNs) / 1e6;
        report.attempts = report.flattenRequested ? 1 : 0;
        report.closed = r.closed;
        report.trades = r.trades;
        report.flat = r.flat;
        report.cash = r.cash;
        report.equity = r.equity;
        report.message = r.message;
        barrier = m_barrier;
    }
    if (!barrier) {
        finish(id, QString());
        return;
    }
    // Reported only once the halt and the closing fills are on disk.
    QObject* worker = m_worker;
    barrier([this, worker, id](const QString& error) {
        QMetaObject::invokeMethod(
            worker, [this, id, error] { finish(id, error); }, Qt::QueuedConnection);
    });
}

void KillSwitch::finish(std::uint64_t id, const QString& journalError)
{
    KillReport report;
    bool startNext;
    {
        std::lock_guard lock(m_mutex);
        if (!m_current || m_current->report.id != id)
            return;
        report = m_current->report;
        report.flattenLatencyMs = static_cast<double>(steadyNs() - m_current->triggerNs) / 1e6;
        m_current = std::move(m_next);
        m_next.reset();
        startNext = m_current.has_value();
    }
    report.durable = journalError.isEmpty();
    report.journalError = journalError;
    if (report.flattenRequested && !report.flat)
        report.message = QStringLiteral("NOT FLAT: %1 -- positions may still be open, act now")
                             .arg(report.message.isEmpty() ? QStringLiteral("gave up") : report.message);
    if (!report.durable) {
        const QString note
            = QStringLiteral("NOT DURABLE: the journal did not confirm it (%1); a restart may not "
                             "restore this state")
                  .arg(journalError);
        report.message = report.message.isEmpty() ? note : report.message + QStringLiteral("; ") + note;
    }
    Q_EMIT flattened(report);
    if (startNext)
        startCurrent();
}

QString KillSwitch::rearm(const QString& origin)
{
    std::function<QString()> veto;
    {
        std::lock_guard lock(m_mutex);
        if (m_current)
            return QStringLiteral("a flatten is in progress; re-arm after its report");
        veto = m_veto;
    }
    if (veto) {
        const QString why = veto();
        if (!why.isEmpty())
            return why;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_current)
            return QStringLiteral("a flatten is in progress; re-arm after its report");
        if (!m_halted.exchange(false, std::memory_order_acq_rel))
            return QString();
        m_reason.clear();
    }
    Q_EMIT stateChanged(TradingState::Active, QStringLiteral("re-armed"), origin);
    return QString();
}

void KillSwitch::interrupt()
{
    std::shared_ptr<Flattener> flattener;
    KillReport report;
    bool running;
    {
        std::lock_guard lock(m_mutex);
        running = m_current.has_value();
        if (running) {
            report = m_current->report;
            report.flattenLatencyMs = static_cast<double>(steadyNs() - m_current->triggerNs) / 1e6;
        }
        m_current.reset();
        m_next.reset();
        flattener = m_flattener;
    }
    if (flattener)
        flattener->cancel();
    if (!running)
        return;
    report.flat = false;
    report.durable = false;
    report.message
        = QStringLiteral("NOT FLAT: the flatten was interrupted by the shutdown -- positions may still "
                         "be open, check them now");
    Q_EMIT flattened(report);
}

void KillSwitch::shutdown()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            interrupt();
            m_thread.quit();
        },
        Qt::QueuedConnection);
}

} // namespace veloce
