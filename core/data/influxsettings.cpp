#include "data/influxsettings.h"

#include "data/dataerror.h"
#include "data/influxql.h"
#include "types/config.h"

namespace veloce {

InfluxSettings InfluxSettings::fromConfig(const Config& config)
{
    InfluxSettings s;
    s.url.setScheme(QStringLiteral("http"));
    s.url.setHost(config.influxHost);
    s.url.setPort(config.influxPort);
    s.database = config.influxDatabase;
    s.retentionPolicy = config.influxRetentionPolicy;
    s.measurement = config.influxMeasurement;
    s.user = config.influxUser;
    s.password = config.influxPassword;
    s.timeoutMs = config.influxTimeoutMs;
    s.streamDeadlineMs = config.influxStreamDeadlineMs;
    return s;
}

void InfluxSettings::setUrl(const QString& text)
{
    QString t = text.trimmed();
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://"));
    QUrl u(t, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (!u.isValid() || u.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || u.hasQuery()
        || u.hasFragment())
        throw DataError(QStringLiteral("invalid InfluxDB URL \"%1\" (expected e.g. http://127.0.0.1:8086)")
                            .arg(u.toString(QUrl::RemoveUserInfo)));
    // Credentials in the URL are accepted for convenience but kept out of the URL from here on,
    // so that no message, log or description can ever print them.
    if (!u.userName().isEmpty())
        user = u.userName();
    if (!u.password().isEmpty())
        password = u.password();
    u.setUserInfo(QString());
    if (u.port() < 0)
        u.setPort(scheme == QLatin1String("https") ? 443 : 8086);
    if (u.path() == QLatin1String("/"))
        u.setPath(QString());
    url = u;
}

QString InfluxSettings::endpoint() const
{
    return url.toString(QUrl::RemoveUserInfo);
}

QString InfluxSettings::qualifiedMeasurement() const
{
    return InfluxQl::quoted(database) + QLatin1Char('.') + InfluxQl::quoted(retentionPolicy)
        + QLatin1Char('.') + InfluxQl::quoted(measurement);
}

} // namespace veloce
