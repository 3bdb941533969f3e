#include "data/binancerestclient.h"

#include "data/aggtradejson.h"
#include "data/dataerror.h"
#include "data/pendingreply.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace veloce {

namespace {
std::int64_t wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Retry-After is in seconds; a 429/418 without it still gets a minute of silence.
std::int64_t retryAfterMs(QNetworkReply* reply)
{
    bool ok = false;
    const double s = reply->rawHeader("Retry-After").trimmed().toDouble(&ok);
    return ok && s >= 0 ? static_cast<std::int64_t>(s * 1000) : 60000;
}
} // namespace

BinanceRestClient::BinanceRestClient(
    BinanceVenue venue, QUrl base, Options options, Handler handler, QObject* parent)
    : QObject(parent)
    , m_venue(venue)
    , m_base(std::move(base))
    , m_options(options)
    , m_handler(std::move(handler))
    , m_budget(options.weightLimit > 0 ? options.weightLimit : BinanceVenues::weightLimitPerMinute(venue),
          options.weightShare)
    , m_backoff(options.retryBaseMs, options.retryMaxMs)
{
}

BinanceRestClient::~BinanceRestClient()
{
    clear();
}

int BinanceRestClient::weight(const BinanceRestRequest& request) const
{
    return request.kind == BinanceRestRequest::Kind::ServerTime ? BinanceVenues::timeWeight(m_venue)
                                                                : BinanceVenues::aggTradesWeight(m_venue);
}

int BinanceRestClient::usedWeight() const
{
    return m_budget.spent(wallMs());
}

QUrl BinanceRestClient::endpoint(const BinanceRestRequest& r) const
{
    QUrl url = m_base;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (r.kind == BinanceRestRequest::Kind::ServerTime) {
        url.setPath(path + BinanceVenues::timePath(m_venue));
        return url;
    }
    url.setPath(path + BinanceVenues::aggTradesPath(m_venue));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), r.symbol);
    if (r.fromId >= 0)
        q.addQueryItem(QStringLiteral("fromId"), QString::number(r.fromId));
    if (r.startTime >= 0)
        q.addQueryItem(QStringLiteral("startTime"), QString::number(r.startTime));
    if (r.endTime >= 0)
        q.addQueryItem(QStringLiteral("endTime"), QString::number(r.endTime));
    q.addQueryItem(QStringLiteral("limit"), QString::number(r.limit));
    url.setQuery(q);
    return url;
}

void BinanceRestClient::send(const BinanceRestRequest& request)
{
    if (!m_manager) {
        // Created here, on the thread that uses us, so that replies arrive on it.
        m_manager = new QNetworkAccessManager(this);
        m_manager->setAutoDeleteReplies(false);
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &BinanceRestClient::pump);
    }
    m_queue.push_back(request);
    pump();
}

void BinanceRestClient::clear()
{
    m_queue.clear();
    if (m_timer)
        m_timer->stop();
    PendingReply::abandon(m_reply, this);
}

void BinanceRestClient::pump()
{
    if (m_reply || m_queue.empty() || m_timer->isActive())
        return;
    const BinanceRestRequest& next = m_queue.front();
    const std::int64_t now = wallMs();
    const std::int64_t wait = m_budget.waitMs(weight(next), now);
    if (wait > 0) {
        if (wait >= 1000)
            Q_EMIT waiting(wait,
                now < m_budget.pausedUntil()
                    ? QStringLiteral("%1 asked us to wait (Retry-After)").arg(m_base.host())
                    : QStringLiteral("request-weight budget of %1 per minute spent")
                          .arg(m_budget.allowance()));
        m_timer->start(static_cast<int>(std::min<std::int64_t>(wait, 24 * 3600 * 1000)));
        return;
    }
    m_budget.spend(weight(next), now);
    ++m_requests;
    m_sentMs = now;
    QNetworkRequest req(endpoint(next));
    req.setTransferTimeout(m_options.timeoutMs);
    req.setRawHeader("Accept", "application/json");
    m_reply = m_manager->get(req);
    connect(m_reply, &QNetworkReply::finished, this, &BinanceRestClient::onFinished);
}

void BinanceRestClient::retryLater(const QString& message)
{
    Q_EMIT trouble(message);
    m_timer->start(m_backoff.nextDelayMs());
}

void BinanceRestClient::onFinished()
{
    const PendingReply::Finished reply = PendingReply::take(m_reply);
    const BinanceRestRequest request = m_queue.front();
    const QString where = QStringLiteral("GET %1").arg(endpoint(request).toDisplayString());
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const std::int64_t now = wallMs();
    bool usedOk = false;
    const int used = reply->rawHeader("X-MBX-USED-WEIGHT-1M").toInt(&usedOk);
    if (usedOk)
        m_budget.observeServerUsage(used, now);

    if (status == 429 || status == 418) {
        // Obeyed to the letter: the same request again only after Retry-After, nothing before.
        const std::int64_t waitMs = retryAfterMs(reply.get());
        m_budget.pauseUntil(now + waitMs + 250);
        ++(status == 429 ? m_rateLimited : m_banned);
        Q_EMIT waiting(waitMs,
            QStringLiteral("%1: HTTP %2, Retry-After %3 s")
                .arg(where)
                .arg(status)
                .arg(double(waitMs) / 1000.0));
        m_timer->start(static_cast<int>(waitMs + 250));
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        retryLater(QStringLiteral("%1: %2").arg(where, reply->errorString()));
        return;
    }
    if (status >= 500) {
        retryLater(QStringLiteral("%1: HTTP %2 %3")
                       .arg(where)
                       .arg(status)
                       .arg(AggTradeJson::errorText(body.toStdString())));
        return;
    }
    BinanceRestReply out;
    out.request = request;
    out.sentMs = m_sentMs;
    out.receivedMs = now;
    if (status != 200) {
        const QString text
            = AggTradeJson::errorText(std::string_view(body.constData(), std::size_t(body.size())));
        out.error = QStringLiteral("%1: HTTP %2 %3")
                        .arg(where)
                        .arg(status)
                        .arg(text.isEmpty() ? reply->errorString() : text);
    } else {
        try {
            const std::string_view text(body.constData(), std::size_t(body.size()));
            if (request.kind == BinanceRestRequest::Kind::ServerTime)
                out.serverTime = AggTradeJson::parseServerTime(text);
            else
                AggTradeJson::parseRestPage(text, out.trades);
            out.ok = true;
        } catch (const DataError& e) {
            // A proxy's error page or a truncated body: worth another try.
            retryLater(QStringLiteral("%1: %2").arg(where, e.message()));
            return;
        }
    }
    m_queue.pop_front();
    m_backoff.reset();
    m_handler(out);
    pump();
}

} // namespace veloce
