#include "loopbackbinance.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <algorithm>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 418:
        return "I'm a teapot";
    case 429:
        return "Too Many Requests";
    default:
        return "Error";
    }
}

nlohmann::ordered_json tradeJson(const AggTrade& t, bool spot)
{
    nlohmann::ordered_json j;
    j["a"] = t.id;
    j["p"] = std::string(t.priceText.view());
    j["q"] = std::string(t.qtyText.view());
    j["f"] = t.firstId;
    j["l"] = t.lastId;
    j["T"] = t.t;
    j["m"] = t.buyerMaker;
    if (spot)
        j["M"] = t.bestMatch;
    return j;
}

bool venueOf(const QString& segment, BinanceVenue& venue)
{
    return BinanceVenues::parse(segment, venue) && segment == segment.toLower();
}
} // namespace

LoopbackBinance::LoopbackBinance(QObject* parent)
    : QObject(parent)
    , m_ws(QStringLiteral("loopback-binance"), QWebSocketServer::NonSecureMode)
{
    connect(&m_ws, &QWebSocketServer::newConnection, this, &LoopbackBinance::onWsConnection);
    connect(&m_http, &QTcpServer::newConnection, this, &LoopbackBinance::onHttpConnection);
    connect(&m_timer, &QTimer::timeout, this, &LoopbackBinance::tick);
}

LoopbackBinance::~LoopbackBinance()
{
    // The server's sockets go before our members do: none may call back into them.
    const auto sockets = m_http.findChildren<QTcpSocket*>();
    for (QTcpSocket* s : sockets) {
        s->disconnect(this);
        delete s;
    }
    for (Conn& c : m_conns) {
        c.socket->disconnect(this);
        c.socket->abort();
        delete c.socket;
    }
}

bool LoopbackBinance::listen(QString* error)
{
    if (!m_ws.listen(QHostAddress::LocalHost, 0) || !m_http.listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = m_ws.errorString() + QLatin1Char(' ') + m_http.errorString();
        return false;
    }
    m_timer.start(5);
    return true;
}

QString LoopbackBinance::wsUrl() const
{
    return QStringLiteral("ws://127.0.0.1:%1/{venue}").arg(m_ws.serverPort());
}

QString LoopbackBinance::restUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/{venue}").arg(m_http.serverPort());
}

void LoopbackBinance::addMarket(BinanceVenue venue, const QString& symbol, std::vector<AggTrade> trades)
{
    m_markets.push_back(Market { venue, symbol.toUpper(), std::move(trades), 0 });
    release();
}

void LoopbackBinance::startClock(qint64 startMs, double speed, bool holdForWarmUp)
{
    m_startMs = startMs;
    m_speed = speed;
    m_since.start();
    m_clockRunning = true;
    m_hold = holdForWarmUp;
    release();
}

qint64 LoopbackBinance::clockMs() const
{
    return m_clockRunning && !m_hold ? m_startMs + qint64(double(m_since.elapsed()) * m_speed) : m_startMs;
}

void LoopbackBinance::release()
{
    const qint64 clock = clockMs();
    for (Market& m : m_markets)
        while (m.released < m.trades.size()) {
            const qint64 t = m.trades[m.released].t;
            if ((wholeSeconds ? t - t % 1000 + 1000 : t) > clock) // a second is public once it is over
                break;
            ++m.released;
        }
}

void LoopbackBinance::dropConnections()
{
    QList<QWebSocket*> sockets;
    for (const Conn& c : m_conns)
        sockets << c.socket;
    for (QWebSocket* s : sockets)
        closeConn(s, true);
}

bool LoopbackBinance::allReleased() const
{
    return std::all_of(
        m_markets.begin(), m_markets.end(), [](const Market& m) { return m.released == m.trades.size(); });
}

std::vector<AggTrade> LoopbackBinance::tradesFrom(
    BinanceVenue venue, const QString& symbol, qint64 fromMs) const
{
    std::vector<AggTrade> out;
    for (const Market& m : m_markets)
        if (m.venue == venue && m.symbol == symbol.toUpper())
            for (const AggTrade& t : m.trades)
                if (t.t >= fromMs)
                    out.push_back(t);
    return out;
}

LoopbackBinance::Market* LoopbackBinance::find(BinanceVenue venue, const QString& symbol)
{
    for (Market& m : m_markets)
        if (m.venue == venue && m.symbol == symbol.toUpper())
            return &m;
    return nullptr;
}

