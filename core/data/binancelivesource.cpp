#include "data/binancelivesource.h"

#include "data/aggtradejson.h"
#include "data/aggtradesequencer.h"
#include "data/aggtradewalk.h"
#include "data/dataerror.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

namespace veloce {

namespace {
std::int64_t wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool sameCounters(const FeedHealth& a, const FeedHealth& b)
{
    return a.connections == b.connections && a.trades == b.trades && a.reconnects == b.reconnects
        && a.handovers == b.handovers && a.gapsRepaired == b.gapsRepaired
        && a.tradesRepaired == b.tradesRepaired && a.duplicates == b.duplicates
        && a.lateTrades == b.lateTrades && a.rateLimited == b.rateLimited && a.restRequests == b.restRequests
        && a.lagMs == b.lagMs;
}
} // namespace

struct BinanceLiveSource::Venue
{
    BinanceVenue venue = BinanceVenue::Futures;
    std::vector<int> markets;
    BinanceStream* stream = nullptr;
    BinanceRestClient* rest = nullptr;
    bool live = false;
    bool everLive = false;
    bool timeKnown = false;
    bool timeRequested = false;
    std::int64_t offsetMs = 0; // exchange clock - local wall clock
    double lagMs = -1;
    QString lossReason;
    QString waitReason; // why REST is held back (Retry-After, budget)
    std::int64_t waitUntilMs = 0;
};

struct BinanceLiveSource::Market
{
    int index = 0;
    int venue = 0;
    BinanceMarket spec;
    std::string symbol; // as stream messages spell it
    std::unique_ptr<AggTradeSequencer> seq;
    std::unique_ptr<AggTradeWalk> walk; // warm-up and repairs from REST
    std::int64_t gapSinceMs = 0; // when the sequencer's current id gap opened (0: none)
    std::int64_t lastT = 0;
};

QUrl BinanceLiveSource::Settings::streamUrl(BinanceVenue v) const
{
    const QUrl& set = v == BinanceVenue::Spot ? spotStreamUrl : futuresStreamUrl;
    return set.isEmpty() ? BinanceVenues::defaultStreamUrl(v) : set;
}

QUrl BinanceLiveSource::Settings::restUrl(BinanceVenue v) const
{
    const QUrl& set = v == BinanceVenue::Spot ? spotRestUrl : futuresRestUrl;
    return set.isEmpty() ? BinanceVenues::defaultRestUrl(v) : set;
}

BinanceLiveSource::BinanceLiveSource(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_builder(static_cast<int>(m_settings.markets.size()))
{
    if (m_settings.markets.isEmpty())
        throw DataError(QStringLiteral("Binance: no market given"));
    qRegisterMetaType<FeedHealth>();
    for (int i = 0; i < m_settings.markets.size(); ++i) {
        auto market = std::make_unique<Market>();
        market->index = i;
        market->spec = m_settings.markets[i];
        market->symbol = market->spec.symbol.toStdString();
        market->seq = std::make_unique<AggTradeSequencer>(
            m_settings.options.maxHeldTrades, [this, i](const AggTrade& t) { onTrade(i, t); });
        AggTradeWalk::Options walk;
        walk.warmupS = m_settings.options.warmupS;
        walk.restLimit = m_settings.options.restLimit;
        walk.retryMs = m_settings.options.reorderWaitMs;
        market->walk = std::make_unique<AggTradeWalk>(
            i, market->spec.symbol, *market->seq, walk, [this, i](const BinanceRestRequest& r) {
                m_venues[std::size_t(m_markets[std::size_t(i)]->venue)]->rest->send(r);
            });
        auto venue = std::find_if(m_venues.begin(), m_venues.end(),
            [&](const std::unique_ptr<Venue>& v) { return v->venue == market->spec.venue; });
        if (venue == m_venues.end()) {
            m_venues.push_back(std::make_unique<Venue>());
            m_venues.back()->venue = market->spec.venue;
            venue = m_venues.end() - 1;
        }
        market->venue = static_cast<int>(venue - m_venues.begin());
        (*venue)->markets.push_back(i);
        m_markets.push_back(std::move(market));
    }
}

BinanceLiveSource::~BinanceLiveSource() = default;

QString BinanceLiveSource::describe(const QList<BinanceMarket>& markets)
{
    QStringList names;
    for (const BinanceMarket& m : markets)
        names << (markets.size() == 1 ? BinanceVenues::name(m.venue) + QLatin1Char(' ') + m.symbol
                                      : m.label());
    return QStringLiteral("Binance %1").arg(names.join(QStringLiteral(" + ")));
}

std::int64_t BinanceLiveSource::exchangeNow(const Venue& venue) const
{
    return wallMs() + venue.offsetMs;
}

void BinanceLiveSource::start()
{
    if (m_running || m_failed)
        return;
    m_running = true;
    const Options& o = m_settings.options;
    if (!m_tick) {
        m_tick = new QTimer(this);
        connect(m_tick, &QTimer::timeout, this, &BinanceLiveSource::tick);
        for (int vi = 0; vi < int(m_venues.size()); ++vi) {
            Venue& v = *m_venues[std::size_t(vi)];
            QList<BinanceMarket> markets;
            for (int mi : v.markets)
                markets << m_settings.markets[mi];
            v.stream = new BinanceStream(
                BinanceVenues::streamUrl(m_settings.streamUrl(v.venue), markets), o.stream, this);
            connect(v.stream, &BinanceStream::connected, this, [this, vi] { onConnected(vi); });
            connect(v.stream, &BinanceStream::lost, this,
                [this, vi](const QString& why, int retryMs) { onLost(vi, why, retryMs); });
            connect(v.stream, &BinanceStream::lostOne, this, [this, vi](const QString&) {
                // A handover's old connection went before we closed it: check with REST.
                for (int mi : m_venues[std::size_t(vi)]->markets) {
                    m_markets[std::size_t(mi)]->walk->want();
                    maybeCatchUp(mi);
                }
            });
            connect(v.stream, &BinanceStream::message, this,
                [this, vi](const QByteArray& text, int connection, qint64 ns, qint64 ms) {
                    onMessage(vi, text, connection, ns, ms);
                });
            connect(v.stream, &BinanceStream::alive, this, &BinanceLiveSource::alive);
            v.rest = new BinanceRestClient(
                v.venue, m_settings.restUrl(v.venue), o.rest,
                [this, vi](BinanceRestReply& reply) { onRestReply(vi, reply); }, this);
            connect(v.rest, &BinanceRestClient::trouble, this, &BinanceLiveSource::trouble);
            connect(v.rest, &BinanceRestClient::waiting, this, [this, vi](qint64 ms, const QString& why) {
                Venue& v = *m_venues[std::size_t(vi)];
                v.waitReason
                    = QStringLiteral("REST paused %1 s: %2").arg(double(ms) / 1000.0, 0, 'f', 1).arg(why);
                v.waitUntilMs = wallMs() + ms;
                if (why.contains(QLatin1String("Retry-After")))
                    Q_EMIT trouble(QStringLiteral("Binance REST rate limit: %1").arg(why));
                publishHealth(true);
            });
        }
    }
    const int finest = std::min(o.graceMs, o.reorderWaitMs) / 5;
    m_tick->start(std::clamp(finest, 10, 100));
    for (auto& v : m_venues)
        v->stream->start();
    publishHealth(true);
}

void BinanceLiveSource::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_tick)
        m_tick->stop();
    for (auto& v : m_venues) {
        v->stream->stop();
        v->rest->clear();
        v->live = false;
    }
    publishHealth(true);
}

