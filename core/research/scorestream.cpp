#include "research/scorestream.h"

#include "research/marketdata.h"
#include "strategy/strategy.h"

namespace veloce {

std::shared_ptr<const ScoreStream> ScoreStream::compute(
    const MarketData& market, const Config& scoring, const std::atomic<bool>* cancel)
{
    auto stream = std::make_shared<ScoreStream>();
    stream->m_scored.resize(market.bars.size());
    Strategy strategy(scoring);
    for (std::size_t i = 0; i < market.bars.size(); ++i) {
        strategy.update(market.bars[i]);
        stream->m_scored[i] = strategy.scored();
        if ((i & 0xffff) == 0xffff && cancel && cancel->load(std::memory_order_relaxed))
            return nullptr;
    }
    return stream;
}

} // namespace veloce
