#include "data/influxquerystream.h"

#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/networkreplyguard.h"

#include <QNetworkReply>
#include <cstring>

namespace veloce {

namespace {
// QNetworkReply's own buffer: data beyond it waits in the socket (TCP back-pressure).
constexpr qint64 kReadBufferBytes = 1 << 20;
// What is read of an error body: enough for any message InfluxDB writes.
constexpr qint64 kErrorBodyBytes = 64 * 1024;
} // namespace

InfluxQueryStream::InfluxQueryStream(
    InfluxClient& client, const QString& q, const nlohmann::json& params, int chunkSize)
    : m_client(client)
    , m_reply(client.get(InfluxClient::queryUrl(client.settings(), q, params, chunkSize)))
{
    m_reply->setReadBufferSize(kReadBufferBytes);
}

InfluxQueryStream::~InfluxQueryStream()
{
    if (m_reply && !m_reply->isFinished())
        m_reply->abort();
}

void InfluxQueryStream::checkStatus()
{
    if (m_statusChecked)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() && !m_reply->isFinished())
        return;
    if (status.toInt() != 200 || m_reply->error() != QNetworkReply::NoError) {
        // An error body is small: wait for all of it, it usually says what is wrong -- but not
        // for more than kErrorBodyBytes of it.
        QByteArray body = m_buffer;
        while ((!m_reply->isFinished() || m_reply->bytesAvailable() > 0) && body.size() < kErrorBodyBytes) {
            if (m_reply->isOpen())
                body += m_reply->read(kErrorBodyBytes - body.size());
            m_client.waitForActivity(m_reply.get());
        }
        if (!m_reply->isFinished())
            m_reply->abort();
        throw InfluxError::fromReply(m_client.settings(), m_reply.get(), body.left(kErrorBodyBytes));
    }
    m_statusChecked = true;
}

bool InfluxQueryStream::nextLine(const char*& begin, const char*& end)
{
    for (;;) {
        const char* data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        const void* nl
            = std::memchr(data + m_pos + m_scanned, '\n', static_cast<std::size_t>(size - m_pos - m_scanned));
        if (nl) {
            begin = data + m_pos;
            end = static_cast<const char*>(nl);
            m_pos = end - data + 1;
            m_scanned = 0;
            return true;
        }
        m_scanned = size - m_pos;
        checkStatus();
        if (m_reply->isFinished() && m_reply->bytesAvailable() == 0) {
            if (m_reply->error() != QNetworkReply::NoError)
                throw InfluxError::fromReply(m_client.settings(), m_reply.get(), QByteArray());
            if (m_pos < size)
                throw InfluxError(InfluxError::Kind::Connection,
                    QStringLiteral("InfluxDB at %1 ended its reply in the middle of a line")
                        .arg(m_client.settings().endpoint()));
            return false;
        }
        if (m_pos > 0) {
            m_buffer.remove(0, m_pos);
            m_pos = 0;
        }
        m_client.waitForActivity(m_reply.get());
        checkStatus();
        if (m_reply->isOpen())
            m_buffer.append(m_reply->readAll());
        // A line is one chunk of at most chunk_size rows; one that never ends would grow the
        // buffer without limit.
        if (m_buffer.size() - m_pos > NetworkReplyGuard::kMaxReplyBytes) {
            m_reply->abort();
            throw InfluxError::lineTooLong(m_client.settings(), NetworkReplyGuard::kMaxReplyBytes);
        }
    }
}

} // namespace veloce
