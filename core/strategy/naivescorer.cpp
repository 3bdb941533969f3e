#include "strategy/naivescorer.h"

#include <algorithm>
#include <cmath>

namespace veloce {

NaiveScorer::NaiveScorer(const Config& config)
    : m_config(config)
    // The squeeze ATR reads one close before its window; volume looks back 50 bars, the signal 20.
    , m_keep(static_cast<std::size_t>(std::max({ config.squeezeLength + 1, config.divergenceLookback, 50 })))
{
    m_bars.reserve(2 * m_keep);
}

double NaiveScorer::populationSd(std::int64_t from, std::int64_t to) const
{
    double mean = 0;
    for (std::int64_t i = from; i < to; ++i)
        mean += close(i);
    mean /= static_cast<double>(to - from);
    double squares = 0;
    for (std::int64_t i = from; i < to; ++i)
        squares += (close(i) - mean) * (close(i) - mean);
    return std::sqrt(squares / static_cast<double>(to - from));
}

const PhaseScores& NaiveScorer::update(const Bar& bar)
{
    // Drop the bars no window reaches any more, a block at a time (amortised O(1), no allocation).
    if (m_bars.size() == m_bars.capacity()) {
        const auto drop = static_cast<std::ptrdiff_t>(m_bars.size() - m_keep);
        m_bars.erase(m_bars.begin(), m_bars.begin() + drop);
        m_first += drop;
    }
    m_bars.push_back(bar);
    const std::int64_t n = m_first + static_cast<std::int64_t>(m_bars.size());
    PhaseScores s;

    // 1. Squeeze: Bollinger bands inside the Keltner channel, scored by how long it has lasted.
    const std::int64_t L = m_config.squeezeLength;
    if (n >= L) {
        double mean = 0, highest = -INFINITY, lowest = INFINITY, atr = 0;
        for (std::int64_t i = n - L; i < n; ++i) {
            mean += close(i);
            highest = std::max(highest, close(i));
            lowest = std::min(lowest, close(i));
            const Bar& b = at(i);
            atr += i == 0 ? b.high - b.low
                          : std::max({ b.high - b.low, std::fabs(b.high - close(i - 1)),
                              std::fabs(b.low - close(i - 1)) });
        }
        mean /= static_cast<double>(L);
        atr /= static_cast<double>(L);
        const double sd = populationSd(n - L, n);
        const double half = m_config.squeezeKeltner == KeltnerMode::Range
            ? (highest - lowest) * m_config.squeezeMultKc / 2
            : m_config.squeezeMultKc * atr;
        if (mean - m_config.squeezeMultBb * sd > mean - half
            && mean + m_config.squeezeMultBb * sd < mean + half) {
            if (!m_squeezeStart)
                m_squeezeStart = bar.t;
            s.squeeze
                = std::min(3.0, std::floor(static_cast<double>(bar.t - *m_squeezeStart) / 1000.0) / 60.0);
        } else {
            m_squeezeStart.reset();
        }
    }

    // 2. Divergence: price trend over the lookback against the volume of its newer vs older half.
    const std::int64_t D = m_config.divergenceLookback;
    if (n >= D) {
        const double priceTrend = (close(n - 1) - close(n - D)) / close(n - D);
        double older = 0, newer = 0;
        for (std::int64_t i = n - D; i < n - D / 2; ++i)
            older += volume(i);
        for (std::int64_t i = n - D / 2; i < n; ++i)
            newer += volume(i);
        const double volumeTrend = older == 0 ? 0.0 : newer / older - 1;
        if ((priceTrend > 0.01 && volumeTrend < -0.1) || (priceTrend < -0.01 && volumeTrend > 0.1))
            s.divergence = std::min(3.0, std::fabs(volumeTrend) * 10);
    }

    // 3. Reset: two 10-bar moves of over 0.5 % in opposite directions.
    if (n >= 20) {
        const double first = (close(n - 10) - close(n - 20)) / close(n - 20);
        const double second = (close(n - 1) - close(n - 10)) / close(n - 10);
        s.reset = (std::fabs(first) > 0.005 && std::fabs(second) > 0.005 && first * second < 0) ? 2 : 0;
    }

    // 4. Momentum over 10 bars, 5. volume against the average of the 49 bars before.
    if (n >= 10)
        s.momentum = std::min(1.5, std::fabs((close(n - 1) - close(n - 10)) / close(n - 10)) * 100);
    if (n >= 50) {
        double sum = 0;
        for (std::int64_t i = n - 50; i < n - 1; ++i)
            sum += volume(i);
        const double average = sum / 49, current = volume(n - 1);
        if (current > 2 * average)
            s.volume = average == 0 ? 1.5 : std::min(1.5, current / average - 1);
    }
    s.total = std::min(10.0, s.squeeze + s.divergence + s.reset + s.momentum + s.volume);
    m_scores = s;

    // Signal (§3): stop and target at 2 and 4 ATR, ATR being twice the sd of the last 20 closes.
    m_hasSignal = false;
    if (n >= 20 && s.total >= m_config.minEntryScore) {
        const double atr = 2 * populationSd(n - 20, n);
        if (atr > 0) {
            Signal& sig = m_signal;
            sig.t = bar.t;
            sig.price = bar.close;
            sig.score = s.total;
            sig.phases = s;
            sig.side = (s.momentum > 0 && close(n - 1) < close(n - 10)) ? Side::Short : Side::Long;
            const double dir = sig.side == Side::Long ? 1 : -1;
            sig.atr = atr;
            sig.stop = bar.close - dir * 2 * atr;
            sig.target = bar.close + dir * 4 * atr;
            const double t = s.total;
            sig.sizeFraction = t >= 8 ? m_config.sizeTop
                : t >= 6              ? m_config.sizeHigh
                : t >= 4              ? m_config.sizeMid
                                      : m_config.sizeLow;
            m_hasSignal = true;
        }
    }
    return m_scores;
}

} // namespace veloce
