#pragma once

#include "data/dataerror.h"

#include <QByteArray>
#include <QStringList>

class QNetworkReply;

namespace veloce {

struct InfluxSettings;

// A failed exchange with InfluxDB, phrased for the user (a DataError), plus what kind of failure
// it was so that callers know whether trying again can help.
class InfluxError : public DataError
{
public:
    enum class Kind
    {
        Connection, // refused, host not found, closed mid-reply: retryable
        Timeout, // no byte within influx_timeout_ms, or the reply's deadline passed: retryable
        Server, // HTTP 5xx without a definite cause: retryable
        Auth, // 401
        Forbidden, // 403
        NotFound, // database, retention policy, measurement, market or endpoint
        NoData, // the query is fine but the range holds no rows
        Malformed, // the reply is not what InfluxDB 1.x sends
        Rejected, // 4xx or statement error: the server refused the request
        TooLarge, // the reply (or one line of a stream) exceeded NetworkReplyGuard::kMaxReplyBytes
    };

    InfluxError(Kind kind, const QString& message)
        : DataError(message)
        , m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }
    bool retryable() const
    {
        return m_kind == Kind::Connection || m_kind == Kind::Timeout || m_kind == Kind::Server;
    }

    // The failure of a finished reply (network error, HTTP status != 2xx, or aborted by its
    // NetworkReplyGuard), `body` being what the server sent. Messages name the endpoint; text
    // from the server passes redactSecrets() with the settings' credentials, so a server that
    // echoes them cannot get them printed or journaled.
    static InfluxError fromReply(
        const InfluxSettings& settings, QNetworkReply* reply, const QByteArray& body);
    // A statement-level error (HTTP 200, results[i].error), e.g. "database not found: x".
    static InfluxError fromStatement(const InfluxSettings& settings, const QString& error);
    static InfluxError malformed(const InfluxSettings& settings, const QString& what);
    // One line of a streamed reply grew beyond `limit` bytes without ending.
    static InfluxError lineTooLong(const InfluxSettings& settings, qint64 limit);
    // The credentials a server might echo, for redactSecrets().
    static QStringList secretsOf(const InfluxSettings& settings);

private:
    static InfluxError describeReply(
        const InfluxSettings& settings, QNetworkReply* reply, const QByteArray& body);
    static InfluxError describeStatement(const InfluxSettings& settings, const QString& error);

    Kind m_kind;
};

} // namespace veloce
