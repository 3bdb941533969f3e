#include "broker/freqtradeflattener.h"

#include "broker/freqtradebroker.h"

#include <QTimer>

namespace veloce {

FreqtradeFlattener::FreqtradeFlattener(FreqtradeClient::Settings settings)
    : m_settings(std::move(settings))
{
}

FreqtradeFlattener::~FreqtradeFlattener() = default;

void FreqtradeFlattener::start(QObject* context, int deadlineMs, Done done)
{
    if (!m_client) {
        FreqtradeClient::Settings s = m_settings;
        s.timeoutMs = std::min(s.timeoutMs, kRequestTimeoutMs);
        m_client = std::make_unique<FreqtradeClient>(s); // on this (the kill switch's) thread
    }
    ++m_generation;
    m_running = true;
    m_context = context;
    m_done = std::move(done);
    m_deadlineMs = deadlineMs;
    m_clock.start();
    m_initial.clear();
    m_haveInitial = false;
    m_closed = 0;
    m_lastProblem.clear();
    // The deadline holds even if a request hangs: the late answer is ignored (generation).
    const std::uint64_t gen = m_generation;
    QTimer::singleShot(deadlineMs, context, [this, gen] {
        if (gen == m_generation && m_running)
            finish(false);
    });
    sendExit();
    poll();
}

void FreqtradeFlattener::cancel()
{
    ++m_generation;
    m_running = false;
    m_done = nullptr;
}

void FreqtradeFlattener::sendExit()
{
    m_lastExitMs = m_clock.elapsed();
    const std::uint64_t gen = m_generation;
    m_client->post(QStringLiteral("/forceexit"), { { "tradeid", "all" }, { "ordertype", "market" } },
        [this, gen](const nlohmann::json&, const FreqtradeError& e) {
            if (gen == m_generation && e)
                m_lastProblem = QStringLiteral("forceexit all: %1").arg(e.message);
        });
}

void FreqtradeFlattener::poll()
{
    const std::uint64_t gen = m_generation;
    m_client->get(
        QStringLiteral("/status"), [this, gen](const nlohmann::json& open, const FreqtradeError& e) {
            if (gen == m_generation && m_running)
                onStatus(open, e);
        });
}

void FreqtradeFlattener::onStatus(const nlohmann::json& open, const FreqtradeError& error)
{
    if (error) {
        m_lastProblem = QStringLiteral("/status: %1").arg(error.message);
    } else if (open.is_array()) {
        std::set<std::int64_t> now;
        for (const auto& t : open)
            now.insert(FreqtradeBroker::parseTrade(t).id); // read by type: value() throws
        if (!m_haveInitial) {
            m_initial = now;
            m_haveInitial = true;
        }
        m_closed = 0;
        for (std::int64_t id : m_initial)
            m_closed += now.count(id) ? 0 : 1;
        if (now.empty()) {
            finish(true);
            return;
        }
        m_lastProblem = QStringLiteral("%1 trade(s) still open at FreqTrade").arg(now.size());
    }
    if (m_clock.elapsed() >= m_deadlineMs) {
        finish(false);
        return;
    }
    if (m_clock.elapsed() - m_lastExitMs >= kRepeatMs)
        sendExit();
    const std::uint64_t gen = m_generation;
    QTimer::singleShot(kPollMs, m_context.data(), [this, gen] {
        if (gen == m_generation && m_running)
            poll();
    });
}

void FreqtradeFlattener::finish(bool flat)
{
    m_running = false;
    ++m_generation;
    FlattenResult r;
    r.flat = flat;
    r.closed = m_closed;
    if (!flat)
        r.message = m_lastProblem.isEmpty() ? QStringLiteral("no answer from FreqTrade") : m_lastProblem;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(r);
}

} // namespace veloce
