#pragma once

#include "data/influxsettings.h"
#include "engine/livefeed.h"

#include <QList>
#include <QStringList>
#include <memory>

namespace veloce {

class InfluxLivePoller;

// Live bars polled from aggr-server's InfluxDB (data/InfluxLivePoller), as a LiveFeed. Bar
// times are market (wall-clock) times, so the watchdog also checks them for staleness. Poll
// failures are retried by the poller and reported here as trouble().
class InfluxFeed : public LiveFeed
{
    Q_OBJECT
public:
    // Delivers bars newer than `afterMs` (a restarted session continues where it stopped).
    InfluxFeed(const InfluxSettings& settings, const QStringList& markets, std::int64_t afterMs,
        int pollIntervalMs, QObject* parent = nullptr);
    ~InfluxFeed() override;

    QString description() const override { return m_description; }
    SourceStats stats() const override;
    bool wallClockTimes() const override { return true; }

public Q_SLOTS:
    void start() override;
    void stop() override;

private:
    void onBars(const QList<veloce::Bar>& bars);

    QString m_description;
    InfluxSettings m_settings;
    QStringList m_markets;
    std::int64_t m_afterMs;
    int m_pollIntervalMs;
    InfluxLivePoller* m_poller = nullptr; // created by start(), on the engine thread
};

} // namespace veloce
