#pragma once

#include "data/aggtradesequencer.h"
#include "data/binancerestclient.h"

#include <QString>
#include <cstdint>
#include <functional>

namespace veloce {

// The REST side of one market's trades (docs/binance-live.md): the warm-up -- the first id at or
// after the warm-up start found by startTime/endTime windows of under an hour (Binance refuses
// longer ones), then pages by id -- and the repairs after a lost connection or an id gap, by
// fromId = the sequencer's next id. A walk ends when a page is not full and the sequencer has no
// gap left; when REST is behind the stream (the gap is still open) it asks again after retryMs.
// Trades go to the sequencer, which drops what the stream already delivered.
//
// Pure logic around a send function: the feed's thread uses it, one request in flight at most.
class AggTradeWalk
{
public:
    struct Options
    {
        int warmupS = 300;
        int restLimit = 1000; // trades per page
        int retryMs = 500; // REST behind the stream: ask again after this
    };
    using Send = std::function<void(const BinanceRestRequest&)>;

    AggTradeWalk(int market, QString symbol, AggTradeSequencer& sequencer, Options options, Send send);

    // A walk is wanted: the warm-up at first, a repair afterwards (a loss or a gap).
    void want();
    // Starts the wanted walk unless one is running; `exchangeNowMs` places the warm-up's start.
    void begin(std::int64_t exchangeNowMs);
    enum class Outcome
    {
        Continue, // the next page is asked for (or will be, after retryMs)
        Finished, // caught up: no gap, REST has nothing more
        Refused, // REST refused the request (an unknown symbol): reply.error says why
    };
    Outcome onPage(const BinanceRestReply& reply, std::int64_t exchangeNowMs, std::int64_t wallMs);
    // Asks again if REST was behind the stream and the wait is over.
    void retryIfDue(std::int64_t wallMs);

    bool warm() const { return m_warm; }
    bool wanted() const { return m_wanted; }
    bool running() const { return m_walk != Walk::None || m_inFlight; }
    // Nothing traded since the warm-up start: the stream's first trade begins the sequence.
    bool startsFromStream() const { return m_startFromStream; }
    std::int64_t warmStart() const { return m_warmStart; }

    std::int64_t warmupTrades() const { return m_warmupTrades; } // delivered by the warm-up
    std::int64_t repairedTrades() const { return m_repairedTrades; } // delivered first by repairs
    std::int64_t gapsRepaired() const { return m_gapsRepaired; } // repairs that found missing trades

private:
    enum class Walk
    {
        None,
        Search, // warm-up: the first id, by time windows
        Fetch, // by id
    };
    void requestWindow();
    void requestPage();
    void offer(const std::vector<AggTrade>& trades);
    void finish();

    int m_market;
    QString m_symbol;
    AggTradeSequencer& m_seq;
    Options m_options;
    Send m_send;
    Walk m_walk = Walk::None;
    bool m_inFlight = false;
    bool m_warm = false;
    bool m_wanted = true; // the warm-up
    bool m_repair = false;
    bool m_startFromStream = false;
    std::int64_t m_warmStart = 0;
    std::int64_t m_windowStart = 0;
    std::int64_t m_retryAtMs = 0;
    std::int64_t m_walkTrades = 0;
    std::int64_t m_warmupTrades = 0;
    std::int64_t m_repairedTrades = 0;
    std::int64_t m_gapsRepaired = 0;
};

} // namespace veloce
