#include "data/influxerror.h"

#include "data/influxsettings.h"
#include "data/networkreplyguard.h"
#include "types/redaction.h"

#include <QNetworkReply>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// The "error" string InfluxDB puts in JSON error bodies, else a short excerpt of the body --
// redacted before it is cut, so that a cut cannot leave half a secret unrecognised.
QString serverMessage(const InfluxSettings& s, const QByteArray& body)
{
    const QByteArray head = body.left(4096);
    const auto json = nlohmann::json::parse(head.constBegin(), head.constEnd(), nullptr, false);
    QString text = json.is_object() && json.contains("error") && json["error"].is_string()
        ? QString::fromStdString(json["error"].get<std::string>())
        : QString::fromUtf8(head).simplified();
    text = redactSecrets(text, InfluxError::secretsOf(s));
    return text.size() > 200 ? text.left(200) + QStringLiteral("\u2026") : text;
}
} // namespace

QStringList InfluxError::secretsOf(const InfluxSettings& s)
{
    if (s.password.isEmpty())
        return {};
    return { s.password, QString::fromLatin1((s.user + QLatin1Char(':') + s.password).toUtf8().toBase64()) };
}

InfluxError InfluxError::fromReply(const InfluxSettings& s, QNetworkReply* reply, const QByteArray& body)
{
    InfluxError e = describeReply(s, reply, body);
    return { e.kind(), redactSecrets(e.message(), secretsOf(s)) };
}

InfluxError InfluxError::describeReply(const InfluxSettings& s, QNetworkReply* reply, const QByteArray& body)
{
    const QString at = s.endpoint();
    switch (NetworkReplyGuard::verdict(reply)) {
    case NetworkReplyGuard::Verdict::TooLarge:
        return { Kind::TooLarge,
            QStringLiteral("InfluxDB at %1: %2 %3")
                .arg(at, reply->url().path(), NetworkReplyGuard::describe(reply)) };
    case NetworkReplyGuard::Verdict::TooSlow:
        return { Kind::Timeout,
            QStringLiteral("InfluxDB at %1: %2 %3")
                .arg(at, reply->url().path(), NetworkReplyGuard::describe(reply)) };
    case NetworkReplyGuard::Verdict::None:
        break;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString msg = serverMessage(s, body);
    const QString detail = msg.isEmpty() ? QString() : QStringLiteral(": ") + msg;

    if (status == 401 || reply->error() == QNetworkReply::AuthenticationRequiredError) {
        if (s.user.isEmpty())
            return { Kind::Auth,
                QStringLiteral("InfluxDB at %1 requires a user name and password (HTTP 401%2); set "
                               "influx_user in the config and the password in VELOCE_INFLUX_PASSWORD")
                    .arg(at, detail) };
        return { Kind::Auth,
            QStringLiteral("InfluxDB at %1 rejected user \"%2\" (HTTP 401%3); check influx_user and "
                           "the password (VELOCE_INFLUX_PASSWORD)")
                .arg(at, s.user, detail) };
    }
    if (status == 403)
        return { Kind::Forbidden,
            QStringLiteral("InfluxDB at %1 refused the request for user \"%2\" (HTTP 403%3)")
                .arg(at, s.user, detail) };
    if (status == 404 && msg.contains(QLatin1String("database not found")))
        return { Kind::NotFound,
            QStringLiteral("database \"%1\" does not exist on InfluxDB at %2").arg(s.database, at) };
    if (status >= 400 && msg.contains(QLatin1String("retention policy not found")))
        return { Kind::NotFound,
            QStringLiteral("retention policy \"%1\" does not exist in database \"%2\" on InfluxDB "
                           "at %3")
                .arg(s.retentionPolicy, s.database, at) };
    if (status == 404)
        return { Kind::NotFound,
            QStringLiteral("%1 is not an InfluxDB 1.x server: %2 answered HTTP 404")
                .arg(at, reply->url().path()) };
    if (status >= 500)
        return { Kind::Server,
            QStringLiteral("InfluxDB at %1 failed (HTTP %2%3)").arg(at).arg(status).arg(detail) };
    if (status >= 400)
        return {
            Kind::Rejected,
            QStringLiteral("InfluxDB at %1 rejected the request (HTTP %2%3)").arg(at).arg(status).arg(detail)
        };

    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return { Kind::Connection,
            QStringLiteral("cannot connect to InfluxDB at %1: connection refused (is influxd running there?)")
                .arg(at) };
    case QNetworkReply::HostNotFoundError:
        return { Kind::Connection,
            QStringLiteral("cannot connect to InfluxDB at %1: host not found").arg(at) };
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // how Qt reports an expired transfer timeout
        return { Kind::Timeout,
            QStringLiteral("InfluxDB at %1 did not answer within %2 ms (influx_timeout_ms)")
                .arg(at)
                .arg(s.timeoutMs) };
    case QNetworkReply::RemoteHostClosedError:
        return { Kind::Connection,
            QStringLiteral("InfluxDB at %1 closed the connection unexpectedly").arg(at) };
    case QNetworkReply::SslHandshakeFailedError:
        return { Kind::Connection, QStringLiteral("TLS handshake with %1 failed").arg(at) };
    case QNetworkReply::NoError:
        return { Kind::Malformed,
            QStringLiteral("unexpected reply from InfluxDB at %1 (HTTP %2)").arg(at).arg(status) };
    default:
        return {
            Kind::Connection,
            QStringLiteral("cannot talk to InfluxDB at %1: network error %2").arg(at).arg(int(reply->error()))
        };
    }
}

InfluxError InfluxError::fromStatement(const InfluxSettings& s, const QString& error)
{
    const InfluxError e = describeStatement(s, error);
    return { e.kind(), redactSecrets(e.message(), secretsOf(s)) };
}

InfluxError InfluxError::describeStatement(const InfluxSettings& s, const QString& error)
{
    const QString at = s.endpoint();
    if (error.startsWith(QLatin1String("database not found")))
        return { Kind::NotFound,
            QStringLiteral("database \"%1\" does not exist on InfluxDB at %2").arg(s.database, at) };
    if (error.startsWith(QLatin1String("retention policy not found")))
        return { Kind::NotFound,
            QStringLiteral("retention policy \"%1\" does not exist in database \"%2\" on InfluxDB at %3")
                .arg(s.retentionPolicy, s.database, at) };
    if (error.contains(QLatin1String("not authorized")) || error.contains(QLatin1String("authorization")))
        return { Kind::Forbidden,
            QStringLiteral("InfluxDB at %1 refused the query for user \"%2\": %3").arg(at, s.user, error) };
    return { Kind::Rejected, QStringLiteral("InfluxDB at %1 rejected the query: %2").arg(at, error) };
}

InfluxError InfluxError::malformed(const InfluxSettings& s, const QString& what)
{
    return { Kind::Malformed,
        redactSecrets(QStringLiteral("malformed reply from InfluxDB at %1: %2").arg(s.endpoint(), what),
            secretsOf(s)) };
}

InfluxError InfluxError::lineTooLong(const InfluxSettings& s, qint64 limit)
{
    return { Kind::TooLarge,
        QStringLiteral(
            "InfluxDB at %1: /query reply exceeded %2 in one chunk (chunked reply without a line end)")
            .arg(s.endpoint(), NetworkReplyGuard::sizeText(limit)) };
}

} // namespace veloce
