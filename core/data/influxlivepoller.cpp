#include "data/influxlivepoller.h"

#include "data/influxcatalog.h"
#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxql.h"
#include "data/influxreplyparser.h"
#include "data/pendingreply.h"
#include "types/barlimits.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

namespace veloce {

namespace {
constexpr int kMaxBackoffMs = 10000;
}

InfluxLivePoller::InfluxLivePoller(
    InfluxSettings settings, QStringList markets, std::int64_t afterMs, Options options, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_markets(std::move(markets))
    , m_options(options)
    , m_cursor(afterMs)
{
    InfluxQl::requireValidMarkets(m_markets);
    m_options.pollIntervalMs = std::max(10, m_options.pollIntervalMs);
    m_options.maxRowsPerPoll
        = std::max<int>(m_options.maxRowsPerPoll, 4 * static_cast<int>(m_markets.size()));

    const bool several = m_markets.size() > 1;
    QStringList terms;
    nlohmann::json params = nlohmann::json::object();
    std::vector<std::string> tagValues;
    for (qsizetype i = 0; i < m_markets.size(); ++i) {
        const std::string key = "m" + std::to_string(i);
        terms << QStringLiteral("market = $") + QString::fromStdString(key);
        params[key] = m_markets[i].toStdString();
        tagValues.push_back(m_markets[i].toStdString());
    }
    m_pollQuery = QStringLiteral(
        "SELECT %1open,high,low,close,vbuy,vsell,lbuy,lsell FROM %2 WHERE %3 AND time > $after "
        "ORDER BY time ASC LIMIT %4")
                      .arg(several ? QStringLiteral("market,") : QString(), m_settings.qualifiedMeasurement(),
                          several ? QLatin1Char('(') + terms.join(QLatin1String(" OR ")) + QLatin1Char(')')
                                  : terms.first())
                      .arg(m_options.maxRowsPerPoll);
    m_paramsJson = params.dump();
    m_parser = std::make_unique<InfluxReplyParser>(
        std::vector<std::string> { "open", "high", "low", "close", "vbuy", "vsell", "lbuy", "lsell" },
        several ? std::string("market") : std::string(), std::move(tagValues));
}

InfluxLivePoller::~InfluxLivePoller()
{
    stop();
}

void InfluxLivePoller::start()
{
    if (m_running)
        return;
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        m_manager->setAutoDeleteReplies(false);
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] { m_checked ? sendPoll() : sendCheck(); });
    }
    m_running = true;
    schedule(0);
}

void InfluxLivePoller::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    PendingReply::abandon(m_reply, this);
}

SourceStats InfluxLivePoller::stats() const
{
    SourceStats s;
    s.rows = m_rows;
    s.bars = m_bars;
    s.outOfOrder = m_merger.outOfOrder();
    s.firstOutOfOrderMs = m_merger.firstOutOfOrderMs();
    s.skippedNoPrice = m_merger.skippedNoPrice();
    return s;
}

void InfluxLivePoller::schedule(int delayMs)
{
    if (m_running && !m_reply)
        m_timer->start(std::max(0, delayMs));
}

void InfluxLivePoller::sendCheck()
{
    if (!m_running || m_reply)
        return;
    m_sincePollStart.start();
    const QString q = m_checkStep == 0 ? InfluxCatalog::retentionPoliciesStatement(m_settings)
                                       : InfluxCatalog::schemaStatements(m_settings);
    m_reply = m_manager->get(InfluxClient::request(m_settings, InfluxClient::queryUrl(m_settings, q, {}, 0)));
    InfluxClient::guardWhole(m_settings, m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &InfluxLivePoller::onCheckFinished);
}

void InfluxLivePoller::sendPoll()
{
    if (!m_running || m_reply)
        return;
    ++m_polls;
    m_sincePollStart.start();
    nlohmann::json params = nlohmann::json::parse(m_paramsJson);
    params["after"] = InfluxQl::rfc3339(m_cursor);
    const QUrl url = InfluxClient::queryUrl(m_settings, m_pollQuery, params, 0);
    m_reply = m_manager->get(InfluxClient::request(m_settings, url));
    InfluxClient::guardWhole(m_settings, m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &InfluxLivePoller::onPollFinished);
}

