#pragma once

#include "engine/backtestsink.h"

#include <initializer_list>
#include <vector>

namespace veloce {

// Fans one run's events out to several sinks (e.g. the CSV ResultWriter and the HTML report's
// collector), so a 30-million-bar file is read once. Per-bar callbacks go only to the sinks that
// asked for them: a sink that does not want bars costs nothing on the hot path.
class TeeSink : public BacktestSink
{
public:
    TeeSink(std::initializer_list<BacktestSink*> sinks)
    {
        for (BacktestSink* s : sinks) {
            if (!s)
                continue;
            m_sinks.push_back(s);
            if (s->wantsBars())
                m_barSinks.push_back(s);
        }
    }

    void onSignal(const SignalRecord& rec) override
    {
        for (BacktestSink* s : m_sinks)
            s->onSignal(rec);
    }
    void onTrade(const Trade& trade) override
    {
        for (BacktestSink* s : m_sinks)
            s->onTrade(trade);
    }
    void onEquity(const EquityPoint& point) override
    {
        for (BacktestSink* s : m_sinks)
            s->onEquity(point);
    }
    bool wantsBars() const override { return !m_barSinks.empty(); }
    void onBar(const Bar& bar, const PhaseScores& scores) override
    {
        for (BacktestSink* s : m_barSinks)
            s->onBar(bar, scores);
    }

private:
    std::vector<BacktestSink*> m_sinks;
    std::vector<BacktestSink*> m_barSinks; // the subset with wantsBars(), fixed at construction
};

} // namespace veloce
