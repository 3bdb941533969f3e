// libFuzzer target: FreqTrade REST replies -- an error body for FreqtradeError::fromReply (the
// first byte picks the HTTP status) and the same body as a /status or /trade/{id} answer for
// FreqtradeBroker::parseTrade and as /show_config, parsed the way FreqtradeClient does. Nothing
// may throw.
#include "broker/freqtradebroker.h"
#include "fuzzinput.h"

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const int kStatus[] = { 400, 401, 404, 422, 500, 502, 503 };
    const int status = kStatus[data[0] % (sizeof(kStatus) / sizeof(kStatus[0]))];
    const QByteArray body(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const FreqtradeError e = FreqtradeError::fromReply(status, body);
    fuzz::check(!e.message.isEmpty(), "error without a message");
    const nlohmann::json j
        = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (j.is_array()) {
        for (const auto& t : j)
            FreqtradeBroker::parseTrade(t);
    } else {
        FreqtradeBroker::parseTrade(j);
        ftNumber(j, "close_rate");
        ftBool(j, "dry_run", true); // /show_config
        ftString(j, "state");
    }
    return 0;
}
