#pragma once

#include "data/aggtrade.h"
#include "data/binancevenue.h"
#include "data/reconnectbackoff.h"
#include "data/requestweightbudget.h"

#include <QObject>
#include <QUrl>
#include <deque>
#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace veloce {

struct BinanceRestRequest
{
    enum class Kind
    {
        ServerTime,
        AggTrades,
    };
    Kind kind = Kind::AggTrades;
    int market = -1; // the caller's index, handed back with the reply
    QString symbol; // upper case
    std::int64_t fromId = -1; // -1: not sent
    std::int64_t startTime = -1;
    std::int64_t endTime = -1;
    int limit = 1000;
};

struct BinanceRestReply
{
    BinanceRestRequest request;
    bool ok = false;
    QString error; // for the user, naming the endpoint (ok == false)
    std::vector<AggTrade> trades; // AggTrades, oldest first
    std::int64_t serverTime = 0; // ServerTime
    std::int64_t sentMs = 0; // local wall clock when the request went out
    std::int64_t receivedMs = 0; // and when its answer was complete
};

// Binance's public REST endpoints for one venue (/time, /aggTrades), asynchronously, on the
// thread it lives on (create it there; it needs that thread's event loop).
//
// Requests go out one at a time in the order sent, each only when the request-weight budget
// allows (RequestWeightBudget: a share of the venue's limit per minute, the server's own count
// and any Retry-After obeyed), so a busy warm-up slows down instead of being refused. What can
// pass by itself is retried here: network errors, timeouts and 5xx with exponential back-off, a
// 429 or 418 after its Retry-After (the request is sent again, nothing else goes out meanwhile).
// Only permanent refusals (other 4xx, e.g. an unknown symbol) come back with ok == false.
class BinanceRestClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 10000;
        double weightShare = 0.5; // of the venue's limit
        int weightLimit = 0; // per minute; 0 = the venue's documented limit
        int retryBaseMs = 500;
        int retryMaxMs = 30000;
    };
    using Handler = std::function<void(BinanceRestReply&)>;

    BinanceRestClient(
        BinanceVenue venue, QUrl base, Options options, Handler handler, QObject* parent = nullptr);
    ~BinanceRestClient() override;

    void send(const BinanceRestRequest& request);
    // Forgets queued requests and abandons the one in flight (no reply comes for them).
    void clear();
    bool idle() const { return m_queue.empty() && !m_reply; }

    QUrl endpoint(const BinanceRestRequest& request) const;
    int usedWeight() const;
    std::int64_t requests() const { return m_requests; }
    std::int64_t rateLimited() const { return m_rateLimited; }
    std::int64_t banned() const { return m_banned; }
    // Local wall-clock ms until which a Retry-After holds requests back (0 if none).
    std::int64_t pausedUntil() const { return m_budget.pausedUntil(); }

Q_SIGNALS:
    // Requests are held back for `ms` (Retry-After or our budget); for the health display.
    void waiting(qint64 ms, const QString& why);
    // A transient failure that is being retried.
    void trouble(const QString& message);

private:
    void pump();
    void onFinished();
    void retryLater(const QString& message);
    int weight(const BinanceRestRequest& request) const;

    BinanceVenue m_venue;
    QUrl m_base;
    Options m_options;
    Handler m_handler;
    RequestWeightBudget m_budget;
    ReconnectBackoff m_backoff;
    QNetworkAccessManager* m_manager = nullptr;
    QTimer* m_timer = nullptr;
    QNetworkReply* m_reply = nullptr;
    std::deque<BinanceRestRequest> m_queue;
    std::int64_t m_sentMs = 0;
    std::int64_t m_requests = 0;
    std::int64_t m_rateLimited = 0;
    std::int64_t m_banned = 0;
};

} // namespace veloce
