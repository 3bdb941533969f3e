#include "broker/freqtradeflattener.h"

#include "broker/freqtradebroker.h"

#include <QElapsedTimer>
#include <QThread>
#include <set>

namespace veloce {

FreqtradeFlattener::FreqtradeFlattener(FreqtradeClient::Settings settings)
    : m_settings(std::move(settings))
{
}

FreqtradeFlattener::~FreqtradeFlattener() = default;

FlattenResult FreqtradeFlattener::flatten(int deadlineMs)
{
    if (!m_client) {
        FreqtradeClient::Settings s = m_settings;
        s.timeoutMs = std::min(s.timeoutMs, 3000); // many short tries beat one long wait here
        m_client = std::make_unique<FreqtradeClient>(s); // on the calling (kill switch) thread
    }
    FlattenResult r;
    QElapsedTimer clock;
    clock.start();
    std::set<std::int64_t> initial;
    qint64 lastExit = -kRepeatMs;
    QString lastProblem;
    while (true) {
        if (clock.elapsed() - lastExit >= kRepeatMs) {
            lastExit = clock.elapsed();
            FreqtradeError e;
            m_client->call("POST", QStringLiteral("/forceexit"),
                { { "tradeid", "all" }, { "ordertype", "market" } }, &e);
            if (e)
                lastProblem = QStringLiteral("forceexit all: %1").arg(e.message);
        }
        FreqtradeError e;
        const nlohmann::json open = m_client->call("GET", QStringLiteral("/status"), nlohmann::json(), &e);
        if (e) {
            lastProblem = QStringLiteral("/status: %1").arg(e.message);
        } else if (open.is_array()) {
            std::set<std::int64_t> now;
            for (const auto& t : open)
                now.insert(FreqtradeBroker::parseTrade(t).id);
            if (initial.empty())
                initial = now;
            r.closed = 0;
            for (std::int64_t id : initial)
                r.closed += now.count(id) ? 0 : 1;
            if (now.empty()) {
                r.flat = true;
                return r;
            }
            lastProblem = QStringLiteral("%1 trade(s) still open at FreqTrade").arg(now.size());
        }
        if (clock.elapsed() >= deadlineMs) {
            r.message = lastProblem;
            return r;
        }
        QThread::msleep(kPollMs);
    }
}

} // namespace veloce