void BinanceLiveSource::fail(const QString& message)
{
    if (m_failed)
        return;
    stop();
    m_failed = true;
    m_failure = message;
    publishHealth(true);
    Q_EMIT failed(message);
}

void BinanceLiveSource::onConnected(int vi)
{
    Venue& v = *m_venues[std::size_t(vi)];
    v.live = true;
    v.everLive = true;
    v.lossReason.clear();
    if (!v.timeKnown && !v.timeRequested) {
        // The exchange's clock places the warm-up; the stream is open first, so that the
        // history fetched afterwards always reaches the stream's first trade.
        v.timeRequested = true;
        BinanceRestRequest r;
        r.kind = BinanceRestRequest::Kind::ServerTime;
        v.rest->send(r);
    }
    for (int mi : v.markets)
        maybeCatchUp(mi);
    publishHealth(true);
}

void BinanceLiveSource::onLost(int vi, const QString& reason, int retryMs)
{
    Venue& v = *m_venues[std::size_t(vi)];
    v.live = false;
    v.lossReason
        = QStringLiteral("%1; next attempt in %2 s").arg(reason).arg(double(retryMs) / 1000.0, 0, 'f', 1);
    for (int mi : v.markets) // once connected again, REST fills in what the stream missed
        m_markets[std::size_t(mi)]->walk->want();
    Q_EMIT trouble(QStringLiteral("Binance %1 stream lost: %2; reconnecting in %3 s")
                       .arg(BinanceVenues::name(v.venue), reason)
                       .arg(double(retryMs) / 1000.0, 0, 'f', 1));
    publishHealth(true);
}

