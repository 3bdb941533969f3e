#pragma once

#include "data/reconnectbackoff.h"

#include <QObject>
#include <QUrl>
#include <cstdint>
#include <vector>

class QTimer;
class QWebSocket;

namespace veloce {

// One venue's combined market stream (QtWebSockets), kept open for as long as it is wanted.
// Lives on the thread that created it and delivers every text message there, with the local
// receipt time, through message() (connect directly: the feed parses in the same call).
//
// Connection care, per Binance's documentation:
// - pings are answered by QWebSocket itself, with the ping's payload, as Binance requires; our
//   own ping every pingIntervalMs detects a dead connection (no pong within pongTimeoutMs: it is
//   dropped and replaced);
// - a connection lives at most 24 hours: at `lifetimeMs` a new one is opened *before* the old
//   one goes, and the old one is closed once the new one delivered its first message (or after
//   handoverMs) -- the same handover as for a serverShutdown event (handOver());
// - a lost connection is replaced after an exponential back-off with jitter; lost() tells the
//   feed, which then fetches what the stream missed from REST.
// Messages of two connections overlap during a handover; the feed's sequencer drops repeats.
class BinanceStream : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int reconnectBaseMs = 500;
        int reconnectMaxMs = 30000;
        std::int64_t lifetimeMs = std::int64_t(23) * 3600 * 1000 + 30 * 60 * 1000; // before the 24 h mark
        int handoverMs = 5000;
        int pingIntervalMs = 30000;
        int pongTimeoutMs = 20000;
        int connectTimeoutMs = 15000;
    };

    BinanceStream(QUrl url, Options options, QObject* parent = nullptr);
    ~BinanceStream() override;

    void start();
    void stop();
    // The server announced it will close `connection`: open its successor now.
    void handOver(int connection, const QString& why);

    // The steady clock of receipt times (the same as Session::nowNs()).
    static std::int64_t steadyNs();

    const QUrl& url() const { return m_url; }
    int openConnections() const;
    bool isLive() const { return openConnections() > 0; }
    std::int64_t handovers() const { return m_handovers; }
    std::int64_t reconnects() const { return m_reconnects; }

Q_SIGNALS:
    // A text message; `connection` identifies the connection for handOver().
    void message(const QByteArray& text, int connection, qint64 receivedNs, qint64 receivedMs);
    // The first connection is up (after start or after a loss).
    void connected();
    // The last open connection was lost; a new attempt follows after `retryMs`.
    void lost(const QString& reason, int retryMs);
    // A connection was lost while another one was open (a handover went wrong): the feed should
    // check with REST that nothing was missed.
    void lostOne(const QString& reason);
    // A pong: the connection is alive even when the market is quiet.
    void alive();

private:
    struct Connection
    {
        QWebSocket* socket = nullptr;
        int id = 0;
        bool open = false;
        bool closing = false; // closed by us: not a loss
        bool successorOpened = false;
        bool delivered = false;
        std::int64_t openedNs = 0;
        std::int64_t lastPingNs = 0;
        std::int64_t pingSentNs = 0; // 0: no ping outstanding
    };

    void openConnection();
    void onConnected(int id);
    void onDisconnected(int id);
    void onText(int id, const QString& text);
    void retire(int id); // close on purpose (handover)
    void tick(); // lifetimes, pings, handover deadlines
    Connection* find(int id);
    QString reasonOf(const Connection& c) const;

    QUrl m_url;
    Options m_options;
    ReconnectBackoff m_backoff;
    std::vector<Connection> m_connections;
    QTimer* m_retryTimer = nullptr;
    QTimer* m_tickTimer = nullptr;
    bool m_running = false;
    int m_nextId = 1;
    int m_retiring = 0; // connection to close once its successor delivers
    std::int64_t m_retireDeadlineNs = 0;
    std::int64_t m_handovers = 0;
    std::int64_t m_reconnects = 0;
    bool m_everConnected = false;
};

} // namespace veloce
