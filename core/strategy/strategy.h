#pragma once

#include "strategy/ringbuffer.h"
#include "strategy/scoredbar.h"
#include "strategy/windowextremes.h"
#include "strategy/windowmoments.h"
#include "strategy/windowsum.h"
#include "types/bar.h"
#include "types/config.h"
#include "types/phasescores.h"
#include "types/signal.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace veloce {

// The V9 continuous score (docs/strategy.md §2) and signal builder (§3). One instance per stream;
// update() does O(1) amortised work and never allocates (all windows are sized in the
// constructor). Knows nothing of positions: the cooldown and every risk check live in Portfolio.
//
// Two halves, so that a parameter sweep can share the first: scoring (update(), scored()) reads only
// the bars and the indicator keys; signalFor() applies min_entry_score and position_size_by_score to
// a scored bar, whether this instance scored it or a shared stream did.
class Strategy
{
public:
    explicit Strategy(const Config& config);

    // Scores the bar and builds its signal, if any.
    const PhaseScores& update(const Bar& bar);
    const PhaseScores& scores() const { return m_scores; }
    const ScoredBar& scored() const { return m_scored; }
    bool hasSignal() const { return m_hasSignal; }
    const Signal& signal() const { return m_signal; }
    std::int64_t barsSeen() const { return m_closes.size(); }
    void reset();

    // The signal of `bar` scored as `scored`, under this instance's min_entry_score and
    // position_size_by_score (docs/strategy.md §3). False when the bar has none. `out.phases` is
    // left as it was: a ScoredBar does not carry the breakdown (update() fills it in).
    // Inline: a sweep calls it for every bar and configuration.
    inline bool signalFor(const Bar& bar, const ScoredBar& scored, Signal& out) const;

    // Takes the signal-side keys (min_entry_score, position_size_by_score) of `config`, keeping the
    // history; `config` must have the same scoreKey().
    void retune(const Config& config);

    // Size fraction for a total score, from position_size_by_score.
    inline double sizeFraction(double total) const;

    // The indicator keys: configurations with equal keys score every bar identically, so that the
    // ScoredBar stream of one serves the other. min_entry_score is not among them, but it bounds
    // which bars get their candidate worked out: a stream serves every configuration whose
    // min_entry_score is at least that of the configuration it was scored with.
    using ScoreKey = std::tuple<int, double, double, int, int>;
    static ScoreKey scoreKey(const Config& config);

private:
    double signalAtr() const;

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
    ScoredBar m_scored;
    Signal m_signal;
    bool m_hasSignal = false;
};

inline double Strategy::sizeFraction(double total) const
{
    if (total >= 8)
        return m_config.sizeTop;
    if (total >= 6)
        return m_config.sizeHigh;
    if (total >= 4)
        return m_config.sizeMid;
    return m_config.sizeLow;
}

inline bool Strategy::signalFor(const Bar& bar, const ScoredBar& scored, Signal& sig) const
{
    if (!scored.candidate() || !(scored.total >= m_config.minEntryScore))
        return false;
    sig.t = bar.t;
    sig.price = bar.close;
    sig.score = scored.total;
    // Side: with momentum, the direction of the last 10 closes; without, long.
    sig.side = (scored.flags & ScoredBar::kLong) ? Side::Long : Side::Short;
    sig.sizeFraction = sizeFraction(scored.total);
    sig.atr = scored.atr;
    const double dir = sign(sig.side);
    sig.stop = bar.close - dir * 2.0 * scored.atr;
    sig.target = bar.close + dir * 4.0 * scored.atr;
    sig.confidence = std::min(scored.total / 10.0, 1.0);
    return true;
}

} // namespace veloce
