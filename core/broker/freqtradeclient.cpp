#include "broker/freqtradeclient.h"

#include "data/networkreplyguard.h"
#include "types/redaction.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>

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

bool ftBool(const nlohmann::json& object, const char* key, bool fallback)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string ftString(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

FreqtradeError FreqtradeError::fromReply(int status, const QByteArray& body, const QStringList& secrets)
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
        // Redacted before it is cut: a cut could leave half a secret unrecognised.
        const QString text = redactSecrets(QString::fromUtf8(body.left(4096)).simplified(), secrets);
        e.message = QStringLiteral("HTTP %1: %2").arg(status).arg(text.left(200));
    }
    if (e.message.isEmpty())
        e.message = QStringLiteral("HTTP %1").arg(status);
    e.message = redactSecrets(e.message, secrets);
    return e;
}

FreqtradeClient::FreqtradeClient(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_manager(new QNetworkAccessManager(this))
{
    // http://user:password@host: FreqTrade takes credentials in the login's Basic header only,
    // and a URL with a password would end up in messages.
    QUrl& url = m_settings.baseUrl;
    if (m_settings.username.isEmpty() && !url.userName().isEmpty())
        m_settings.username = url.userName();
    if (m_settings.password.isEmpty() && !url.password().isEmpty())
        m_settings.password = url.password();
    url.setUserInfo(QString());
}

QStringList FreqtradeClient::secrets() const
{
    QStringList out;
    for (const QString& s : { m_settings.password, m_access, m_refresh })
        if (!s.isEmpty())
            out << s;
    if (!m_settings.password.isEmpty())
        out << QString::fromLatin1(
            (m_settings.username + QLatin1Char(':') + m_settings.password).toUtf8().toBase64());
    return out;
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
    // A deadline from the request (not Qt's transfer timeout, which only notices silence): a
    // slow answer is a Timeout, distinguishable from a dropped connection, because an entry that
    // timed out must be looked up before a retry.
    NetworkReplyGuard::attach(reply, NetworkReplyGuard::kMaxReplyBytes, m_settings.timeoutMs,
        QStringLiteral("freqtrade_timeout_ms"));
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, what] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        FreqtradeError err;
        const NetworkReplyGuard::Verdict verdict = NetworkReplyGuard::verdict(reply);
        if (verdict != NetworkReplyGuard::Verdict::None) {
            err.kind = verdict == NetworkReplyGuard::Verdict::TooSlow ? FreqtradeError::Kind::Timeout
                                                                      : FreqtradeError::Kind::TooLarge;
            err.status = status;
            err.message = QStringLiteral("FreqTrade at %1: %2 %3")
                              .arg(endpoint(), what, NetworkReplyGuard::describe(reply));
        } else if (status == 0) {
            err.kind = FreqtradeError::Kind::Network;
            err.message
                = QStringLiteral("FreqTrade at %1: %2: %3").arg(endpoint(), what, reply->errorString());
        } else if (status >= 400) {
            err = FreqtradeError::fromReply(status, data, secrets());
        }
        if (err)
            err.message = redactSecrets(err.message, secrets());
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

nlohmann::json FreqtradeClient::call(
    const QByteArray& method, const QString& path, const nlohmann::json& body, FreqtradeError* error)
{
    QEventLoop loop;
    nlohmann::json out;
    bool finished = false;
    send({ method, path,
        method == "GET" ? nlohmann::json() : (body.is_null() ? nlohmann::json::object() : body),
        [&](const nlohmann::json& j, const FreqtradeError& e) {
            out = j;
            if (error)
                *error = e;
            finished = true;
            loop.quit();
        } });
    if (!finished)
        loop.exec();
    return out;
}

} // namespace veloce
