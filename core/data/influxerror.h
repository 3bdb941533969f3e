#pragma once

#include "data/dataerror.h"

#include <QByteArray>

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
        Timeout, // no byte within influx_timeout_ms: retryable
        Server, // HTTP 5xx without a definite cause: retryable
        Auth, // 401
        Forbidden, // 403
        NotFound, // database, retention policy, measurement, market or endpoint
        NoData, // the query is fine but the range holds no rows
        Malformed, // the reply is not what InfluxDB 1.x sends
        Rejected, // 4xx or statement error: the server refused the request
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

    // The failure of a finished reply (network error or HTTP status != 2xx), `body` being what
    // the server sent. Messages name the endpoint and never the password.
    static InfluxError fromReply(
        const InfluxSettings& settings, QNetworkReply* reply, const QByteArray& body);
    // A statement-level error (HTTP 200, results[i].error), e.g. "database not found: x".
    static InfluxError fromStatement(const InfluxSettings& settings, const QString& error);
    static InfluxError malformed(const InfluxSettings& settings, const QString& what);

private:
    Kind m_kind;
};

} // namespace veloce
