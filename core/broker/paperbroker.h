#pragma once

#include "broker/broker.h"
#include "types/config.h"

namespace veloce {

// The embedded default venue and the backtest's fill model (docs/strategy.md §4): every order fills
// at once at the bar close moved against the trader by slippage_bps. Fees are charged by the
// Portfolio. Backtests and paper sessions use this one class, so they fill identically.
class PaperBroker final : public Broker
{
public:
    explicit PaperBroker(const Config& config)
        : m_slippageBps(config.slippageBps)
    {
    }

    QString name() const override { return QStringLiteral("paper"); }
    bool fillsImmediately() const override { return true; }
    double entryPrice(const Signal& signal) const override;
    double exitPrice(const Position& position, double close) const override;

private:
    double m_slippageBps;
};

} // namespace veloce
