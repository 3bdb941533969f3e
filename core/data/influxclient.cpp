#include "data/influxclient.h"

#include "data/influxerror.h"
#include "data/networkreplyguard.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>

namespace veloce {

namespace {
QByteArray formItem(const char* key, const QString& value)
{
    // Percent-encode everything but unreserved characters: a '+' left as is would reach
    // InfluxDB as a space.
    return QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
}
} // namespace

InfluxClient::InfluxClient(InfluxSettings settings)
    : m_settings(std::move(settings))
{
}

InfluxClient::~InfluxClient() = default;

QNetworkAccessManager* InfluxClient::manager()
{
    if (!m_manager) {
        m_manager = std::make_unique<QNetworkAccessManager>();
        m_manager->setAutoDeleteReplies(false);
    }
    return m_manager.get();
}

QUrl InfluxClient::queryUrl(
    const InfluxSettings& s, const QString& q, const nlohmann::json& params, int chunkSize)
{
    QUrl url = s.url;
    url.setPath(url.path() + QStringLiteral("/query"));
    QByteArray query = formItem("q", q) + '&' + formItem("db", s.database) + "&epoch=ms";
    if (params.is_object() && !params.empty())
        query += '&' + formItem("params", QString::fromStdString(params.dump()));
    if (chunkSize > 0)
        query += "&chunked=true&chunk_size=" + QByteArray::number(chunkSize);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QNetworkRequest InfluxClient::request(const InfluxSettings& s, const QUrl& url)
{
    QNetworkRequest r(url);
    r.setTransferTimeout(s.timeoutMs);
    // Loopback and LAN servers: compressing costs influxd more CPU than it saves.
    r.setRawHeader("Accept-Encoding", "identity");
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!s.user.isEmpty() || !s.password.isEmpty())
        r.setRawHeader(
            "Authorization", "Basic " + (s.user + QLatin1Char(':') + s.password).toUtf8().toBase64());
    return r;
}

nlohmann::json InfluxClient::results(const InfluxSettings& s, const QByteArray& body)
{
    auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw InfluxError::malformed(s,
            QStringLiteral("not a JSON object: \"%1\"").arg(QString::fromUtf8(body.left(120)).simplified()));
    if (json.contains("error") && json["error"].is_string())
        throw InfluxError::fromStatement(s, QString::fromStdString(json["error"].get<std::string>()));
    if (!json.contains("results") || !json["results"].is_array())
        throw InfluxError::malformed(s, QStringLiteral("no \"results\" array"));
    for (const auto& r : json["results"])
        if (r.is_object() && r.contains("error") && r["error"].is_string())
            throw InfluxError::fromStatement(s, QString::fromStdString(r["error"].get<std::string>()));
    return json["results"];
}

QNetworkReply* InfluxClient::get(const QUrl& url)
{
    // Read piecewise by its caller (InfluxQueryStream bounds each line): only the deadline here.
    QNetworkReply* reply = manager()->get(request(m_settings, url));
    NetworkReplyGuard::attach(reply, NetworkReplyGuard::kUnlimited, m_settings.streamDeadlineMs,
        QStringLiteral("influx_stream_deadline_ms"));
    return reply;
}

void InfluxClient::guardWhole(const InfluxSettings& s, QNetworkReply* reply)
{
    NetworkReplyGuard::attach(
        reply, NetworkReplyGuard::kMaxReplyBytes, s.timeoutMs, QStringLiteral("influx_timeout_ms"));
}

void InfluxClient::waitForActivity(QNetworkReply* reply)
{
    if (reply->isFinished() || reply->bytesAvailable() > 0)
        return;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

void InfluxClient::pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

int InfluxClient::retryDelayMs(int failures) const
{
    const int shift = std::clamp(failures - 1, 0, 10);
    return std::min(8000, m_settings.retryDelayMs << shift);
}

QByteArray InfluxClient::finish(QNetworkReply* reply)
{
    std::unique_ptr<QNetworkReply> owner(reply);
    guardWhole(m_settings, reply); // started just now: no event was processed since
    if (!reply->isFinished()) {
        // Small replies, no read buffer limit: wait for the end, not for each piece.
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300)
        throw InfluxError::fromReply(m_settings, reply, body);
    return body;
}

template<typename Send> QByteArray InfluxClient::withRetries(Send send)
{
    for (int failures = 1;; ++failures) {
        try {
            return finish(send());
        } catch (const InfluxError& e) {
            if (!e.retryable() || failures > m_settings.retries)
                throw;
            pause(retryDelayMs(failures));
        }
    }
}

nlohmann::json InfluxClient::read(const QString& statements, const nlohmann::json& params)
{
    const QNetworkRequest r = request(m_settings, queryUrl(m_settings, statements, params, 0));
    return results(m_settings, withRetries([&] { return manager()->get(r); }));
}

nlohmann::json InfluxClient::execute(const QString& statements)
{
    QUrl url = m_settings.url;
    url.setPath(url.path() + QStringLiteral("/query"));
    QNetworkRequest r = request(m_settings, url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray body = formItem("q", statements);
    return results(m_settings, withRetries([&] { return manager()->post(r, body); }));
}

void InfluxClient::write(const QByteArray& lines)
{
    QUrl url = m_settings.url;
    url.setPath(url.path() + QStringLiteral("/write"));
    url.setQuery(QString::fromLatin1(formItem("db", m_settings.database) + '&'
                     + formItem("rp", m_settings.retentionPolicy) + "&precision=ms"),
        QUrl::StrictMode);
    QNetworkRequest r = request(m_settings, url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    // Re-sending a batch overwrites the same points with the same values, so retrying is safe.
    withRetries([&] { return manager()->post(r, lines); });
}

} // namespace veloce
