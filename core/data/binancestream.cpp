#include "data/binancestream.h"

#include <QDateTime>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <chrono>

namespace veloce {

namespace {
constexpr std::int64_t kMs = 1000000;
} // namespace

std::int64_t BinanceStream::steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

BinanceStream::BinanceStream(QUrl url, Options options, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_options(options)
    , m_backoff(options.reconnectBaseMs, options.reconnectMaxMs)
{
}

BinanceStream::~BinanceStream()
{
    stop();
}

int BinanceStream::openConnections() const
{
    return static_cast<int>(std::count_if(m_connections.begin(), m_connections.end(),
        [](const Connection& c) { return c.open && !c.closing; }));
}

BinanceStream::Connection* BinanceStream::find(int id)
{
    for (Connection& c : m_connections)
        if (c.id == id)
            return &c;
    return nullptr;
}

void BinanceStream::start()
{
    if (m_running)
        return;
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &BinanceStream::openConnection);
        m_tickTimer = new QTimer(this);
        connect(m_tickTimer, &QTimer::timeout, this, &BinanceStream::tick);
    }
    m_running = true;
    // Fine enough for every deadline, also the compressed ones of the tests.
    const std::int64_t finest = std::min<std::int64_t>({ 1000, m_options.lifetimeMs / 4,
        m_options.handoverMs / 4, m_options.pingIntervalMs / 4, m_options.pongTimeoutMs / 4 });
    m_tickTimer->start(static_cast<int>(std::max<std::int64_t>(10, finest)));
    openConnection();
}

void BinanceStream::stop()
{
    m_running = false;
    if (m_retryTimer) {
        m_retryTimer->stop();
        m_tickTimer->stop();
    }
    std::vector<Connection> all;
    all.swap(m_connections);
    for (Connection& c : all) {
        c.socket->disconnect(this);
        c.socket->abort();
        c.socket->deleteLater();
    }
    m_retiring = 0;
}

void BinanceStream::openConnection()
{
    if (!m_running)
        return;
    Connection c;
    c.id = m_nextId++;
    c.socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    c.openedNs = steadyNs();
    c.lastPingNs = c.openedNs;
    const int id = c.id;
    QWebSocket* s = c.socket;
    connect(s, &QWebSocket::connected, this, [this, id] { onConnected(id); });
    connect(s, &QWebSocket::disconnected, this, [this, id] { onDisconnected(id); });
    // A refused or failed handshake may come without disconnected(): handled the same way.
    connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, id](QAbstractSocket::SocketError) {
            const Connection* c = find(id);
            if (c && !c->open)
                onDisconnected(id);
        });
    connect(s, &QWebSocket::textMessageReceived, this, [this, id](const QString& text) { onText(id, text); });
    connect(s, &QWebSocket::pong, this, [this, id](quint64, const QByteArray&) {
        if (Connection* c = find(id))
            c->pingSentNs = 0;
        Q_EMIT alive();
    });
    m_connections.push_back(c);
    s->open(m_url);
}

void BinanceStream::onConnected(int id)
{
    Connection* c = find(id);
    if (!c)
        return;
    const bool first = openConnections() == 0;
    c->open = true;
    c->openedNs = steadyNs();
    c->lastPingNs = c->openedNs;
    if (m_retiring != 0)
        m_retireDeadlineNs = c->openedNs + std::int64_t(m_options.handoverMs) * kMs;
    m_everConnected = true;
    if (first)
        Q_EMIT connected();
}

QString BinanceStream::reasonOf(const Connection& c) const
{
    const QString why = c.socket->closeReason().isEmpty() ? c.socket->errorString() : c.socket->closeReason();
    return why.isEmpty() ? QStringLiteral("connection closed") : why;
}

void BinanceStream::onDisconnected(int id)
{
    const auto it = std::find_if(
        m_connections.begin(), m_connections.end(), [id](const Connection& c) { return c.id == id; });
    if (it == m_connections.end())
        return;
    const Connection gone = *it;
    m_connections.erase(it);
    gone.socket->disconnect(this);
    gone.socket->deleteLater();
    if (m_retiring == id)
        m_retiring = 0;
    if (!m_running || gone.closing)
        return;
    const QString reason = QStringLiteral("%1 (%2)").arg(reasonOf(gone), m_url.host());
    if (gone.open)
        ++m_reconnects;
    if (openConnections() > 0) {
        Q_EMIT lostOne(reason);
        return;
    }
    if (!m_connections.empty()) {
        Q_EMIT lost(reason, 0); // a successor is already being opened
        return;
    }
    const int delay = m_backoff.nextDelayMs();
    Q_EMIT lost(reason, delay);
    m_retryTimer->start(delay);
}

void BinanceStream::onText(int id, const QString& text)
{
    const std::int64_t ns = steadyNs();
    const std::int64_t ms = QDateTime::currentMSecsSinceEpoch();
    Connection* c = find(id);
    if (!c || c->closing)
        return;
    if (!c->delivered) {
        c->delivered = true;
        m_backoff.reset(); // this connection works: the next loss starts the back-off afresh
        if (m_retiring != 0 && m_retiring != id)
            retire(m_retiring);
    }
    Q_EMIT message(text.toUtf8(), id, ns, ms);
}

void BinanceStream::handOver(int connection, const QString&)
{
    Connection* c = find(connection);
    if (!m_running || !c || c->closing || c->successorOpened)
        return;
    c->successorOpened = true;
    if (m_retiring != 0 && m_retiring != connection)
        retire(m_retiring); // a handover in a handover: the older one goes now
    m_retiring = connection;
    m_retireDeadlineNs = INT64_MAX; // set when the successor is open
    ++m_handovers;
    openConnection();
}

void BinanceStream::retire(int id)
{
    if (m_retiring == id)
        m_retiring = 0;
    Connection* c = find(id);
    if (!c || c->closing)
        return;
    c->closing = true;
    c->socket->close();
}

void BinanceStream::tick()
{
    const std::int64_t now = steadyNs();
    if (m_retiring != 0 && now >= m_retireDeadlineNs)
        retire(m_retiring);
    std::vector<int> handovers;
    std::vector<int> dead;
    for (Connection& c : m_connections) {
        if (c.closing)
            continue;
        if (!c.open) {
            if (now - c.openedNs > std::int64_t(m_options.connectTimeoutMs) * kMs)
                dead.push_back(c.id);
            continue;
        }
        if (!c.successorOpened && now - c.openedNs >= m_options.lifetimeMs * kMs)
            handovers.push_back(c.id);
        if (c.pingSentNs != 0 && now - c.pingSentNs > std::int64_t(m_options.pongTimeoutMs) * kMs) {
            dead.push_back(c.id);
        } else if (c.pingSentNs == 0 && now - c.lastPingNs >= std::int64_t(m_options.pingIntervalMs) * kMs) {
            c.pingSentNs = now;
            c.lastPingNs = now;
            c.socket->ping();
        }
    }
    for (int id : handovers)
        handOver(id, QStringLiteral("24-hour limit"));
    for (int id : dead) {
        if (Connection* c = find(id))
            c->socket->abort();
        onDisconnected(id); // a loss, replaced (nothing happens if abort() already reported it)
    }
}

} // namespace veloce
