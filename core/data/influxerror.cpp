#include "data/influxerror.h"

#include "data/influxsettings.h"

#include <QNetworkReply>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// The "error" string InfluxDB puts in JSON error bodies, else a short excerpt of the body.
QString serverMessage(const QByteArray& body)
{
    const auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (json.is_object() && json.contains("error") && json["error"].is_string())
        return QString::fromStdString(json["error"].get<std::string>());
    return QString::fromUtf8(body.left(200)).simplified();
}
} // namespace

InfluxError InfluxError::fromReply(const InfluxSettings& s, QNetworkReply* reply, const QByteArray& body)
{
    const QString at = s.endpoint();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString msg = serverMessage(body);
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
        QStringLiteral("malformed reply from InfluxDB at %1: %2").arg(s.endpoint(), what) };
}

} // namespace veloce
