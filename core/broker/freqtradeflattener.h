#pragma once

#include "broker/broker.h"
#include "broker/freqtradeclient.h"

#include <memory>

namespace veloce {

// The kill switch's path to FreqTrade: POST /forceexit {"tradeid": "all"} (it returns when the
// exit orders are placed, not filled), then GET /status until no trade is open, repeating the
// forceexit every kRepeatMs, until the deadline. Runs on the kill switch's thread with its own
// client (and its own login), so it does not depend on the engine thread at all.
class FreqtradeFlattener
{
public:
    explicit FreqtradeFlattener(FreqtradeClient::Settings settings);
    ~FreqtradeFlattener();

    // Blocking; call from one thread only.
    FlattenResult flatten(int deadlineMs);

    static constexpr int kPollMs = 200;
    static constexpr int kRepeatMs = 2000;

private:
    FreqtradeClient::Settings m_settings;
    std::unique_ptr<FreqtradeClient> m_client;
};

} // namespace veloce
