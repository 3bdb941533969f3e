#include "research/returncollector.h"

namespace veloce {

ReturnCollector::ReturnCollector(std::int64_t returns, int blocks)
    : m_returns(returns > 0 ? returns : 0)
{
    m_summary.blocks.resize(static_cast<std::size_t>(blocks > 0 ? blocks : 1));
    m_nextBoundary = m_returns / static_cast<std::int64_t>(m_summary.blocks.size());
}

void ReturnCollector::onEquity(const EquityPoint& point)
{
    if (m_hasLast) {
        const double r = point.equity / m_last - 1.0; // as Metrics computes it
        const auto blocks = static_cast<std::int64_t>(m_summary.blocks.size());
        while (m_seen >= m_nextBoundary && m_block + 1 < m_summary.blocks.size()) {
            ++m_block;
            m_nextBoundary = (static_cast<std::int64_t>(m_block) + 1) * m_returns / blocks;
        }
        BlockSums& b = m_summary.blocks[m_block];
        const double r2 = r * r;
        ++b.n;
        b.sum += r;
        b.sumSq += r2;
        m_summary.sumCube += r2 * r;
        m_summary.sumFourth += r2 * r2;
        ++m_seen;
    }
    m_last = point.equity;
    m_hasLast = true;
}

} // namespace veloce
