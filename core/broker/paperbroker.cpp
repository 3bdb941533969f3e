#include "broker/paperbroker.h"

#include "portfolio/portfolio.h"

namespace veloce {

double PaperBroker::entryPrice(const Signal& signal) const
{
    return Portfolio::slipped(signal.price, signal.side, true, m_slippageBps);
}

double PaperBroker::exitPrice(const Position& position, double close) const
{
    return Portfolio::slipped(close, position.side, false, m_slippageBps);
}

} // namespace veloce
