#include "fakefreqtrade.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
const char* reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 422:
        return "Unprocessable Entity";
    case 502:
        return "Bad Gateway";
    default:
        return "Error";
    }
}
} // namespace

FakeFreqtrade::FakeFreqtrade(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeFreqtrade::onConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

qint64 FakeFreqtrade::addOpenTrade(
    const QString& pair, bool isShort, double amount, double rate, const QString& tag)
{
    Trade t;
    t.id = m_nextId++;
    t.pair = pair;
    t.isShort = isShort;
    t.amount = amount;
    t.openRate = rate;
    t.stake = amount * rate;
    t.openMs = now();
    t.tag = tag;
    m_trades[t.id] = t;
    return t.id;
}

int FakeFreqtrade::openCount() const
{
    int n = 0;
    for (const Trade& t : m_trades)
        n += t.open;
    return n;
}

void FakeFreqtrade::onConnection()
{
    while (QTcpSocket* s = m_server.nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            m_buffers.remove(s);
            s->deleteLater();
        });
    }
}

void FakeFreqtrade::onReadable(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    while (true) { // keep-alive: several requests per connection
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> start = lines.first().trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        const int length = headers.value("content-length", "0").toInt();
        if (buf.size() < end + 4 + length)
            return;
        const QByteArray payload = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        const QByteArray method = start.value(0);
        QString path = QString::fromUtf8(start.value(1));
        if (path.startsWith(QLatin1String("/api/v1")))
            path = path.mid(7);
        const QString key = path.startsWith(QLatin1String("/trade/")) ? QStringLiteral("/trade") : path;
        ++m_requests[key];
        const nlohmann::json body = payload.isEmpty()
            ? nlohmann::json()
            : nlohmann::json::parse(
                payload.constData(), payload.constData() + payload.size(), nullptr, false);
        m_bodies[key].append(body);

        if (m_drop.contains(key)) {
            // The connection dies: before the bot saw the request, or after it acted on it.
            const bool after = m_drop.take(key);
            if (after)
                handle(method, path, headers, body);
            socket->abort();
            return;
        }
        Reply reply = handle(method, path, headers, body);
        if (echoCredentials && reply.status >= 400)
            echoInto(reply, headers);
        if (m_delay.contains(key)) {
            // Executed now, answered late (a slow bot or exchange).
            QTimer::singleShot(m_delay.take(key), socket, [this, socket, reply] { respond(socket, reply); });
            continue;
        }
        respond(socket, reply);
    }
}

void FakeFreqtrade::respond(QTcpSocket* socket, const Reply& reply)
{
    // orjson: NaN/inf become null, which nlohmann also does for non-finite numbers.
    const QByteArray body = QByteArray::fromStdString(reply.body.dump());
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason(reply.status)
        + "\r\ncontent-type: application/json\r\ncontent-length: " + QByteArray::number(body.size()) + "\r\n";
    if (reply.status == 401)
        head += "www-authenticate: Bearer\r\n";
    socket->write(head + "\r\n" + body);
}

FakeFreqtrade::Reply FakeFreqtrade::rpcError(const QString& path, const QString& message)
{
    return { 502,
        { { "error", QStringLiteral("Error querying /api/v1%1: %2").arg(path, message).toStdString() } } };
}

FakeFreqtrade::Reply FakeFreqtrade::detail(int status, const QString& message)
{
    return { status, { { "detail", message.toStdString() } } };
}

void FakeFreqtrade::echoInto(Reply& reply, const QHash<QByteArray, QByteArray>& headers)
{
    const QByteArray auth = headers.value("authorization");
    std::string echo = " [request had Authorization: " + auth.toStdString() + "]";
    if (auth.startsWith("Basic ")) {
        const QByteArray plain = QByteArray::fromBase64(auth.mid(6));
        const qsizetype colon = plain.indexOf(':');
        const std::string user = plain.left(colon).toStdString();
        const std::string pw = plain.mid(colon + 1).toStdString();
        echo += " u=" + user + "&p=" + pw + " {\"username\": \"" + user + "\", \"password\": \"" + pw
            + "\"} password " + pw;
    }
    for (const char* key : { "detail", "error" })
        if (reply.body.is_object() && reply.body.contains(key) && reply.body[key].is_string())
            reply.body[key] = reply.body[key].get<std::string>() + echo;
    if (reply.body.is_object() && reply.body.contains("detail") && reply.body["detail"].is_array())
        for (auto& d : reply.body["detail"])
            d["msg"] = d.value("msg", std::string()) + echo;
}

