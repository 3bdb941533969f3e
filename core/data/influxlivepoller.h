#pragma once

#include "data/influxbarmerger.h"
#include "data/influxsettings.h"
#include "data/sourcestats.h"
#include "types/bar.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace veloce {

class InfluxReplyParser;

// Live bars from aggr-server's InfluxDB, asynchronously: a QObject for the engine thread (it
// needs that thread's event loop; create or moveToThread() it there, then call start()).
//
// Every poll asks for rows newer than the cursor -- the last timestamp made final -- so a poll
// that fails, times out or is slow loses nothing and repeats nothing; polls never overlap (the
// next is scheduled when the previous one ended). A timestamp is final, and its bar emitted,
// once a later timestamp exists in the reply, or when graceMs have passed since its open time;
// until then it is asked for again, so a bar aggr-server rewrites is picked up complete.
// Bars of one barsReady() and of consecutive ones are strictly increasing in time.
//
// Every reply is bounded (InfluxClient::guardWhole): 64 MiB, complete within influx_timeout_ms.
// On failure polling continues with backoff (poll interval doubling up to 10 s); stalled() is
// emitted on the first failure of a streak (and when the reason changes), resumed() on the
// first success after it. start() first checks the schema (database, retention policy,
// measurement, markets) and reports a problem through stalled() as well.
class InfluxLivePoller : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pollIntervalMs = 500; // Config::influxPollIntervalMs
        // aggr-server writes about once a minute and rewrites the newest second with the next
        // batch, so by default the newest second waits for that batch; a later second ends the
        // wait at once. Lower it for writers that flush complete seconds.
        int graceMs = 65000;
        int maxRowsPerPoll = 10000; // a catch-up after downtime is fetched in several polls
    };

    // Delivers bars with t > afterMs. Throws DataError for invalid markets or identifiers.
    InfluxLivePoller(InfluxSettings settings, QStringList markets, std::int64_t afterMs, Options options,
        QObject* parent = nullptr);
    ~InfluxLivePoller() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool isStalled() const { return m_failures > 0; }

    std::int64_t cursorMs() const { return m_cursor; }
    SourceStats stats() const;
    QString lastError() const { return m_lastError; }
    std::int64_t polls() const { return m_polls; }

Q_SIGNALS:
    void barsReady(const QList<veloce::Bar>& bars);
    void stalled(const QString& message);
    void resumed();

private:
    void schedule(int delayMs);
    void sendCheck();
    void sendPoll();
    void onCheckFinished();
    void onPollFinished();
    void fail(const QString& message);
    void succeed();

    InfluxSettings m_settings;
    QStringList m_markets;
    Options m_options;
    QString m_pollQuery;
    std::string m_paramsJson;
    std::unique_ptr<InfluxReplyParser> m_parser;
    QNetworkAccessManager* m_manager = nullptr;
    QTimer* m_timer = nullptr;
    QNetworkReply* m_reply = nullptr;
    QElapsedTimer m_sincePollStart;
    InfluxBarMerger m_merger;

    std::int64_t m_cursor;
    bool m_running = false;
    bool m_checked = false;
    int m_checkStep = 0; // 0: retention policies, 1: measurements and markets
    QStringList m_retentionPolicies;
    int m_failures = 0;
    QString m_lastError;
    std::int64_t m_rows = 0;
    std::int64_t m_bars = 0;
    std::int64_t m_polls = 0;
};

} // namespace veloce
