#pragma once

#include "data/aggtrade.h"
#include "data/binancevenue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocketServer>
#include <vector>

class QTcpSocket;
class QWebSocket;

// A loopback Binance for the tests, written from Binance's public API documentation (spot and
// USD-M futures), because the real exchange is out of reach here:
//
// - WebSocket combined streams /stream?streams=<symbol>@aggTrade/... (QWebSocketServer): aggTrade
//   events wrapped as {"stream":..,"data":{"e":"aggTrade","E":..,"s":..,"a":..,"p":..,"q":..,"f":..,
//   "l":..,"T":..,"m":..[,"M":..]}} ("M" on spot only), the serverShutdown event
//   ({"stream":"!serverShutdown","data":{"e":"serverShutdown","E":..}}), ping frames whose pong must
//   echo the payload, and a maximum connection age (Binance's 24 hours, compressed);
// - REST GET /api/v3/time, /fapi/v1/time ({"serverTime":ms}) and /api/v3/aggTrades,
//   /fapi/v1/aggTrades with symbol, fromId, startTime, endTime (span under one hour, else 400
//   code -1127) and limit (<= 1000, else 400 code -1100 style), oldest first; unknown symbols 400
//   code -1121; request weight (4 spot, 20 futures) counted per minute in X-MBX-USED-WEIGHT-1M;
//   429 with Retry-After when told to or over the limit, and 418 for a request that ignores a
//   pending Retry-After (the ban Binance imposes).
//
// Both venues are served under a path prefix ("/spot", "/futures"), so one instance serves
// sessions that mix venues: point binance_ws_url / binance_rest_url at wsUrl() / restUrl(),
// which contain "{venue}".
//
// The exchange clock starts at a given time and runs at `speed` times real time; a second's
// trades are released when the clock passes the second's end, all at once (REST sees them from
// then on, connected streams are sent them in one burst). Faults are injected per trade id.
class LoopbackBinance : public QObject
{
    Q_OBJECT
public:
    struct Faults
    {
        QList<qint64> disconnectAfter; // abort the connection right after sending these trade ids
        QList<qint64> shutdownAfter; // send serverShutdown after these ids, close shutdownCloseMs later
        int shutdownCloseMs = 300;
        qint64 maxConnectionAgeMs = 0; // close connections older than this (0: never)
        int dropEvery = 0; // don't stream trades whose id % dropEvery == 1 (REST still has them)
        int duplicateEvery = 0; // stream trades whose id % duplicateEvery == 2 twice
        int reorderEvery = 0; // stream trades whose id % reorderEvery == 3 after their successor
        int pingIntervalMs = 0; // send pings (payload "ping-<n>"); 0: none
        int pongTimeoutMs = 1000; // close a connection whose pong is late or carries another payload
        int fail429 = 0; // answer this many aggTrades requests 429 ...
        int retryAfterS = 1; // ... with this Retry-After
        int weightLimit = 0; // per minute; beyond it 429 (0: Binance's documented limit)
    };

    explicit LoopbackBinance(QObject* parent = nullptr);
    ~LoopbackBinance() override;

    bool listen(QString* error = nullptr);
    QString wsUrl() const; // ws://127.0.0.1:<port>/{venue}
    QString restUrl() const; // http://127.0.0.1:<port>/{venue}

    void addMarket(veloce::BinanceVenue venue, const QString& symbol, std::vector<veloce::AggTrade> trades);
    // Exchange time `startMs` now, then `speed` times real time -- with `holdForWarmUp`, only
    // once every market has been asked for trades (so that a session's warm-up starts exactly at
    // startMs, whatever the machine's load).
    void startClock(qint64 startMs, double speed, bool holdForWarmUp = false);
    qint64 clockMs() const;
    // Aborts every stream connection now, as a network failure would.
    void dropConnections();
    Faults faults;
    // true: a second's trades become public together once the second is over (one burst, the
    // tests' compressed time); false: each trade at its own time (a real-time demo feed).
    bool wholeSeconds = true;

    // What happened, for assertions.
    qint64 firstServerTime() const { return m_firstServerTime; } // first /time answer (-1: none)
    int connectionsOpened() const { return m_connectionsOpened; }
    int openConnections() const { return int(m_conns.size()); }
    int pingsSent() const { return m_pingsSent; }
    int pongsMatched() const { return m_pongsMatched; }
    int pongFailures() const { return m_pongFailures; }
    int shutdownsSent() const { return m_shutdownsSent; }
    int restRequests() const { return m_restRequests; }
    int answered(int status) const { return m_statusCounts.value(status); }
    // Whether every trade of every market has been released.
    bool allReleased() const;
    // The trades of a market from `fromMs` on (what a session warming up from there is served).
    std::vector<veloce::AggTrade> tradesFrom(
        veloce::BinanceVenue venue, const QString& symbol, qint64 fromMs) const;

private:
    struct Market
    {
        veloce::BinanceVenue venue;
        QString symbol; // upper case
        std::vector<veloce::AggTrade> trades;
        std::size_t released = 0; // trades[0, released) are public
        bool asked = false; // a REST page of it was served
    };
    struct Conn
    {
        QWebSocket* socket = nullptr;
        QList<int> markets;
        QHash<int, std::size_t> cursor; // next trade to stream per market
        qint64 openedMs = 0;
        QByteArray pingPayload;
        qint64 pingSentMs = 0;
        qint64 lastPingMs = 0;
        qint64 closeAtMs = 0; // after a serverShutdown
        bool pendingValid = false;
        int pendingMarket = 0;
        veloce::AggTrade pending; // a trade held back to be sent after its successor
    };

    void onWsConnection();
    void onHttpConnection();
    void onHttpReadable(QTcpSocket* socket);
    void tick();
    void release();
    void stream(Conn& c, bool& closed);
    void send(Conn& c, int market, const veloce::AggTrade& t);
    void closeConn(QWebSocket* socket, bool abort);
    Market* find(veloce::BinanceVenue venue, const QString& symbol);
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Reply handle(const QByteArray& target);
    Reply aggTrades(veloce::BinanceVenue venue, const QUrlQuery& q, const QString& path);
    Reply error(int status, int code, const QString& msg) const;
    int usedWeight(qint64 nowMs);

    QWebSocketServer m_ws;
    QTcpServer m_http;
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_startMs = 0;
    double m_speed = 1;
    bool m_clockRunning = false;
    bool m_hold = false;
    std::vector<Market> m_markets;
    std::vector<Conn> m_conns;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QPair<qint64, int>> m_weights; // (local ms, weight) of the last minute
    qint64 m_retryUntilMs = 0;
    qint64 m_firstServerTime = -1;
    int m_connectionsOpened = 0;
    int m_pingsSent = 0;
    int m_pongsMatched = 0;
    int m_pongFailures = 0;
    int m_shutdownsSent = 0;
    int m_restRequests = 0;
    int m_fails429Left = -1;
    QMap<int, int> m_statusCounts;
};
