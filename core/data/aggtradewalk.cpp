#include "data/aggtradewalk.h"

#include "data/livebarbuilder.h"

namespace veloce {

namespace {
constexpr std::int64_t kHourMs = 3600 * 1000;
}

AggTradeWalk::AggTradeWalk(
    int market, QString symbol, AggTradeSequencer& sequencer, Options options, Send send)
    : m_market(market)
    , m_symbol(std::move(symbol))
    , m_seq(sequencer)
    , m_options(options)
    , m_send(std::move(send))
{
}

void AggTradeWalk::want()
{
    m_wanted = true;
    m_repair = m_warm;
}

void AggTradeWalk::begin(std::int64_t exchangeNowMs)
{
    if (!m_wanted || running())
        return;
    m_wanted = false;
    m_walkTrades = 0;
    if (!m_warm) {
        m_warmStart = LiveBarBuilder::secondOf(exchangeNowMs) - std::int64_t(m_options.warmupS) * 1000;
        m_windowStart = m_warmStart;
        m_walk = Walk::Search;
        requestWindow();
        return;
    }
    m_walk = Walk::Fetch;
    requestPage();
}

void AggTradeWalk::requestWindow()
{
    // Binance: startTime and endTime together must span less than one hour.
    BinanceRestRequest r;
    r.market = m_market;
    r.symbol = m_symbol;
    r.startTime = m_windowStart;
    r.endTime = m_windowStart + kHourMs - 1;
    r.limit = m_options.restLimit;
    m_inFlight = true;
    m_send(r);
}

void AggTradeWalk::requestPage()
{
    BinanceRestRequest r;
    r.market = m_market;
    r.symbol = m_symbol;
    r.fromId = m_seq.next();
    r.limit = m_options.restLimit;
    m_inFlight = true;
    m_send(r);
}

void AggTradeWalk::offer(const std::vector<AggTrade>& trades)
{
    // Counted when REST delivered a trade first (the stream's copy will be a duplicate).
    for (const AggTrade& t : trades)
        if (m_seq.offer(t) == AggTradeSequencer::Offer::Delivered) {
            if (!m_warm) {
                ++m_warmupTrades;
            } else {
                ++m_walkTrades;
                ++m_repairedTrades;
            }
        }
}

AggTradeWalk::Outcome AggTradeWalk::onPage(
    const BinanceRestReply& reply, std::int64_t exchangeNowMs, std::int64_t wallMs)
{
    m_inFlight = false;
    if (!reply.ok) {
        m_walk = Walk::None;
        return Outcome::Refused;
    }
    const std::vector<AggTrade>& trades = reply.trades;
    if (m_walk == Walk::Search) {
        if (trades.empty()) {
            m_windowStart += kHourMs;
            if (m_windowStart <= exchangeNowMs) {
                requestWindow();
                return Outcome::Continue;
            }
            m_startFromStream = true;
            if (m_seq.heldCount() > 0)
                m_seq.start(m_seq.firstHeld());
            finish();
            return Outcome::Finished;
        }
        m_seq.start(trades.front().id);
        m_walk = Walk::Fetch;
        offer(trades);
        // A window ends before now when the warm-up is longer than an hour: on by id to the present.
        requestPage();
        return Outcome::Continue;
    }
    // REST answers from fromId on, so ids it skips do not exist.
    if (!trades.empty() && trades.front().id > m_seq.next())
        m_seq.skipTo(trades.front().id);
    offer(trades);
    if (static_cast<int>(trades.size()) >= m_options.restLimit) {
        requestPage();
        return Outcome::Continue;
    }
    if (m_seq.hasGap()) {
        // The stream is ahead of REST's database: ask again shortly.
        m_retryAtMs = wallMs + m_options.retryMs;
        return Outcome::Continue;
    }
    finish();
    return Outcome::Finished;
}

void AggTradeWalk::retryIfDue(std::int64_t wallMs)
{
    if (m_walk == Walk::Fetch && !m_inFlight && m_retryAtMs != 0 && wallMs >= m_retryAtMs) {
        m_retryAtMs = 0;
        requestPage();
    }
}

void AggTradeWalk::finish()
{
    m_walk = Walk::None;
    m_retryAtMs = 0;
    if (m_warm && m_repair && m_walkTrades > 0)
        ++m_gapsRepaired;
    m_warm = true;
    m_repair = false;
    m_walkTrades = 0;
}

} // namespace veloce
