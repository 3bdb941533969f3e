#pragma once

// Helpers shared by the FreqTrade suites: client settings for a FakeFreqtrade, a blocking call
// that keeps the event loop running, and a broker with an account on the test's thread.

#include "broker/freqtradebroker.h"
#include "broker/freqtradeclient.h"
#include "fakefreqtrade.h"
#include "portfolio/portfolio.h"

#include <QTest>
#include <memory>

namespace veloce::test {

inline FreqtradeClient::Settings settingsFor(const FakeFreqtrade& fake, int timeoutMs = 2000)
{
    FreqtradeClient::Settings s;
    s.baseUrl = QUrl(fake.url());
    s.username = fake.username;
    s.password = fake.password;
    s.timeoutMs = timeoutMs;
    return s;
}

inline nlohmann::json call(FreqtradeClient& c, const QByteArray& method, const QString& path,
    FreqtradeError& error, const nlohmann::json& body = nlohmann::json())
{
    bool done = false;
    nlohmann::json out;
    auto cb = [&](const nlohmann::json& j, const FreqtradeError& e) {
        out = j;
        error = e;
        done = true;
    };
    if (method == "GET")
        c.get(path, cb);
    else
        c.post(path, body, cb);
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        error.message = QStringLiteral("no callback");
    return out;
}

// A broker on this thread with an account, as the engine would hold it.
struct BrokerRig
{
    explicit BrokerRig(FakeFreqtrade& fake, int timeoutMs = 2000, TradingMode mode = TradingMode::DryRun,
        bool liveConfirmed = false)
        : portfolio(config)
    {
        FreqtradeBroker::Settings s;
        s.client = settingsFor(fake, timeoutMs);
        s.pollMs = 100;
        s.fastPollMs = 50;
        s.mode = mode;
        s.liveConfirmed = liveConfirmed;
        broker = std::make_unique<FreqtradeBroker>(s);
        broker->start([this] { broker->reconcile(portfolio, update), ++changes; },
            [this](const QString& m) { failures << m; }, [this](const QString& m) { fatal << m; });
    }
    // Books a signal the way BarProcessor does (provisional position, then the order).
    const Position& enter(Side side, double price)
    {
        Signal sig;
        sig.t = 1000;
        sig.side = side;
        sig.price = price;
        sig.score = 5;
        sig.sizeFraction = 0.5;
        sig.stop = side == Side::Long ? price * 0.99 : price * 1.01;
        sig.target = side == Side::Long ? price * 1.02 : price * 0.98;
        const Position& p = portfolio.open(sig, broker->entryPrice(sig));
        broker->placeEntry(p, sig);
        return p;
    }
    QList<OrderEvent::Status> statuses() const
    {
        QList<OrderEvent::Status> out;
        for (const auto& o : update.orders)
            out << o.status;
        return out;
    }
    Config config;
    Portfolio portfolio;
    VenueUpdate update;
    std::unique_ptr<FreqtradeBroker> broker;
    QStringList failures;
    QStringList fatal;
    int changes = 0;
};

} // namespace veloce::test
