#include "strategy/strategy.h"

#include "strategy/phaseformulas.h"

#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
// Fixed window lengths of docs/strategy.md §2-3 (only the squeeze and divergence lengths are keys).
constexpr int kAtrWindow = 20;
constexpr int kResetWindow = 20;
constexpr int kMomentumWindow = 10;
constexpr int kVolumeWindow = 50;
constexpr int kMinBarsForSignal = 20;

int historyCapacity(const Config& c)
{
    return std::max({ c.squeezeLength, c.divergenceLookback, kVolumeWindow, kAtrWindow }) + 2;
}
} // namespace

Strategy::Strategy(const Config& config)
    : m_config(config)
    , m_closes(historyCapacity(config))
    , m_volumes(historyCapacity(config))
    , m_trueRanges(historyCapacity(config))
    , m_squeezeMoments(m_closes, config.squeezeLength)
    , m_squeezeExtremes(m_closes, config.squeezeLength)
    , m_squeezeAtr(m_trueRanges, config.squeezeLength)
    , m_atrMoments(m_closes, kAtrWindow)
    , m_atrExtremes(m_closes, kAtrWindow)
    , m_divNewer(m_volumes, config.divergenceLookback / 2, 0)
    , m_divOlder(m_volumes, config.divergenceLookback / 2, config.divergenceLookback / 2)
    , m_volPrev(m_volumes, kVolumeWindow - 1, 1)
{
}

void Strategy::reset()
{
    m_closes.clear();
    m_volumes.clear();
    m_trueRanges.clear();
    m_squeezeMoments.reset();
    m_squeezeExtremes.reset();
    m_squeezeAtr.reset();
    m_atrMoments.reset();
    m_atrExtremes.reset();
    m_divNewer.reset();
    m_divOlder.reset();
    m_volPrev.reset();
    m_squeezeStart.reset();
    m_prevClose = 0;
    m_scores = {};
    m_scored = {};
    m_hasSignal = false;
}

void Strategy::retune(const Config& config)
{
    Q_ASSERT(scoreKey(config) == scoreKey(m_config));
    m_config = config;
}

const PhaseScores& Strategy::update(const Bar& bar)
{
    namespace F = PhaseFormulas;
    const bool first = m_closes.size() == 0;
    const double tr = first ? bar.high - bar.low
                            : std::max({ bar.high - bar.low, std::fabs(bar.high - m_prevClose),
                                std::fabs(bar.low - m_prevClose) });
    m_prevClose = bar.close;
    m_closes.push(bar.close);
    m_volumes.push(bar.volume());
    m_trueRanges.push(tr);
    m_squeezeMoments.update();
    m_squeezeExtremes.update();
    if (m_config.squeezeKeltner == KeltnerMode::Atr) // the range form never reads it
        m_squeezeAtr.update();
    if (m_config.squeezeLength != kAtrWindow) {
        m_atrMoments.update();
        m_atrExtremes.update();
    }
    m_divNewer.update();
    m_divOlder.update();
    m_volPrev.update();

    const std::int64_t n = m_closes.size();
    const int L = m_config.squeezeLength;
    PhaseScores s;

    // 1. Squeeze
    if (n >= L) {
        const bool flat = m_squeezeExtremes.max() == m_squeezeExtremes.min();
        const double halfWidth = m_config.squeezeKeltner == KeltnerMode::Range
            ? (m_squeezeExtremes.max() - m_squeezeExtremes.min()) * m_config.squeezeMultKc / 2.0
            : m_config.squeezeMultKc * (m_squeezeAtr.sum() / L);
        if (F::inSqueeze(
                m_squeezeMoments.mean(), m_squeezeMoments.sd(flat), m_config.squeezeMultBb, halfWidth)) {
            if (!m_squeezeStart)
                m_squeezeStart = bar.t;
            s.squeeze = F::squeezeScore(*m_squeezeStart, bar.t);
        } else {
            m_squeezeStart.reset();
        }
    }

    // 2. Divergence
    const int D = m_config.divergenceLookback;
    if (n >= D) {
        const double p0 = m_closes.ago(D - 1);
        const double pt = (bar.close - p0) / p0;
        const double vt
            = F::divergenceVolumeTrend(m_divNewer.sum(), m_divOlder.sum(), m_divOlder.nonZero() == 0);
        s.divergence = F::divergenceScore(pt, vt);
    }

    // 3. Reset
    if (n >= kResetWindow)
        s.reset = F::resetScore(m_closes.ago(19), m_closes.ago(9), m_closes.ago(0));

    // 4. Momentum
    if (n >= kMomentumWindow)
        s.momentum = F::momentumScore(m_closes.ago(kMomentumWindow - 1), bar.close);

    // 5. Volume
    if (n >= kVolumeWindow)
        s.volume
            = F::volumeScore(m_volPrev.sum() / (kVolumeWindow - 1), m_volPrev.nonZero() == 0, bar.volume());

    s.total = F::totalScore(s.squeeze, s.divergence, s.reset, s.momentum, s.volume);
    m_scores = s;

    // The candidate is worked out only where this configuration could signal: the ATR costs a
    // square root, and a shared stream is scored with the lowest min_entry_score it serves.
    ScoredBar& out = m_scored;
    out.total = s.total;
    out.atr = 0;
    out.flags = s.activeMask();
    if (n >= kMinBarsForSignal && s.total >= m_config.minEntryScore) {
        const double atr = signalAtr();
        if (atr > 0) { // zero volatility: no stop can be placed
            out.atr = atr;
            out.flags |= ScoredBar::kCandidate;
            const bool up = bar.close > m_closes.ago(kMomentumWindow - 1);
            if (s.momentum <= 0 || up)
                out.flags |= ScoredBar::kLong;
        }
    }
    m_hasSignal = signalFor(bar, m_scored, m_signal);
    if (m_hasSignal)
        m_signal.phases = m_scores;
    return m_scores;
}

double Strategy::signalAtr() const
{
    const bool sameWindow = m_config.squeezeLength == kAtrWindow;
    const WindowMoments& moments = sameWindow ? m_squeezeMoments : m_atrMoments;
    const WindowExtremes& extremes = sameWindow ? m_squeezeExtremes : m_atrExtremes;
    return 2.0 * moments.sd(extremes.max() == extremes.min());
}

Strategy::ScoreKey Strategy::scoreKey(const Config& c)
{
    // Every key update() reads besides min_entry_score (docs/strategy.md §2).
    return { c.squeezeLength, c.squeezeMultBb, c.squeezeMultKc, static_cast<int>(c.squeezeKeltner),
        c.divergenceLookback };
}

} // namespace veloce