// ---- WebSocket streams --------------------------------------------------------------------

void LoopbackBinance::onWsConnection()
{
    while (QWebSocket* socket = m_ws.nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        BinanceVenue venue = BinanceVenue::Spot;
        if (parts.size() != 2 || !venueOf(parts[0], venue) || parts[1] != QLatin1String("stream")) {
            socket->close(QWebSocketProtocol::CloseCodeProtocolError, QStringLiteral("unknown path"));
            socket->deleteLater();
            continue;
        }
        Conn c;
        c.socket = socket;
        c.openedMs = nowMs();
        c.lastPingMs = c.openedMs;
        const QString streams = QUrlQuery(url).queryItemValue(QStringLiteral("streams"));
        for (const QString& s : streams.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (!s.endsWith(QLatin1String("@aggTrade"))
                || s != s.left(s.size() - 9).toLower() + QStringLiteral("@aggTrade"))
                continue; // Binance accepts unknown streams and sends nothing for them
            for (int i = 0; i < int(m_markets.size()); ++i)
                if (m_markets[std::size_t(i)].venue == venue
                    && m_markets[std::size_t(i)].symbol == s.left(s.size() - 9).toUpper()) {
                    c.markets << i;
                    c.cursor[i] = m_markets[std::size_t(i)].released; // the stream starts now
                }
        }
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            const auto it = std::find_if(
                m_conns.begin(), m_conns.end(), [socket](const Conn& c) { return c.socket == socket; });
            if (it != m_conns.end()) {
                m_conns.erase(it);
                socket->deleteLater();
            }
        });
        connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray& payload) {
            const auto it = std::find_if(
                m_conns.begin(), m_conns.end(), [socket](const Conn& c) { return c.socket == socket; });
            if (it == m_conns.end())
                return;
            if (payload == it->pingPayload && it->pingSentMs != 0) {
                ++m_pongsMatched;
                it->pingSentMs = 0;
            } else {
                ++m_pongFailures;
                closeConn(socket, false);
            }
        });
        m_conns.push_back(c);
        ++m_connectionsOpened;
    }
}

void LoopbackBinance::closeConn(QWebSocket* socket, bool abort)
{
    const auto it = std::find_if(
        m_conns.begin(), m_conns.end(), [socket](const Conn& c) { return c.socket == socket; });
    if (it == m_conns.end())
        return;
    m_conns.erase(it);
    socket->disconnect(this);
    if (abort)
        socket->abort();
    else
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("closed by the server"));
    socket->deleteLater();
}

void LoopbackBinance::send(Conn& c, int market, const AggTrade& t)
{
    const Market& m = m_markets[std::size_t(market)];
    nlohmann::ordered_json data;
    data["e"] = "aggTrade";
    data["E"] = t.t + 2; // pushed right after the match
    data["s"] = m.symbol.toStdString();
    const nlohmann::ordered_json fields = tradeJson(t, m.venue == BinanceVenue::Spot);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        data[it.key()] = it.value();
    nlohmann::ordered_json msg;
    msg["stream"] = (m.symbol.toLower() + QStringLiteral("@aggTrade")).toStdString();
    msg["data"] = data;
    c.socket->sendTextMessage(QString::fromStdString(msg.dump()));
}

void LoopbackBinance::stream(Conn& c, bool& closed)
{
    for (int mi : std::as_const(c.markets)) {
        const Market& m = m_markets[std::size_t(mi)];
        std::size_t& cursor = c.cursor[mi];
        while (cursor < m.released) {
            const AggTrade t = m.trades[cursor++];
            const bool last = cursor == m.trades.size();
            if (faults.dropEvery > 0 && t.id % faults.dropEvery == 1 && !last)
                continue; // lost on the way: only REST has it
            if (faults.reorderEvery > 0 && t.id % faults.reorderEvery == 3 && !last && !c.pendingValid) {
                c.pending = t;
                c.pendingMarket = mi;
                c.pendingValid = true;
                continue;
            }
            send(c, mi, t);
            if (faults.duplicateEvery > 0 && t.id % faults.duplicateEvery == 2)
                send(c, mi, t);
            if (c.pendingValid && c.pendingMarket == mi) {
                c.pendingValid = false;
                send(c, mi, c.pending);
            }
            if (faults.disconnectAfter.contains(t.id)) {
                closed = true;
                closeConn(c.socket, true); // the connection dies in the middle of the second
                return;
            }
            if (faults.shutdownAfter.contains(t.id) && c.closeAtMs == 0) {
                nlohmann::ordered_json data;
                data["e"] = "serverShutdown";
                data["E"] = clockMs();
                nlohmann::ordered_json msg;
                msg["stream"] = "!serverShutdown";
                msg["data"] = data;
                c.socket->sendTextMessage(QString::fromStdString(msg.dump()));
                ++m_shutdownsSent;
                c.closeAtMs = nowMs() + faults.shutdownCloseMs;
            }
        }
    }
}

