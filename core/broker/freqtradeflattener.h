#pragma once

#include "broker/flattener.h"
#include "broker/freqtradeclient.h"

#include <QElapsedTimer>
#include <QPointer>
#include <memory>
#include <set>

namespace veloce {

// The kill switch's path to FreqTrade: POST /forceexit {"tradeid": "all"} (it returns when the
// exit orders are placed, not filled), then GET /status every kPollMs until no trade is open,
// repeating the forceexit every kRepeatMs, until the deadline. Asynchronous on the kill switch's
// thread (see Flattener), with its own client and login, so it does not depend on the engine
// thread at all.
class FreqtradeFlattener : public Flattener
{
public:
    explicit FreqtradeFlattener(FreqtradeClient::Settings settings);
    ~FreqtradeFlattener() override;

    void start(QObject* context, int deadlineMs, Done done) override;
    void cancel() override;

    static constexpr int kPollMs = 200;
    static constexpr int kRepeatMs = 2000;
    static constexpr int kRequestTimeoutMs = 3000; // many short tries beat one long wait here

private:
    void sendExit();
    void poll();
    void onStatus(const nlohmann::json& open, const FreqtradeError& error);
    void finish(bool flat);

    FreqtradeClient::Settings m_settings;
    std::unique_ptr<FreqtradeClient> m_client; // created on the kill switch's thread
    QPointer<QObject> m_context;
    Done m_done;
    int m_deadlineMs = 0;
    QElapsedTimer m_clock;
    qint64 m_lastExitMs = 0;
    std::set<std::int64_t> m_initial;
    bool m_haveInitial = false;
    int m_closed = 0;
    QString m_lastProblem;
    std::uint64_t m_generation = 0; // answers of an earlier run or a cancelled one are ignored
    bool m_running = false;
};

} // namespace veloce
