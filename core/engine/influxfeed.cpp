#include "engine/influxfeed.h"

#include "data/influxlivepoller.h"
#include "data/influxsettings.h"

namespace veloce {

InfluxFeed::InfluxFeed(const InfluxSettings& settings, const QStringList& markets, std::int64_t afterMs,
    int pollIntervalMs, QObject* parent)
    : LiveFeed(parent)
    , m_description(
          QStringLiteral("InfluxDB %1 %2 [%3]")
              .arg(settings.endpoint(), settings.qualifiedMeasurement(), markets.join(QLatin1Char(','))))
    , m_settings(settings)
    , m_markets(markets)
    , m_afterMs(afterMs)
    , m_pollIntervalMs(pollIntervalMs)
{
}

InfluxFeed::~InfluxFeed() = default;

SourceStats InfluxFeed::stats() const
{
    return m_poller ? m_poller->stats() : SourceStats();
}

void InfluxFeed::start()
{
    if (!m_poller) {
        // Created here so that it lives, and its network replies arrive, on the engine thread.
        InfluxLivePoller::Options options;
        options.pollIntervalMs = m_pollIntervalMs;
        m_poller = new InfluxLivePoller(m_settings, m_markets, m_afterMs, options, this);
        connect(m_poller, &InfluxLivePoller::barsReady, this, &InfluxFeed::onBars);
        connect(m_poller, &InfluxLivePoller::stalled, this, &LiveFeed::trouble);
    }
    m_poller->start();
}

void InfluxFeed::stop()
{
    if (m_poller)
        m_poller->stop();
}

void InfluxFeed::onBars(const QList<Bar>& bars)
{
    for (const Bar& b : bars)
        Q_EMIT barReady(b);
}

} // namespace veloce
