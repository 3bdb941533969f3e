#pragma once

#include "strategy/ringbuffer.h"
#include "strategy/windowextremes.h"
#include "strategy/windowmoments.h"
#include "strategy/windowsum.h"
#include "types/bar.h"
#include "types/config.h"
#include "types/phasescores.h"
#include "types/signal.h"

#include <optional>

namespace veloce {

// The V9 continuous score (docs/strategy.md §2) and signal builder (§3). One instance per stream;
// update() does O(1) amortised work and never allocates (all windows are sized in the
// constructor). Knows nothing of positions: the cooldown and every risk check live in Portfolio.
class Strategy
{
public:
    explicit Strategy(const Config& config);

    // Scores the bar; returns the signal if this bar has one.
    const PhaseScores& update(const Bar& bar);
    const PhaseScores& scores() const { return m_scores; }
    bool hasSignal() const { return m_hasSignal; }
    const Signal& signal() const { return m_signal; }
    std::int64_t barsSeen() const { return m_closes.size(); }
    void reset();

    // Size fraction for a total score, from position_size_by_score.
    double sizeFraction(double total) const;

private:
    void buildSignal(const Bar& bar);

    Config m_config;
    RingBuffer<double> m_closes;
    RingBuffer<double> m_volumes;
    RingBuffer<double> m_trueRanges;
    WindowMoments m_squeezeMoments; // squeeze_length closes
    WindowExtremes m_squeezeExtremes;
    WindowSum m_squeezeAtr; // Σ true range over squeeze_length (ATR Keltner form)
    WindowMoments m_atrMoments; // last 20 closes: signal ATR
    WindowExtremes m_atrExtremes;
    WindowSum m_divNewer; // newer half of divergence_lookback volumes
    WindowSum m_divOlder; // older half
    WindowSum m_volPrev; // the 49 volumes before the current one
    std::optional<std::int64_t> m_squeezeStart;
    double m_prevClose = 0;
    PhaseScores m_scores;
    Signal m_signal;
    bool m_hasSignal = false;
};

} // namespace veloce
