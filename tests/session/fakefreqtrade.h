#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <nlohmann/json.hpp>

class QTcpSocket;

// A loopback stand-in for FreqTrade's REST API (/api/v1), written from its documentation
// (docs/architecture.md §5) because FreqTrade itself cannot be installed here:
// JWT-style login/refresh with expiry, both error shapes ({"detail": str|[...]} and
// {"error": "Error querying /api/v1/...: ..."}), force entries/exits with the bot's rules
// (running state, force_entry_enable, one trade per pair, max_open_trades), exits that are
// placed first and filled on a later /status, null floats, and injected faults: slow replies
// (the request is executed, the answer comes late), dropped connections (before or after
// executing the request), a bot in live mode (dry_run false) and -- for redaction tests -- a
// bot (or proxy) that echoes the request's credentials in every error it answers. Tokens look
// like FreqTrade's (HS256 JWTs).
class FakeFreqtrade : public QObject
{
    Q_OBJECT
public:
    struct Trade
    {
        qint64 id = 0;
        QString pair;
        bool isShort = false;
        double amount = 0;
        double stake = 0;
        double openRate = 0;
        qint64 openMs = 0;
        QString tag;
        bool open = true;
        int pollsUntilClosed = -1; // >= 0 once an exit order was placed
        double closeRate = 0;
        qint64 closeMs = 0;
        QString exitReason;
        bool nullStop = false;
    };

    explicit FakeFreqtrade(QObject* parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

    // Behaviour (documented defaults of a running futures dry-run bot).
    QString username = QStringLiteral("freqtrader");
    QString password = QStringLiteral("s3cret");
    qint64 accessTtlMs = 15 * 60 * 1000;
    QString state = QStringLiteral("running");
    bool forceEntryEnable = true;
    bool positionAdjustment = false;
    int maxOpenTrades = 3;
    double price = 65000;
    bool nullCurrentRate = true; // ticker failed: current_rate null
    int exitAfterPolls = 1; // /status calls after a forceexit until the trade is closed
    bool dryRun = true; // show_config: dry_run and runmode ("dry_run" / "live")
    QString runmode; // overrides the runmode derived from dryRun when set
    bool showDryRun = true; // false: show_config has no dry_run key at all
    // Every error answer also carries the request's Authorization header, the Basic credentials
    // decoded, and u=/p= and "password" forms of them.
    bool echoCredentials = false;

    // Faults for the next request on `path` (e.g. "/forceenter").
    void delayNext(const QString& path, int ms) { m_delay[path] = ms; }
    void dropNext(const QString& path, bool afterExecuting) { m_drop[path] = afterExecuting; }
    void expireAccessTokens() { m_access.clear(); }
    void revokeRefreshTokens() { m_refresh.clear(); }

    qint64 addOpenTrade(
        const QString& pair, bool isShort, double amount, double rate, const QString& tag = {});
    QList<Trade> trades() const { return m_trades.values(); }
    int openCount() const;
    int requests(const QString& path) const { return m_requests.value(path); }
    QList<nlohmann::json> bodies(const QString& path) const { return m_bodies.value(path); }
    int logins() const { return m_logins; }
    QStringList issuedTokens() const { return m_issued; }

private:
    struct Reply
    {
        int status = 200;
        nlohmann::json body;
    };
    void onConnection();
    void onReadable(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Reply& reply);
    Reply handle(const QByteArray& method, const QString& path, const QHash<QByteArray, QByteArray>& headers,
        const nlohmann::json& body);
    bool authorized(const QHash<QByteArray, QByteArray>& headers, Reply& denied) const;
    nlohmann::json tradeJson(const Trade& t) const;
    static Reply rpcError(const QString& path, const QString& message);
    static Reply detail(int status, const QString& message);
    static void echoInto(Reply& reply, const QHash<QByteArray, QByteArray>& headers);
    QString newToken(const char* type);

    // Declared before m_server so that it outlives it: destroying the server deletes the
    // sockets, whose "disconnected" handler still removes them from this map.
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QTcpServer m_server;
    QMap<qint64, Trade> m_trades;
    qint64 m_nextId = 1;
    QHash<QString, qint64> m_access; // token -> expiry (ms since epoch)
    QSet<QString> m_refresh;
    int m_tokenSerial = 0;
    QStringList m_issued;
    int m_logins = 0;
    QHash<QString, int> m_delay;
    QHash<QString, bool> m_drop;
    QHash<QString, int> m_requests;
    QHash<QString, QList<nlohmann::json>> m_bodies;
};
