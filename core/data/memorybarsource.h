#pragma once

#include "data/barsource.h"

#include <QString>
#include <span>

namespace veloce {

// A BarSource over bars already in memory (decoded once by a sweep and shared read-only between
// threads): replays a span of them, e.g. to write the result folder of a sweep's best
// configuration through the ordinary backtest path. The bars must outlive the source.
class MemoryBarSource final : public BarSource
{
public:
    MemoryBarSource(std::span<const Bar> bars, QString description, QString symbol)
        : m_bars(bars)
        , m_description(std::move(description))
        , m_symbol(std::move(symbol))
    {
    }

    bool next(Bar& out) override
    {
        if (m_pos >= m_bars.size())
            return false;
        out = m_bars[m_pos++];
        return true;
    }
    QString description() const override { return m_description; }
    QString symbol() const override { return m_symbol; }
    SourceStats stats() const override
    {
        SourceStats s;
        s.rows = static_cast<std::int64_t>(m_pos);
        s.bars = s.rows;
        return s;
    }
    double progress() const override
    {
        return m_bars.empty() ? 1.0 : static_cast<double>(m_pos) / static_cast<double>(m_bars.size());
    }

private:
    std::span<const Bar> m_bars;
    QString m_description;
    QString m_symbol;
    std::size_t m_pos = 0;
};

} // namespace veloce