void LoopbackBinance::tick()
{
    release();
    const qint64 now = nowMs();
    QList<QWebSocket*> sockets;
    for (const Conn& c : m_conns)
        sockets << c.socket;
    for (QWebSocket* s : sockets) {
        auto it = std::find_if(m_conns.begin(), m_conns.end(), [s](const Conn& c) { return c.socket == s; });
        if (it == m_conns.end() || it->socket->state() != QAbstractSocket::ConnectedState)
            continue;
        Conn& c = *it;
        if (c.closeAtMs != 0 && now >= c.closeAtMs) {
            closeConn(s, false);
            continue;
        }
        if (faults.maxConnectionAgeMs > 0 && now - c.openedMs >= faults.maxConnectionAgeMs) {
            closeConn(s, false); // Binance's 24-hour mark
            continue;
        }
        if (faults.pingIntervalMs > 0) {
            if (c.pingSentMs != 0 && now - c.pingSentMs > faults.pongTimeoutMs) {
                ++m_pongFailures;
                closeConn(s, false);
                continue;
            }
            if (c.pingSentMs == 0 && now - c.lastPingMs >= faults.pingIntervalMs) {
                c.pingPayload = QByteArray("ping-") + QByteArray::number(++m_pingsSent);
                c.pingSentMs = now;
                c.lastPingMs = now;
                c.socket->ping(c.pingPayload);
            }
        }
        bool closed = false;
        stream(c, closed);
    }
}

// ---- REST ---------------------------------------------------------------------------------

void LoopbackBinance::onHttpConnection()
{
    while (QTcpSocket* s = m_http.nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onHttpReadable(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            m_buffers.remove(s);
            s->deleteLater();
        });
    }
}

void LoopbackBinance::onHttpReadable(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    while (true) { // keep-alive: several GETs per connection, no bodies
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buf.left(end);
        buf.remove(0, end + 4);
        const QList<QByteArray> start = head.left(head.indexOf("\r\n")).split(' ');
        Reply r = start.value(0) == "GET" ? handle(start.value(1))
                                          : error(405, -1000, QStringLiteral("GET only"));
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status)
            + "\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: "
            + QByteArray::number(r.body.size()) + "\r\n";
        for (const auto& [k, v] : std::as_const(r.headers))
            out += k + ": " + v + "\r\n";
        socket->write(out + "\r\n" + r.body);
    }
}

LoopbackBinance::Reply LoopbackBinance::error(int status, int code, const QString& msg) const
{
    nlohmann::ordered_json j;
    j["code"] = code;
    j["msg"] = msg.toStdString();
    return { status, QByteArray::fromStdString(j.dump()), {} };
}

int LoopbackBinance::usedWeight(qint64 now)
{
    while (!m_weights.isEmpty() && m_weights.first().first <= now - 60000)
        m_weights.removeFirst();
    int sum = 0;
    for (const auto& [t, w] : std::as_const(m_weights))
        sum += w;
    return sum;
}