void BinanceLiveSource::onMessage(
    int vi, const QByteArray& text, int connection, qint64 receivedNs, qint64 receivedMs)
{
    m_originNs = receivedNs;
    Venue& v = *m_venues[std::size_t(vi)];
    AggTradeJson::StreamMessage msg;
    try {
        msg = AggTradeJson::parseStreamMessage(std::string_view(text.constData(), std::size_t(text.size())));
    } catch (const DataError& e) {
        if (m_malformed++ % 1000 == 0)
            Q_EMIT trouble(QStringLiteral("%1: %2 (%3 so far)")
                               .arg(v.stream->url().toDisplayString(), e.message())
                               .arg(m_malformed));
        return;
    }
    Q_EMIT alive();
    if (msg.kind == AggTradeJson::Kind::ServerShutdown) {
        v.stream->handOver(connection, QStringLiteral("serverShutdown"));
        publishHealth(true);
        return;
    }
    if (msg.kind != AggTradeJson::Kind::Trade)
        return;
    if (msg.eventMs > 0) {
        v.offsetMs = msg.eventMs - receivedMs;
        v.lagMs = double(receivedMs - msg.eventMs);
    }
    const auto it = std::find_if(v.markets.begin(), v.markets.end(),
        [&](int mi) { return m_markets[std::size_t(mi)]->symbol == msg.symbol; });
    if (it == v.markets.end())
        return; // not subscribed: nothing of ours
    Market& m = *m_markets[std::size_t(*it)];
    const AggTradeSequencer::Offer r = m.seq->offer(msg.trade);
    if (!m.seq->started() && m.walk->startsFromStream())
        m.seq->start(m.seq->firstHeld());
    if (r == AggTradeSequencer::Offer::Held || r == AggTradeSequencer::Offer::Deferred) {
        if (m.gapSinceMs == 0)
            m.gapSinceMs = wallMs();
    } else if (!m.seq->hasGap()) {
        m.gapSinceMs = 0;
    }
    drainBars();
}

void BinanceLiveSource::onTrade(int mi, const AggTrade& trade)
{
    Market& m = *m_markets[std::size_t(mi)];
    m.lastT = trade.t;
    ++m_trades;
    if (!m_builder.addTrade(mi, trade.tick()) && m_builder.lateTrades() == 1)
        Q_EMIT trouble(QStringLiteral("%1: trade %2 arrived after its second had been made final by the "
                                      "grace period; it is left out of the bar (raise the grace period)")
                           .arg(m.spec.label())
                           .arg(trade.id));
    Q_EMIT tradeAccepted(mi, trade);
}

void BinanceLiveSource::maybeCatchUp(int mi)
{
    Market& m = *m_markets[std::size_t(mi)];
    const Venue& v = *m_venues[std::size_t(m.venue)];
    // Only with the stream open: REST, asked afterwards, then always reaches the stream's trades.
    // The warm-up also needs the exchange's time.
    if (m_running && v.live && (m.walk->warm() || v.timeKnown))
        m.walk->begin(exchangeNow(v));
}

void BinanceLiveSource::onRestReply(int vi, BinanceRestReply& reply)
{
    m_originNs = BinanceStream::steadyNs();
    Venue& v = *m_venues[std::size_t(vi)];
    v.waitUntilMs = 0;
    if (reply.request.kind == BinanceRestRequest::Kind::ServerTime)
        onTimeReply(v, reply);
    else
        onPage(*m_markets[std::size_t(reply.request.market)], reply);
    drainBars();
    publishHealth(false);
}

void BinanceLiveSource::onTimeReply(Venue& v, const BinanceRestReply& reply)
{
    if (!reply.ok) {
        fail(reply.error);
        return;
    }
    // Half the round trip is the best guess of when the server read its clock.
    v.offsetMs = reply.serverTime - (reply.sentMs + reply.receivedMs) / 2;
    v.timeKnown = true;
    for (int mi : v.markets)
        maybeCatchUp(mi);
}

void BinanceLiveSource::onPage(Market& m, const BinanceRestReply& reply)
{
    const std::int64_t now = wallMs();
    switch (m.walk->onPage(reply, exchangeNow(*m_venues[std::size_t(m.venue)]), now)) {
    case AggTradeWalk::Outcome::Refused:
        fail(QStringLiteral("%1: %2").arg(m.spec.label(), reply.error));
        return;
    case AggTradeWalk::Outcome::Finished:
        m.gapSinceMs = m.seq->hasGap() ? now : 0;
        maybeCatchUp(m.index); // a loss during the walk asks for another one
        publishHealth(true);
        return;
    case AggTradeWalk::Outcome::Continue:
        return;
    }
}

bool BinanceLiveSource::healthy(const Market& m) const
{
    return m_venues[std::size_t(m.venue)]->live && m.walk->warm() && !m.walk->running() && !m.walk->wanted()
        && !m.seq->hasGap();
}

void BinanceLiveSource::finalizeHealthy()
{
    for (const auto& m : m_markets)
        if (healthy(*m))
            m_builder.finalizeBefore(
                m->index, exchangeNow(*m_venues[std::size_t(m->venue)]) - m_settings.options.graceMs);
}

