// libFuzzer target: a chunked InfluxDB reply (chunked=true: one JSON document per line) fed line
// by line to InfluxReplyParser and the rows to InfluxBarMerger, as InfluxRowReader and the live
// poller do. The first byte picks the query shape: aggr-server's eight fields with the market tag
// of two markets (the backtest query), or one field without a tag. Only InfluxError may come out;
// a row's tag index is always one of the markets asked for.
#include "data/influxbarmerger.h"
#include "data/influxerror.h"
#include "data/influxreplyparser.h"
#include "data/influxsettings.h"
#include "fuzzinput.h"

#include <cstring>

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const InfluxSettings settings;
    static const InfluxReplyParser tagged(
        { "open", "high", "low", "close", "vbuy", "vsell", "lbuy", "lsell" }, "market",
        { "BINANCE_FUTURES:btcusdt", "BYBIT:BTCUSDT" });
    static const InfluxReplyParser plain({ "close" });
    const bool withTag = (data[0] & 1) == 0;
    const InfluxReplyParser& parser = withTag ? tagged : plain;
    const char* p = reinterpret_cast<const char*>(data) + 1;
    const char* const end = reinterpret_cast<const char*>(data) + size;
    std::vector<InfluxRow> rows;
    InfluxBarMerger merger;
    Bar bar;
    try {
        while (p < end) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
            const char* lineEnd = nl ? nl : end;
            rows.clear();
            const bool complete = parser.parse(p, lineEnd, rows, settings);
            for (const InfluxRow& r : rows) {
                fuzz::check(r.tag >= 0 && r.tag < (withTag ? 2 : 1), "tag index outside the markets");
                if (withTag)
                    merger.add(r, bar);
            }
            if (complete)
                break;
            p = nl ? nl + 1 : end;
        }
        merger.flush(bar);
    } catch (const InfluxError&) {
    }
    return 0;
}