void InfluxLivePoller::onCheckFinished()
{
    const PendingReply::Finished reply = PendingReply::take(m_reply);
    try {
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200)
            throw InfluxError::fromReply(m_settings, reply.get(), body);
        const nlohmann::json results = InfluxClient::results(m_settings, body);
        if (results.empty()) // json::at() would throw past this catch, out of a slot
            throw InfluxError::malformed(m_settings, QStringLiteral("no result for the SHOW statements"));
        if (m_checkStep == 0) {
            m_retentionPolicies = InfluxCatalog::values(m_settings, results.at(0), 0);
            m_checkStep = 1;
            schedule(0);
            return;
        }
        if (results.size() < 2)
            throw InfluxError::malformed(m_settings, QStringLiteral("too few results for SHOW statements"));
        InfluxCatalog::check(m_settings, m_retentionPolicies,
            InfluxCatalog::values(m_settings, results[0], 0),
            InfluxCatalog::values(m_settings, results[1], 1), m_markets);
    } catch (const DataError& e) {
        m_checkStep = 0;
        fail(e.message());
        return;
    }
    m_checked = true;
    schedule(0); // success is signalled by the first successful poll
}

void InfluxLivePoller::onPollFinished()
{
    const PendingReply::Finished reply = PendingReply::take(m_reply);
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    std::vector<InfluxRow> rows;
    try {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200)
            throw InfluxError::fromReply(m_settings, reply.get(), body);
        m_parser->parse(body.constData(), body.constData() + body.size(), rows, m_settings);
    } catch (const DataError& e) {
        fail(e.message());
        return;
    }
    m_rows += static_cast<std::int64_t>(rows.size());

    QList<Bar> bars;
    Bar bar;
    for (const InfluxRow& row : rows)
        if (m_merger.add(row, bar))
            bars.push_back(bar);
    for (const Bar& b : bars) {
        // The same rules as for files (docs/input-rules.md): the session stalls with the reason
        // rather than trade on a price of 1e308.
        if (const char* problem = BarLimits::violation(b)) {
            m_merger = InfluxBarMerger(); // read the same rows again at the next poll
            fail(InfluxError::malformed(
                m_settings, QStringLiteral("the bar at %1 ms has %2").arg(b.t).arg(QLatin1String(problem)))
                     .message());
            return;
        }
    }
    // The newest timestamp: more rows of it may follow when the page was full; otherwise it
    // is final once the grace period since its open has passed.
    const bool full = static_cast<int>(rows.size()) >= m_options.maxRowsPerPoll;
    if (m_merger.hasPending()) {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        if (!full && now >= m_merger.pendingTime() + m_options.graceMs) {
            if (m_merger.flush(bar))
                bars.push_back(bar);
        } else {
            m_merger.discard();
        }
    }
    if (m_merger.hasClosed())
        m_cursor = std::max(m_cursor, m_merger.lastClosedTime());
    m_bars += bars.size();
    succeed();
    if (!bars.isEmpty())
        Q_EMIT barsReady(bars);
    const int elapsed = static_cast<int>(m_sincePollStart.elapsed());
    schedule(full ? 0 : m_options.pollIntervalMs - elapsed);
}

void InfluxLivePoller::fail(const QString& message)
{
    ++m_failures;
    const bool changed = message != m_lastError;
    m_lastError = message;
    if (m_failures == 1 || changed)
        Q_EMIT stalled(message);
    const int shift = std::min(m_failures - 1, 10);
    schedule(std::min(kMaxBackoffMs, m_options.pollIntervalMs << shift));
}

void InfluxLivePoller::succeed()
{
    if (m_failures > 0) {
        m_failures = 0;
        Q_EMIT resumed();
    }
}

} // namespace veloce
