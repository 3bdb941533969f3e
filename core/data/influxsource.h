#pragma once

#include "data/barsource.h"
#include "data/influxbarmerger.h"
#include "data/influxsettings.h"

#include <QStringList>
#include <memory>

namespace veloce {

class InfluxClient;
class InfluxRowReader;

// History from aggr-server bars in InfluxDB 1.x ("<db>"."<rp>"."<measurement>", tag market):
// the bars of [fromMs, toMs), streamed page by page with constant memory. Markets are matched
// exactly; the first gives OHLC, vbuy/vsell are summed over all (InfluxBarMerger). Volumes are
// delivered as stored: aggr-server writes quote notional, `veloce-cli influx-import` writes the
// file's bar volumes unchanged (base units for Binance klines) -- the strategy's volume phases
// are ratios, so the unit does not change signals.
//
// Nothing touches the network before the first next(), which checks the schema (clear errors
// for a missing database, retention policy, measurement or market, and "no data for market X
// between A and B") and then streams. next() blocks (InfluxClient); use the source from the
// thread that calls next().
class InfluxSource : public BarSource
{
public:
    struct Options
    {
        std::int64_t pageMs = 24 * 3600 * 1000; // one query per page
        int chunkSize = 10000; // rows per chunk of the chunked reply
    };

    // Throws DataError for invalid market or identifier names (no network needed for that).
    InfluxSource(InfluxSettings settings, QStringList markets, std::int64_t fromMs, std::int64_t toMs);
    InfluxSource(InfluxSettings settings, QStringList markets, std::int64_t fromMs, std::int64_t toMs,
        Options options);
    ~InfluxSource() override;

    bool next(Bar& out) override;
    QString description() const override;
    QString symbol() const override; // "BINANCE:btcusdt" -> "BTCUSDT"
    SourceStats stats() const override;
    double progress() const override;

    int retries() const; // reads that had to be repeated (connection lost, timeouts)

    // The symbol part of a market in upper case: BINANCE_FUTURES:btcusdt -> BTCUSDT.
    static QString symbolOf(const QString& market);

private:
    // Counts a bar that obeys BarLimits; throws InfluxError naming the bar otherwise.
    bool accept(const Bar& bar);
    void open();

    InfluxSettings m_settings;
    QStringList m_markets;
    std::int64_t m_from;
    std::int64_t m_to;
    Options m_options;
    std::unique_ptr<InfluxClient> m_client;
    std::unique_ptr<InfluxRowReader> m_reader;
    InfluxBarMerger m_merger;
    std::int64_t m_rangeFrom = 0; // the primary market's extent within [m_from, m_to)
    std::int64_t m_rangeTo = 0;
    std::int64_t m_bars = 0;
    bool m_opened = false;
    bool m_done = false;
};

} // namespace veloce
