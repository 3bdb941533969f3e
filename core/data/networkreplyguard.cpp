#include "data/networkreplyguard.h"

#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

namespace veloce {

NetworkReplyGuard::NetworkReplyGuard(
    QNetworkReply* reply, qint64 maxBytes, int deadlineMs, QString deadlineKey)
    : QObject(reply)
    , m_reply(reply)
    , m_maxBytes(maxBytes)
    , m_deadlineMs(deadlineMs)
    , m_deadlineKey(std::move(deadlineKey))
{
    if (deadlineMs > 0) {
        auto* timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this] { stop(Verdict::TooSlow); });
        connect(reply, &QNetworkReply::finished, timer, &QTimer::stop);
        timer->start(deadlineMs);
    }
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        m_answered = m_answered || m_verdict == Verdict::None; // not what an abort reports
        // A Content-Length beyond the cap ends the reply before its body is read.
        check(std::max(received, total));
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_answered = m_answered || m_verdict == Verdict::None;
        check(m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
}

void NetworkReplyGuard::attach(
    QNetworkReply* reply, qint64 maxBytes, int deadlineMs, const QString& deadlineKey)
{
    if (reply && !of(reply))
        new NetworkReplyGuard(reply, maxBytes, deadlineMs, deadlineKey);
}

const NetworkReplyGuard* NetworkReplyGuard::of(const QNetworkReply* reply)
{
    return reply ? reply->findChild<NetworkReplyGuard*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void NetworkReplyGuard::check(qint64 received)
{
    if (m_maxBytes >= 0 && received > m_maxBytes)
        stop(Verdict::TooLarge);
}

void NetworkReplyGuard::stop(Verdict why)
{
    if (m_verdict != Verdict::None || m_reply->isFinished())
        return;
    m_verdict = why;
    m_reply->abort(); // emits finished() now; readers ask verdict() there
}

NetworkReplyGuard::Verdict NetworkReplyGuard::verdict(const QNetworkReply* reply)
{
    const NetworkReplyGuard* g = of(reply);
    return g ? g->m_verdict : Verdict::None;
}

QString NetworkReplyGuard::describe(const QNetworkReply* reply)
{
    const NetworkReplyGuard* g = of(reply);
    if (!g)
        return {};
    switch (g->m_verdict) {
    case Verdict::TooLarge:
        return QStringLiteral("reply exceeded %1").arg(sizeText(g->m_maxBytes));
    case Verdict::TooSlow:
        // Silence and a reply that never ends are different problems for the person reading.
        return QStringLiteral("did not %1 within %2 ms (%3)")
            .arg(g->m_answered ? QStringLiteral("complete") : QStringLiteral("answer"))
            .arg(g->m_deadlineMs)
            .arg(g->m_deadlineKey);
    case Verdict::None:
        break;
    }
    return {};
}

QString NetworkReplyGuard::sizeText(qint64 bytes)
{
    if (bytes >= (qint64(1) << 20) && bytes % (qint64(1) << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace veloce
