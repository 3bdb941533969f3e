#pragma once

#include "data/influxsettings.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QString>
#include <memory>
#include <nlohmann/json.hpp>

class QNetworkAccessManager;
class QNetworkReply;

namespace veloce {

// Blocking access to InfluxDB 1.x over QtNetwork, for the CLI and for code that pulls
// (BarSource::next). Each wait runs a private QEventLoop on the calling thread, so no running
// event loop is needed -- but other events of that thread (timers, queued calls) may be
// delivered while it waits. Use one client from one thread only (its QNetworkAccessManager is
// created on first use, in that thread). The async live path is InfluxLivePoller.
class InfluxClient
{
public:
    explicit InfluxClient(InfluxSettings settings);
    ~InfluxClient();
    InfluxClient(const InfluxClient&) = delete;
    InfluxClient& operator=(const InfluxClient&) = delete;

    const InfluxSettings& settings() const { return m_settings; }

    // Read-only statements (SHOW, SELECT) with a small reply, via GET, retried with backoff on
    // connection errors, timeouts and 5xx. Returns the "results" array; statement errors throw.
    nlohmann::json read(const QString& statements, const nlohmann::json& params = nlohmann::json::object());
    // Statements that change the server (CREATE ...), via POST; retried like reads because the
    // ones we send are idempotent.
    nlohmann::json execute(const QString& statements);
    // Line protocol into settings' database and retention policy, precision ms.
    void write(const QByteArray& lines);

    // Starts GET `url` for a reply read piecewise (chunked streams); the caller owns the reply.
    // It is aborted when settings.streamDeadlineMs have passed (NetworkReplyGuard); the caller
    // bounds what it buffers.
    QNetworkReply* get(const QUrl& url);
    // Bounds a reply that is read whole (statements, writes, live polls): at most
    // NetworkReplyGuard::kMaxReplyBytes, complete within settings.timeoutMs.
    static void guardWhole(const InfluxSettings& s, QNetworkReply* reply);
    // Blocks until `reply` has unread data or has finished (timeouts: the request's transfer
    // timeout, settings.timeoutMs, and the reply's NetworkReplyGuard deadline).
    void waitForActivity(QNetworkReply* reply);
    // Waits `ms` while still delivering this thread's events (used between retries).
    void pause(int ms);
    // Delay before retry number `failures` (1-based): retryDelayMs * 2^(failures-1), max 8 s.
    int retryDelayMs(int failures) const;

    // Request building shared with the async poller.
    static QUrl queryUrl(
        const InfluxSettings& s, const QString& q, const nlohmann::json& params, int chunkSize);
    static QNetworkRequest request(const InfluxSettings& s, const QUrl& url);
    // Parses a whole /query reply; returns its "results", throwing for malformed replies and
    // statement errors.
    static nlohmann::json results(const InfluxSettings& s, const QByteArray& body);

private:
    QNetworkAccessManager* manager();
    // Waits for the end of `reply` (which this call deletes); returns the body or throws.
    QByteArray finish(QNetworkReply* reply);
    template<typename Send> QByteArray withRetries(Send send);

    InfluxSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace veloce
