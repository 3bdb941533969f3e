#include "broker/freqtradeclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

namespace veloce {

std::optional<double> ftNumber(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

FreqtradeError FreqtradeError::fromReply(int status, const QByteArray& body)
{
    FreqtradeError e;
    e.status = status;
    if (status == 401)
        e.kind = Kind::Auth;
    else if (status == 404)
        e.kind = Kind::NotFound;
    else if (status == 422)
        e.kind = Kind::Validation;
    else if (status == 502)
        e.kind = Kind::Business;
    else
        e.kind = Kind::Server;
    const nlohmann::json j
        = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) {
        // "Error querying /api/v1/forceenter: Maximum number of trades is reached."
        QString text = QString::fromStdString(j["error"].get<std::string>());
        const int colon = text.indexOf(QLatin1String(": "));
        if (text.startsWith(QLatin1String("Error querying ")) && colon > 0)
            text = text.mid(colon + 2);
        e.message = text;
    } else if (j.is_object() && j.contains("detail") && j["detail"].is_string()) {
        e.message = QString::fromStdString(j["detail"].get<std::string>());
    } else if (j.is_object() && j.contains("detail") && j["detail"].is_array()) {
        QStringList parts;
        for (const auto& d : j["detail"]) {
            QString where;
            if (d.contains("loc") && d["loc"].is_array())
                for (const auto& l : d["loc"])
                    where += (where.isEmpty() ? QString() : QStringLiteral("."))
                        + QString::fromStdString(l.dump());
            const std::string msg
                = d.contains("msg") && d["msg"].is_string() ? d["msg"].get<std::string>() : d.dump();
            parts << (where.isEmpty() ? QString::fromStdString(msg)
                                      : QStringLiteral("%1: %2").arg(
                                          where.remove(QLatin1Char('"')), QString::fromStdString(msg)));
        }
        e.message = parts.join(QStringLiteral("; "));
    } else {
        e.message = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(200)));
    }
    if (e.message.isEmpty())
        e.message = QStringLiteral("HTTP %1").arg(status);
    return e;
}

FreqtradeClient::FreqtradeClient(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_manager(new QNetworkAccessManager(this))
{
}

FreqtradeClient::~FreqtradeClient() = default;

void FreqtradeClient::exchange(const QByteArray& method, const QString& path, const nlohmann::json& body,
    const QByteArray& auth, std::function<void(int, const QByteArray&, const FreqtradeError&)> done)
{
    QUrl url = m_settings.baseUrl;
    url.setPath(
        url.path().remove(QRegularExpression(QStringLiteral("/+$"))) + QStringLiteral("/api/v1") + path);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!auth.isEmpty())
        req.setRawHeader("Authorization", auth);
    const QByteArray payload = body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
    QNetworkReply* reply = method == "GET" ? m_manager->get(req) : m_manager->post(req, payload);
    // Our own timer (not transfer timeouts): a slow answer is a Timeout, distinguishable from
    // a dropped connection, because an entry that timed out must be looked up before a retry.
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_settings.timeoutMs);
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path);
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, done, what] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        FreqtradeError err;
        if (*timedOut) {
            err.kind = FreqtradeError::Kind::Timeout;
            err.message = QStringLiteral("FreqTrade at %1 did not answer %2 within %3 ms")
                              .arg(m_settings.baseUrl.toString(), what)
                              .arg(m_settings.timeoutMs);
        } else if (status == 0) {
            err.kind = FreqtradeError::Kind::Network;
            err.message = QStringLiteral("FreqTrade at %1: %2: %3")
                              .arg(m_settings.baseUrl.toString(), what, reply->errorString());
        } else if (status >= 400) {
            err = FreqtradeError::fromReply(status, data);
        }
        done(status, data, err);
    });
}