QString FakeFreqtrade::newToken(const char* type)
{
    // An HS256 JWT's shape: base64url(header).base64url(claims).signature.
    const auto b64 = [](const std::string& s) {
        return QByteArray::fromStdString(s).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const nlohmann::json claims = { { "identity", { { "u", username.toStdString() } } }, { "type", type },
        { "jti", ++m_tokenSerial }, { "exp", now() / 1000 + accessTtlMs / 1000 } };
    const QString token
        = QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64(claims.dump()) + '.'
            + QCryptographicHash::hash(QByteArray::number(m_tokenSerial) + type, QCryptographicHash::Sha256)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_issued << token;
    return token;
}

bool FakeFreqtrade::authorized(const QHash<QByteArray, QByteArray>& headers, Reply& denied) const
{
    const QByteArray auth = headers.value("authorization");
    if (auth.startsWith("Bearer ")) {
        // A Bearer header is used exclusively (no fallback to Basic), refresh tokens refused.
        const QString token = QString::fromUtf8(auth.mid(7));
        if (m_access.value(token, 0) > now())
            return true;
        denied = detail(401, QStringLiteral("Could not validate credentials"));
        return false;
    }
    if (auth.startsWith("Basic ")) {
        if (QByteArray::fromBase64(auth.mid(6)) == (username + QLatin1Char(':') + password).toUtf8())
            return true;
        denied = detail(401, QStringLiteral("Unauthorized"));
        return false;
    }
    denied = detail(401, QStringLiteral("Not authenticated"));
    return false;
}

nlohmann::json FakeFreqtrade::tradeJson(const Trade& t) const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    nlohmann::json j = { { "trade_id", t.id }, { "pair", t.pair.toStdString() }, { "is_open", t.open },
        { "is_short", t.isShort }, { "amount", t.amount }, { "stake_amount", t.stake },
        { "open_rate", t.openRate }, { "open_timestamp", t.openMs },
        { "open_date",
            QDateTime::fromMSecsSinceEpoch(t.openMs, Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                .toStdString() },
        { "enter_tag", t.tag.isEmpty() ? nlohmann::json() : nlohmann::json(t.tag.toStdString()) },
        { "stop_loss_abs", t.nullStop ? nan : t.openRate * (t.isShort ? 1.1 : 0.9) },
        { "has_open_orders", t.pollsUntilClosed >= 0 }, { "leverage", 1.0 }, { "profit_ratio", nan } };
    if (t.open) {
        j["current_rate"] = nullCurrentRate ? nan : price;
        j["close_rate"] = nullptr;
        j["close_timestamp"] = nullptr;
        j["exit_reason"] = nullptr;
    } else {
        j["close_rate"] = t.closeRate;
        j["close_timestamp"] = t.closeMs;
        j["exit_reason"] = t.exitReason.toStdString();
        j["profit_abs"] = (t.isShort ? -1 : 1) * (t.closeRate - t.openRate) * t.amount;
    }
    return j;
}

FakeFreqtrade::Reply FakeFreqtrade::handle(const QByteArray& method, const QString& path,
    const QHash<QByteArray, QByteArray>& headers, const nlohmann::json& body)
{
    if (path == QLatin1String("/ping"))
        return { 200, { { "status", "pong" } } };
    if (path == QLatin1String("/token/login") && method == "POST") {
        const QByteArray auth = headers.value("authorization");
        if (!auth.startsWith("Basic "))
            return detail(401, QStringLiteral("Not authenticated"));
        if (QByteArray::fromBase64(auth.mid(6)) != (username + QLatin1Char(':') + password).toUtf8())
            return detail(401, QStringLiteral("Incorrect username or password"));
        ++m_logins;
        const QString access = newToken("access");
        const QString refresh = newToken("refresh");
        m_access[access] = now() + accessTtlMs;
        m_refresh.insert(refresh);
        return { 200,
            { { "access_token", access.toStdString() }, { "refresh_token", refresh.toStdString() } } };
    }
    if (path == QLatin1String("/token/refresh") && method == "POST") {
        const QByteArray auth = headers.value("authorization");
        if (!auth.startsWith("Bearer ") || !m_refresh.contains(QString::fromUtf8(auth.mid(7))))
            return detail(401, QStringLiteral("Could not validate credentials"));
        const QString access = newToken("access");
        m_access[access] = now() + accessTtlMs;
        return { 200, { { "access_token", access.toStdString() } } };
    }
    Reply denied;
    if (!authorized(headers, denied))
        return denied;

    if (path == QLatin1String("/show_config")) {
        nlohmann::json j = { { "version", "2024.10" }, { "api_version", 2.4 }, { "trading_mode", "futures" },
            { "stake_currency", "USDT" }, { "max_open_trades", maxOpenTrades },
            { "force_entry_enable", forceEntryEnable }, { "position_adjustment_enable", positionAdjustment },
            { "state", state.toStdString() }, { "exchange", "binance" },
            { "runmode",
                (runmode.isEmpty() ? (dryRun ? QStringLiteral("dry_run") : QStringLiteral("live")) : runmode)
                    .toStdString() },
            { "bot_name", "fake" } };
        if (showDryRun)
            j["dry_run"] = dryRun;
        return { 200, j };
    }
    if (path == QLatin1String("/status")) {
        nlohmann::json out = nlohmann::json::array();
        for (Trade& t : m_trades) {
            if (!t.open)
                continue;
            if (t.pollsUntilClosed > 0) {
                --t.pollsUntilClosed;
            } else if (t.pollsUntilClosed == 0) {
                // The exit order filled.
                t.open = false;
                t.closeRate = price;
                t.closeMs = now();
                if (t.exitReason.isEmpty())
                    t.exitReason = QStringLiteral("force_exit");
                continue;
            }
            out.push_back(tradeJson(t));
        }
        return { 200, out };
    }
    if (path.startsWith(QLatin1String("/trade/"))) {
        const qint64 id = path.mid(7).toLongLong();
        if (!m_trades.contains(id))
            return detail(404, QStringLiteral("Trade not found."));
        return { 200, tradeJson(m_trades[id]) };
    }
    if (path == QLatin1String("/balance"))
        return { 200,
            { { "currencies", nlohmann::json::array() }, { "total", 10000.0 }, { "symbol", "USD" },
                { "note", "Simulated balances" } } };
    if (path == QLatin1String("/stopentry") && method == "POST") {
        maxOpenTrades = 0;
        return { 200, { { "status", "No more entries will occur from now. Run /reload_config to reset." } } };
    }
    if (path == QLatin1String("/forceenter") && method == "POST") {
        if (!body.is_object() || !body.contains("pair") || !body["pair"].is_string())
            return { 422,
                { { "detail",
                    { { { "type", "missing" }, { "loc", { "body", "pair" } }, { "msg", "Field required" },
                        { "input", body } } } } } };
        const std::string side = body.value("side", std::string("long"));
        if (side != "long" && side != "short")
            return { 422,
                { { "detail",
                    { { { "type", "enum" }, { "loc", { "body", "side" } },
                        { "msg", "Input should be 'long' or 'short'" }, { "input", side } } } } } };
        if (state != QLatin1String("running"))
            return rpcError(path, QStringLiteral("trader is not running"));
        if (!forceEntryEnable)
            return rpcError(path, QStringLiteral("Force_entry not enabled."));
        const QString pair = QString::fromStdString(body["pair"].get<std::string>());
        for (const Trade& t : m_trades)
            if (t.open && t.pair == pair)
                return rpcError(
                    path, QStringLiteral("position for %1 already open - id: %2").arg(pair).arg(t.id));
        if (openCount() >= maxOpenTrades)
            return rpcError(path, QStringLiteral("Maximum number of trades is reached."));
        const double stake = body.value("stakeamount", 100.0);
        const QString tag = body.contains("entry_tag") && body["entry_tag"].is_string()
            ? QString::fromStdString(body["entry_tag"].get<std::string>())
            : QStringLiteral("force_entry");
        const qint64 id = addOpenTrade(pair, side == "short", stake / price, price, tag);
        return { 200, tradeJson(m_trades[id]) };
    }
    if (path == QLatin1String("/forceexit") && method == "POST") {
        if (state != QLatin1String("running"))
            return rpcError(path, QStringLiteral("trader is not running"));
        const nlohmann::json id
            = body.is_object() && body.contains("tradeid") ? body["tradeid"] : nlohmann::json();
        if (id.is_string() && id.get<std::string>() == "all") {
            for (Trade& t : m_trades)
                if (t.open && t.pollsUntilClosed < 0)
                    t.pollsUntilClosed = exitAfterPolls;
            return { 200, { { "result", "Created exit orders for all open trades." } } };
        }
        const qint64 tid = id.is_number()
            ? id.get<qint64>()
            : QString::fromStdString(id.is_string() ? id.get<std::string>() : "").toLongLong();
        if (!m_trades.contains(tid) || !m_trades[tid].open)
            return rpcError(path, QStringLiteral("invalid argument"));
        if (m_trades[tid].pollsUntilClosed < 0)
            m_trades[tid].pollsUntilClosed = exitAfterPolls;
        return { 200,
            { { "result", QStringLiteral("Created exit order for trade %1.").arg(tid).toStdString() } } };
    }
    return detail(404, QStringLiteral("Not Found"));
}
