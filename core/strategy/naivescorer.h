#pragma once

#include "types/bar.h"
#include "types/config.h"
#include "types/phasescores.h"
#include "types/signal.h"

#include <optional>
#include <vector>

namespace veloce {

// docs/strategy.md §2-3 written out the obvious way: every window is summed again from its bars on
// every update, O(window) work per bar. It shares no code with Strategy (not even PhaseFormulas),
// and that is its purpose: the independent reference tst_strategy checks Strategy's O(1) rolling
// windows against bar by bar, and the baseline `veloce-cli bench` quotes the engine's speed
// against -- a ratio measured in one run still holds on a machine twice as slow, absolute bars/s
// do not. Not for trading: Strategy is the implementation.
//
// Keeps only the bars its longest window needs (memory stays bounded on any stream) and does not
// allocate after construction. Single-threaded value, like Strategy.
class NaiveScorer
{
public:
    explicit NaiveScorer(const Config& config);

    const PhaseScores& update(const Bar& bar);
    const PhaseScores& scores() const { return m_scores; }
    bool hasSignal() const { return m_hasSignal; }
    // The last signal: t, side, price, score, sizeFraction, atr, stop, target, phases.
    const Signal& signal() const { return m_signal; }

private:
    const Bar& at(std::int64_t i) const { return m_bars[static_cast<std::size_t>(i - m_first)]; }
    double close(std::int64_t i) const { return at(i).close; }
    double volume(std::int64_t i) const { return at(i).vbuy + at(i).vsell; }
    double populationSd(std::int64_t from, std::int64_t to) const;

    Config m_config;
    std::size_t m_keep; // bars the longest window reaches back
    std::vector<Bar> m_bars; // bars m_first .. m_first + size() - 1 of the stream
    std::int64_t m_first = 0;
    std::optional<std::int64_t> m_squeezeStart;
    PhaseScores m_scores;
    Signal m_signal;
    bool m_hasSignal = false;
};

} // namespace veloce