LoopbackBinance::Reply LoopbackBinance::handle(const QByteArray& target)
{
    ++m_restRequests;
    release();
    const qint64 now = nowMs();
    const QUrl url(QString::fromUtf8(target));
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    BinanceVenue venue = BinanceVenue::Spot;
    Reply r;
    if (parts.isEmpty() || !venueOf(parts.first(), venue)) {
        r = error(404, -1000, QStringLiteral("unknown venue"));
    } else if (now < m_retryUntilMs) {
        // A request during a Retry-After: Binance bans the IP (418), for the time left and more.
        r = error(418, -1003, QStringLiteral("Way too much request weight used; IP banned."));
        m_retryUntilMs = now + 2000;
        r.headers.append({ "Retry-After", QByteArray::number(2) });
    } else {
        const QString path = QLatin1Char('/') + parts.mid(1).join(QLatin1Char('/'));
        const bool time = path == BinanceVenues::timePath(venue);
        const bool trades = path == BinanceVenues::aggTradesPath(venue);
        const int weight = time ? BinanceVenues::timeWeight(venue) : BinanceVenues::aggTradesWeight(venue);
        m_weights.append({ now, weight });
        const int limit
            = faults.weightLimit > 0 ? faults.weightLimit : BinanceVenues::weightLimitPerMinute(venue);
        if (trades && m_fails429Left < 0)
            m_fails429Left = faults.fail429;
        if (usedWeight(now) > limit || (trades && m_fails429Left > 0)) {
            if (trades && m_fails429Left > 0)
                --m_fails429Left;
            r = error(429, -1003, QStringLiteral("Too much request weight used; please use the websocket."));
            m_retryUntilMs = now + qint64(faults.retryAfterS) * 1000;
            r.headers.append({ "Retry-After", QByteArray::number(faults.retryAfterS) });
        } else if (time) {
            const qint64 serverTime = clockMs();
            if (m_firstServerTime < 0)
                m_firstServerTime = serverTime;
            nlohmann::ordered_json j;
            j["serverTime"] = serverTime;
            r.body = QByteArray::fromStdString(j.dump());
        } else if (trades) {
            r = aggTrades(venue, QUrlQuery(url), path);
        } else {
            r = error(404, -1000, QStringLiteral("unknown endpoint"));
        }
    }
    r.headers.append({ "X-MBX-USED-WEIGHT-1M", QByteArray::number(usedWeight(now)) });
    ++m_statusCounts[r.status];
    return r;
}

LoopbackBinance::Reply LoopbackBinance::aggTrades(BinanceVenue venue, const QUrlQuery& q, const QString&)
{
    if (!q.hasQueryItem(QStringLiteral("symbol")))
        return error(400, -1102,
            QStringLiteral("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
    Market* m = find(venue, q.queryItemValue(QStringLiteral("symbol")));
    if (!m || q.queryItemValue(QStringLiteral("symbol")) != m->symbol)
        return error(400, -1121, QStringLiteral("Invalid symbol."));
    const auto number = [&](const char* key, qint64 fallback) {
        const QString v = q.queryItemValue(QLatin1String(key));
        return v.isEmpty() ? fallback : v.toLongLong();
    };
    const qint64 limit = number("limit", 500);
    if (limit < 1 || limit > 1000)
        return error(400, -1130, QStringLiteral("Data sent for parameter 'limit' is not valid."));
    const qint64 fromId = number("fromId", -1);
    const qint64 startTime = number("startTime", -1);
    const qint64 endTime = number("endTime", -1);
    if (startTime >= 0 && endTime >= 0 && endTime - startTime >= 3600000)
        return error(400, -1127, QStringLiteral("More than 1 hours between startTime and endTime."));
    const auto begin = m->trades.begin();
    const auto released = begin + std::ptrdiff_t(m->released);
    auto first = released - std::min<std::ptrdiff_t>(limit, released - begin); // most recent
    auto last = released;
    if (fromId >= 0) {
        first = std::lower_bound(
            begin, released, fromId, [](const AggTrade& t, qint64 id) { return t.id < id; });
        last = released;
    } else if (startTime >= 0 || endTime >= 0) {
        first = startTime >= 0 ? std::lower_bound(
                    begin, released, startTime, [](const AggTrade& t, qint64 ms) { return t.t < ms; })
                               : begin;
        last = endTime >= 0 ? std::upper_bound(
                   first, released, endTime, [](qint64 ms, const AggTrade& t) { return ms < t.t; })
                            : released;
    }
    last = std::min(last, first + std::min<std::ptrdiff_t>(limit, last - first));
    m->asked = true;
    if (m_hold && std::all_of(m_markets.begin(), m_markets.end(), [](const Market& x) { return x.asked; })) {
        m_hold = false;
        m_since.start();
    }
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (auto it = first; it != last; ++it)
        arr.push_back(tradeJson(*it, venue == BinanceVenue::Spot));
    return { 200, QByteArray::fromStdString(arr.dump()), {} };
}
