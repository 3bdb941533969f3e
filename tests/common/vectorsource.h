#pragma once

#include "data/barsource.h"

#include <QString>
#include <utility>
#include <vector>

// An in-memory BarSource over a fixed vector of bars, for engine tests that need exact control of
// every price and time. Behaves like a finite file source: next() returns false at the end.
class VectorSource : public veloce::BarSource
{
public:
    explicit VectorSource(std::vector<veloce::Bar> bars, QString symbol = QStringLiteral("TESTUSDT"))
        : m_bars(std::move(bars))
        , m_symbol(std::move(symbol))
    {
    }

    bool next(veloce::Bar& out) override
    {
        if (m_pos >= m_bars.size())
            return false;
        out = m_bars[m_pos++];
        return true;
    }
    QString description() const override { return QStringLiteral("in-memory bars"); }
    QString symbol() const override { return m_symbol; }
    veloce::SourceStats stats() const override
    {
        veloce::SourceStats s;
        s.rows = static_cast<std::int64_t>(m_pos);
        s.bars = static_cast<std::int64_t>(m_pos);
        return s;
    }
    double progress() const override
    {
        return m_bars.empty() ? 1.0 : static_cast<double>(m_pos) / static_cast<double>(m_bars.size());
    }

private:
    std::vector<veloce::Bar> m_bars;
    QString m_symbol;
    std::size_t m_pos = 0;
};
