#include "sessionbroker.h"

#include "broker/freqtradebroker.h"
#include "broker/freqtradeflattener.h"
#include "broker/paperbroker.h"
#include "clicommand.h"

namespace veloce {

SessionBroker makeSessionBroker(const SessionSetup& setup)
{
    const Config& config = setup.config;
    SessionBroker out;
    if (setup.broker == QLatin1String("paper")) {
        out.broker = std::make_unique<PaperBroker>(config);
        return out;
    }
    if (setup.broker != QLatin1String("freqtrade"))
        throw UsageError(QStringLiteral("--broker: \"%1\" is not one of paper, freqtrade").arg(setup.broker));
    FreqtradeClient::Settings ft;
    ft.baseUrl = QUrl(config.freqtradeUrl);
    ft.username = config.freqtradeUsername;
    ft.password = config.freqtradePassword;
    ft.timeoutMs = config.freqtradeTimeoutMs;
    FreqtradeBroker::Settings bs;
    bs.client = ft;
    bs.pair = config.freqtradePair;
    bs.slippageBps = config.slippageBps;
    bs.leverage = config.leverage;
    bs.mode = config.mode == TradingMode::Live ? TradingMode::Live : TradingMode::DryRun;
    bs.liveConfirmed = setup.confirmLive;
    out.broker = std::make_unique<FreqtradeBroker>(bs);
    out.venueFlattener = std::make_shared<FreqtradeFlattener>(ft);
    return out;
}

} // namespace veloce
