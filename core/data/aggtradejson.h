#pragma once

#include "data/aggtrade.h"

#include <QString>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veloce {

// Binance's JSON for aggregated trades, read with nlohmann/json: aggTrade stream payloads (raw
// "/ws/..." or wrapped by a combined stream {"stream":..,"data":..}), the serverShutdown event,
// /aggTrades pages, /time replies and error bodies. Prices and quantities are strings in the
// JSON; they are parsed with the CSV readers' number parser (csv::toDouble), so a trade read here
// and the same trade read from a dump give the same double to the bit.
//
// Malformed input throws DataError saying what is wrong (callers add the endpoint).
class AggTradeJson
{
public:
    enum class Kind
    {
        Trade, // an aggTrade event: `trade` and `symbol` are set
        ServerShutdown, // the server will close this connection soon
        Other, // anything else (subscription replies, other events): ignored
    };
    struct StreamMessage
    {
        Kind kind = Kind::Other;
        AggTrade trade;
        std::string symbol; // "s", upper case as Binance sends it
        std::int64_t eventMs = 0; // "E": when the exchange pushed it (0 if absent)
    };

    static StreamMessage parseStreamMessage(std::string_view text);
    // Appends the trades of an /aggTrades reply (a JSON array, oldest first) to `out`.
    static void parseRestPage(std::string_view body, std::vector<AggTrade>& out);
    // {"serverTime": ms} of /api/v3/time and /fapi/v1/time.
    static std::int64_t parseServerTime(std::string_view body);
    // Binance's error body {"code":-1121,"msg":"Invalid symbol."} as "Invalid symbol. (code -1121)";
    // empty when the body is not one.
    static QString errorText(std::string_view body);
};

} // namespace veloce