void BinanceLiveSource::drainBars()
{
    Bar bar;
    try {
        while (m_builder.nextBar(bar)) {
            ++m_bars;
            Q_EMIT barReady(bar, m_originNs);
        }
    } catch (const DataError& e) {
        fail(e.message());
    }
}

void BinanceLiveSource::tick()
{
    if (!m_running)
        return;
    m_originNs = BinanceStream::steadyNs();
    const std::int64_t now = wallMs();
    const int wait = m_settings.options.reorderWaitMs;
    for (auto& mp : m_markets) {
        Market& m = *mp;
        m.walk->retryIfDue(now);
        // An id gap the stream did not close by itself (a lost or long-delayed message).
        if (!m.walk->running() && m.seq->hasGap() && m.gapSinceMs != 0 && now - m.gapSinceMs >= wait)
            m.walk->want();
        maybeCatchUp(m.index);
    }
    try {
        finalizeHealthy();
    } catch (const DataError& e) {
        fail(e.message());
        return;
    }
    drainBars();
    publishHealth(false);
}

FeedHealth BinanceLiveSource::health() const
{
    FeedHealth h;
    const std::int64_t now = wallMs();
    h.trades = m_trades;
    h.lateTrades = m_builder.lateTrades();
    for (const auto& m : m_markets) {
        h.duplicates += m->seq->duplicates();
        h.warmupTrades += m->walk->warmupTrades();
        h.tradesRepaired += m->walk->repairedTrades();
        h.gapsRepaired += m->walk->gapsRepaired();
    }
    const Venue* down = nullptr;
    const Venue* waiting = nullptr;
    for (const auto& v : m_venues) {
        if (v->stream) {
            h.connections += v->stream->openConnections();
            h.reconnects += v->stream->reconnects();
            h.handovers += v->stream->handovers();
        }
        if (v->rest) {
            h.restRequests += v->rest->requests();
            h.rateLimited += v->rest->rateLimited() + v->rest->banned();
            h.usedWeight += v->rest->usedWeight();
        }
        h.lagMs = std::max(h.lagMs, v->lagMs);
        if (!v->live && !down)
            down = v.get();
        if (v->waitUntilMs > now && !waiting)
            waiting = v.get();
    }
    const Market* warming = nullptr;
    const Market* repairing = nullptr;
    for (const auto& m : m_markets) {
        if (!m->walk->warm() && !warming)
            warming = m.get();
        else if (m->walk->warm() && !healthy(*m) && !repairing)
            repairing = m.get();
    }
    using S = FeedHealth::State;
    if (m_failed) {
        h.state = S::Failed;
        h.detail = m_failure;
    } else if (!m_running) {
        h.state = S::Stopped;
    } else if (down) {
        h.state = down->everLive ? S::Reconnecting : S::Connecting;
        h.detail = down->lossReason.isEmpty() ? m_settings.streamUrl(down->venue).host() : down->lossReason;
    } else if (waiting) {
        h.state = S::RateLimited;
        h.detail = waiting->waitReason;
    } else if (warming) {
        h.state = S::WarmingUp;
        const std::int64_t start = warming->walk->warmStart();
        const std::int64_t span = exchangeNow(*m_venues[std::size_t(warming->venue)]) - start;
        const double done = warming->lastT > start && span > 0
            ? std::min(1.0, double(warming->lastT - start) / double(span))
            : 0.0;
        h.detail = QStringLiteral("%1: last %2 s, %3 %")
                       .arg(warming->spec.label())
                       .arg(m_settings.options.warmupS)
                       .arg(int(done * 10) * 10); // in steps of 10 %: the CLI prints each change
    } else if (repairing) {
        h.state = S::Repairing;
        h.detail = QStringLiteral("%1: trades from id %2")
                       .arg(repairing->spec.label())
                       .arg(repairing->seq->next());
    } else {
        h.state = S::Live;
    }
    return h;
}

void BinanceLiveSource::publishHealth(bool force)
{
    const FeedHealth h = health();
    const std::int64_t now = wallMs();
    const bool stateChanged = h.state != m_published.state || h.detail != m_published.detail;
    if (!force && !stateChanged
        && (now - m_publishedMs < m_settings.options.healthIntervalMs || sameCounters(h, m_published)))
        return;
    if (!stateChanged && sameCounters(h, m_published))
        return;
    m_published = h;
    m_publishedMs = now;
    Q_EMIT healthChanged(h);
}

SourceStats BinanceLiveSource::stats() const
{
    SourceStats s;
    s.rows = m_trades;
    s.bars = m_bars;
    s.outOfOrder = m_builder.lateTrades();
    s.skippedNoPrice = m_builder.skippedNoPrice();
    return s;
}

} // namespace veloce