void FreqtradeClient::login(std::function<void(const FreqtradeError&)> then)
{
    const QByteArray basic
        = "Basic " + (m_settings.username + QLatin1Char(':') + m_settings.password).toUtf8().toBase64();
    ++m_logins;
    exchange("POST", QStringLiteral("/token/login"), nlohmann::json(), basic,
        [this, then](int, const QByteArray& data, const FreqtradeError& error) {
            if (error) {
                FreqtradeError e = error;
                if (e.kind == FreqtradeError::Kind::Auth)
                    e.message = QStringLiteral("FreqTrade login as \"%1\" refused: %2")
                                    .arg(m_settings.username, e.message);
                then(e);
                return;
            }
            const auto j
                = nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
            if (!j.is_object() || !j.contains("access_token") || !j["access_token"].is_string()) {
                then({ FreqtradeError::Kind::BadReply, 200,
                    QStringLiteral("FreqTrade login: no access_token in the answer") });
                return;
            }
            m_access = QString::fromStdString(j["access_token"].get<std::string>());
            m_refresh = j.contains("refresh_token") && j["refresh_token"].is_string()
                ? QString::fromStdString(j["refresh_token"].get<std::string>())
                : QString();
            m_accessAge.start();
            then({});
        });
}

void FreqtradeClient::refresh(std::function<void(const FreqtradeError&)> then)
{
    if (m_refresh.isEmpty()) {
        login(then);
        return;
    }
    ++m_refreshes;
    exchange("POST", QStringLiteral("/token/refresh"), nlohmann::json(), "Bearer " + m_refresh.toUtf8(),
        [this, then](int, const QByteArray& data, const FreqtradeError& error) {
            const auto j
                = nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
            if (error || !j.is_object() || !j.contains("access_token") || !j["access_token"].is_string()) {
                // The refresh token expired or the bot restarted with a new secret.
                m_access.clear();
                m_refresh.clear();
                if (error && error.unknownOutcome())
                    then(error);
                else
                    login(then);
                return;
            }
            m_access = QString::fromStdString(j["access_token"].get<std::string>());
            m_accessAge.start();
            then({});
        });
}

void FreqtradeClient::withToken(std::function<void(const FreqtradeError&)> then)
{
    if (m_access.isEmpty())
        login(then);
    else if (m_accessAge.elapsed() > qint64(m_settings.refreshAfterS) * 1000)
        refresh(then);
    else
        then({});
}

void FreqtradeClient::send(Request r)
{
    if (r.path == QLatin1String("/ping")) {
        exchange(r.method, r.path, r.body, QByteArray(),
            [r](int, const QByteArray& data, const FreqtradeError& e) {
                r.done(
                    nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false),
                    e);
            });
        return;
    }
    withToken([this, r](const FreqtradeError& authError) {
        if (authError) {
            r.done(nlohmann::json(), authError);
            return;
        }
        exchange(r.method, r.path, r.body, "Bearer " + m_access.toUtf8(),
            [this, r](int, const QByteArray& data, const FreqtradeError& error) {
                if (error.kind == FreqtradeError::Kind::Auth && !r.authRetried) {
                    // Expired or revoked token: refresh once (then log in), then repeat.
                    Request again = r;
                    again.authRetried = true;
                    refresh([this, again](const FreqtradeError& e) {
                        if (e)
                            again.done(nlohmann::json(), e);
                        else
                            send(again);
                    });
                    return;
                }
                nlohmann::json j;
                if (!error)
                    j = nlohmann::json::parse(
                        data.constData(), data.constData() + data.size(), nullptr, false);
                if (!error && j.is_discarded()) {
                    r.done(nlohmann::json(),
                        { FreqtradeError::Kind::BadReply, 200,
                            QStringLiteral("FreqTrade %1: unreadable answer").arg(r.path) });
                    return;
                }
                r.done(j, error);
            });
    });
}

void FreqtradeClient::get(const QString& path, Callback done)
{
    send({ "GET", path, nlohmann::json(), std::move(done) });
}

void FreqtradeClient::post(const QString& path, const nlohmann::json& body, Callback done)
{
    send({ "POST", path, body.is_null() ? nlohmann::json::object() : body, std::move(done) });
}

} // namespace veloce
