#pragma once

#include "data/aggtrade.h"
#include "data/binancerestclient.h"
#include "data/binancestream.h"
#include "data/binancevenue.h"
#include "data/feedhealth.h"
#include "data/livebarbuilder.h"
#include "data/sourcestats.h"
#include "types/bar.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <memory>
#include <string>
#include <vector>

class QTimer;

namespace veloce {

class AggTradeSequencer;

// Live 1-second bars of one or more Binance markets from the public aggTrade streams, with no
// server of our own (docs/binance-live.md). A QObject for the engine thread: create it there (or
// moveToThread() before start()), it needs that thread's event loop.
//
// - Trades -> bars: each market's trades are put in id order, once (AggTradeSequencer), and built
//   into seconds by the aggTrades file reader's aggregator (LiveBarBuilder); several markets are
//   merged as the InfluxDB source merges them (OHLC from the first, volumes summed).
// - Finality: a second is final when a later second's trade arrived, or `graceMs` after its end
//   on the exchange's clock (estimated from the newest event time) while the market is healthy:
//   stream open, warm-up done, no id gap, no repair running. Never emitted twice, never skipped.
// - Warm-up: the last warmupS seconds from REST -- the first id found by time windows of under
//   an hour, then walked by id -- while the stream already runs, so history and stream meet with
//   no gap and no overlap.
// - Repair: after a lost connection, or an id gap not closed within reorderWaitMs, the missing
//   trades are fetched by fromId = next id until REST has nothing more and no gap is left.
// - Rate limits: REST goes through BinanceRestClient's weight budget; 429/418 Retry-After obeyed.
//
// Signals are emitted on the thread the source lives on; connect directly.
class BinanceLiveSource : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int warmupS = 300;
        int graceMs = 2000;
        int reorderWaitMs = 500; // an id gap waits this long for the missing trade before REST
        int restLimit = 1000; // trades per REST page (Binance's maximum)
        std::size_t maxHeldTrades = 200000; // out-of-sequence trades kept per market
        int healthIntervalMs = 250; // at most this often a healthChanged() for lag or counters
        BinanceStream::Options stream;
        BinanceRestClient::Options rest;
    };
    struct Settings
    {
        QList<BinanceMarket> markets; // the first gives OHLC
        // Empty: the venue's public endpoints.
        QUrl spotStreamUrl;
        QUrl spotRestUrl;
        QUrl futuresStreamUrl;
        QUrl futuresRestUrl;
        Options options;

        QUrl streamUrl(BinanceVenue v) const;
        QUrl restUrl(BinanceVenue v) const;
    };

    explicit BinanceLiveSource(Settings settings, QObject* parent = nullptr);
    ~BinanceLiveSource() override;

    void start();
    void stop();

    const QList<BinanceMarket>& markets() const { return m_settings.markets; }
    QString description() const { return describe(m_settings.markets); }
    // "Binance futures BTCUSDT", "Binance futures:BTCUSDT + spot:BTCUSDT".
    static QString describe(const QList<BinanceMarket>& markets);
    FeedHealth health() const;
    SourceStats stats() const;

Q_SIGNALS:
    // A final bar; `originNs` is the steady-clock time at which the message that made it final
    // was received (for latency measurements).
    void barReady(const veloce::Bar& bar, qint64 originNs);
    // Every trade in sequence, once, per market index (recorders).
    void tradeAccepted(int market, const veloce::AggTrade& trade);
    void healthChanged(const veloce::FeedHealth& health);
    // Any sign of life from the exchange (a message or a pong).
    void alive();
    // A problem being worked around (a lost connection, a rate limit): for the alert log.
    void trouble(const QString& message);
    // The source cannot go on (e.g. an unknown symbol); it has stopped.
    void failed(const QString& message);

private:
    struct Venue;
    struct Market;

    void onConnected(int venue);
    void onLost(int venue, const QString& reason, int retryMs);
    void onMessage(int venue, const QByteArray& text, int connection, qint64 receivedNs, qint64 receivedMs);
    void onRestReply(int venue, BinanceRestReply& reply);
    void onTimeReply(Venue& venue, const BinanceRestReply& reply);
    void onPage(Market& market, const BinanceRestReply& reply);
    void onTrade(int market, const AggTrade& trade);
    void tick();
    void maybeCatchUp(int market);
    bool healthy(const Market& market) const;
    void finalizeHealthy();
    void drainBars();
    void publishHealth(bool force);
    void fail(const QString& message);
    std::int64_t exchangeNow(const Venue& venue) const;

    Settings m_settings;
    std::vector<std::unique_ptr<Venue>> m_venues;
    std::vector<std::unique_ptr<Market>> m_markets;
    LiveBarBuilder m_builder;
    QTimer* m_tick = nullptr;
    bool m_running = false;
    bool m_failed = false;
    QString m_failure;
    std::int64_t m_originNs = 0;
    std::int64_t m_bars = 0;
    std::int64_t m_trades = 0;
    std::int64_t m_malformed = 0;
    FeedHealth m_published;
    std::int64_t m_publishedMs = 0;
};

} // namespace veloce
