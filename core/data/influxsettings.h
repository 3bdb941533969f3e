#pragma once

#include <QString>
#include <QUrl>

namespace veloce {

struct Config;

// Where and how to reach an InfluxDB 1.x server holding aggr-server bars. A plain value built in
// app/ from the Config (and the --influx URL); the password is a secret: it is sent in an
// Authorization header only and never appears in URLs, messages or descriptions.
struct InfluxSettings
{
    QUrl url = QUrl(QStringLiteral("http://127.0.0.1:8086")); // no user info, ever
    QString database = QStringLiteral("significant_trades");
    QString retentionPolicy = QStringLiteral("aggr_1s");
    QString measurement = QStringLiteral("trades_1s");
    QString user;
    QString password;
    // No byte for this long -> timeout (connect included); also the deadline of a whole ordinary
    // reply (a statement, a write, a live poll), however steadily its bytes arrive.
    int timeoutMs = 10000;
    // Deadline of one streamed history reply (a page of InfluxSource), from request to last byte.
    int streamDeadlineMs = 300000;
    int retries = 4; // extra attempts for idempotent reads, delays 1x, 2x, 4x ... retryDelayMs
    int retryDelayMs = 500;

    static InfluxSettings fromConfig(const Config& config);

    // Accepts "http://host:port", "https://...", or "host:port". User info in the URL moves to
    // user/password. Throws DataError for anything else.
    void setUrl(const QString& text);

    // "http://127.0.0.1:8086" -- for messages; never contains credentials.
    QString endpoint() const;
    // "significant_trades"."aggr_1s"."trades_1s" -- the fully qualified measurement (InfluxQL).
    QString qualifiedMeasurement() const;
};

} // namespace veloce
