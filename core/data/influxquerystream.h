#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <nlohmann/json.hpp>

class QNetworkReply;

namespace veloce {

class InfluxClient;

// One chunked /query reply (chunked=true), read line by line -- each line is one JSON document
// of at most chunk_size rows -- with memory bounded by the longest line: the socket is only read
// when the caller asks for more, so a slow consumer slows the server down instead of buffering.
// Bounds (docs/freqtrade.md "Limits"): a line longer than NetworkReplyGuard::kMaxReplyBytes and
// a reply not complete within settings.streamDeadlineMs fail with InfluxError.
class InfluxQueryStream
{
public:
    InfluxQueryStream(InfluxClient& client, const QString& q, const nlohmann::json& params, int chunkSize);
    ~InfluxQueryStream();
    InfluxQueryStream(const InfluxQueryStream&) = delete;
    InfluxQueryStream& operator=(const InfluxQueryStream&) = delete;

    // The next line without its '\n', valid until the next call. False when the reply ended
    // cleanly. Throws InfluxError (HTTP status, network error, reply cut inside a line, line too
    // long, deadline passed).
    bool nextLine(const char*& begin, const char*& end);

private:
    void checkStatus();

    InfluxClient& m_client;
    std::unique_ptr<QNetworkReply> m_reply;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of the unread part
    qsizetype m_scanned = 0; // bytes after m_pos known to hold no '\n'
    bool m_statusChecked = false;
};

} // namespace veloce
