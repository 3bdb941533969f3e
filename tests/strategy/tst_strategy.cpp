// Strategy (docs/strategy.md §2-3) fed with bar sequences whose scores and signals are worked out by
// hand in the comments, plus a bar-by-bar comparison with NaiveScorer (core/strategy/naivescorer.h), the
// from-scratch reference, over long random data.
#include "strategy/naivescorer.h"
#include "strategy/strategy.h"
#include "testbars.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace veloce;
using TestBars::kT0;

Q_DECLARE_METATYPE(std::vector<veloce::Bar>)
Q_DECLARE_METATYPE(veloce::KeltnerMode)
Q_DECLARE_METATYPE(veloce::Side)

namespace {

using Check = std::pair<int, double>; // (bar index, expected phase score)

std::vector<PhaseScores> scoreAll(Strategy& s, const std::vector<Bar>& bars)
{
    std::vector<PhaseScores> out;
    for (const Bar& b : bars)
        out.push_back(s.update(b));
    return out;
}

std::vector<Bar> withVolumes(std::vector<Bar> bars, const std::vector<double>& volumes)
{
    for (std::size_t i = 0; i < bars.size(); ++i) {
        bars[i].vbuy = volumes[i];
        bars[i].vsell = 0;
    }
    return bars;
}

// Closes 100, 101, 100, 101, ...: every window of 20 holds ten of each, so mean = 100.5,
// population sd = 0.5 and range = 1 (all exact in binary).
std::vector<Bar> alternating(int count, std::int64_t spacingMs, double halfRange = 0.0)
{
    std::vector<Bar> out;
    for (int i = 0; i < count; ++i)
        out.push_back(TestBars::wideBar(kT0 + i * spacingMs, i % 2 == 0 ? 100.0 : 101.0, halfRange));
    return out;
}

// Random market with calm and volatile regimes, volume spikes, zero-volume runs and time gaps, so
// that every phase fires now and then.
std::vector<Bar> randomMarket(int count, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<Bar> out;
    double price = 100000.0, sigma = 1e-4;
    std::int64_t t = kT0;
    int zeroRun = 0;
    for (int i = 0; i < count; ++i) {
        if (i % 150 == 0)
            sigma = u(rng) < 0.5 ? 2e-5 : 3e-3;
        const double open = price;
        price *= std::exp(sigma * z(rng));
        Bar b;
        b.t = t;
        b.open = open;
        b.close = price;
        b.high = std::max(open, price) * (1 + std::fabs(z(rng)) * sigma * 0.5);
        b.low = std::min(open, price) * (1 - std::fabs(z(rng)) * sigma * 0.5);
        if (zeroRun == 0 && u(rng) < 0.01)
            zeroRun = 60;
        double v = zeroRun > 0 ? 0.0 : -std::log(1 - u(rng)) * (u(rng) < 0.03 ? 20.0 : 1.0);
        if (zeroRun > 0)
            --zeroRun;
        b.vbuy = v * 0.4;
        b.vsell = v * 0.6;
        out.push_back(b);
        t += u(rng) < 0.05 ? 1000 * (1 + static_cast<int>(u(rng) * 120)) : 1000;
    }
    return out;
}

} // namespace

class TestStrategy : public QObject
{
    Q_OBJECT
private slots:
    void warmup_data();
    void warmup();
    void squeezeStrict_data();
    void squeezeStrict();
    void squeezeDuration_data();
    void squeezeDuration();
    void squeezeForgetsStart();
    void keltnerModes_data();
    void keltnerModes();
    void divergence_data();
    void divergence();
    void reset_data();
    void reset();
    void momentum_data();
    void momentum();
    void volume_data();
    void volume();
    void totalCappedAt10();
    void minEntryScore_data();
    void minEntryScore();
    void zeroAtr_data();
    void zeroAtr();
    void sideStopTarget_data();
    void sideStopTarget();
    void sizeBuckets_data();
    void sizeBuckets();
    void matchesNaiveScorer_data();
    void matchesNaiveScorer();
    void resetForgetsHistory();
};

void TestStrategy::warmup_data()
{
    QTest::addColumn<int>("phase");
    QTest::addColumn<std::vector<Bar>>("bars");
    QTest::addColumn<QList<Check>>("checks");

    // Squeeze, 20 bars, 60 s apart: closes 100 x18, 101, 100, 100. Bars 0..18 already look like a
    // squeeze (one outlier), but only bar 19 has a full window: the start is bar 19 (score 0),
    // bar 20 is 60 s later (score 1). A partial-window scorer would give bar 19 a score of 1.
    {
        std::vector<double> c(21, 100.0);
        c[18] = 101;
        QTest::newRow("squeeze needs 20")
            << 0 << TestBars::fromCloses(c, 60000) << QList<Check> { { 18, 0.0 }, { 19, 0.0 }, { 20, 1.0 } };
    }
    // Divergence, D = 100: closes 100 x98 then 102, 102; volumes 10 x50 then 5 x50. At bar 98
    // (99 bars) a shorter window would already diverge; at bar 99: pt = 0.02, vt = 250/500 - 1 =
    // -0.5 -> min(3, 5) = 3.
    {
        std::vector<double> c(100, 100.0), v(100, 10.0);
        c[98] = c[99] = 102;
        std::fill(v.begin() + 50, v.end(), 5.0);
        QTest::newRow("divergence needs D")
            << 1 << withVolumes(TestBars::fromCloses(c), v) << QList<Check> { { 98, 0.0 }, { 99, 3.0 } };
    }
    // Reset, 20 bars: closes 100 x10, 101 x9, 100: a = 0.01, b = -1/101 -> 2 at bar 19 only.
    {
        std::vector<double> c(20, 100.0);
        std::fill(c.begin() + 10, c.begin() + 19, 101.0);
        QTest::newRow("reset needs 20")
            << 2 << TestBars::fromCloses(c) << QList<Check> { { 18, 0.0 }, { 19, 2.0 } };
    }
    // Momentum, 10 bars: closes 100 x8, 101, 101: bar 8 has only 9 bars; bar 9: m = 0.01 -> 1.
    {
        std::vector<double> c(10, 100.0);
        c[8] = c[9] = 101;
        QTest::newRow("momentum needs 10")
            << 3 << TestBars::fromCloses(c) << QList<Check> { { 8, 0.0 }, { 9, 1.0 } };
    }
    // Volume, 50 bars: volumes 1 x48, 10, 10. Bar 49: avg = (48 + 10) / 49 = 58/49,
    // cur 10 > 2 * 1.18 -> min(1.5, 490/58 - 1 = 7.4) = 1.5; bar 48 has only 49 bars.
    {
        std::vector<double> v(50, 1.0);
        v[48] = v[49] = 10;
        QTest::newRow("volume needs 50")
            << 4 << withVolumes(TestBars::fromCloses(std::vector<double>(50, 100.0)), v)
            << QList<Check> { { 48, 0.0 }, { 49, 1.5 } };
    }
}

void TestStrategy::warmup()
{
    QFETCH(int, phase);
    QFETCH(std::vector<Bar>, bars);
    QFETCH(QList<Check>, checks);
    Strategy s { Config() };
    const auto scores = scoreAll(s, bars);
    for (const Check& c : checks)
        QCOMPARE(scores[static_cast<std::size_t>(c.first)].phase(phase), c.second);
    // No phase scores anything before it has its bars.
    for (int i = 0; i < 9; ++i)
        QCOMPARE(scores[static_cast<std::size_t>(i)].total, 0.0);
}

void TestStrategy::squeezeStrict_data()
{
    QTest::addColumn<double>("multBb");
    QTest::addColumn<double>("multKc");
    QTest::addColumn<double>("atBar20");
    // Alternating closes, 60 s apart: sd 0.5, range 1. Bollinger half = multBb * 0.5,
    // Keltner half = 1 * multKc / 2. Equal bands are not a squeeze.
    QTest::newRow("bb 0.75 == kc 0.75") << 1.5 << 1.5 << 0.0;
    QTest::newRow("bb 0.74995 < kc 0.75") << 1.4999 << 1.5 << 1.0;
    QTest::newRow("bb 1.0 == kc 1.0") << 2.0 << 2.0 << 0.0;
    QTest::newRow("bb 1.0 < kc 1.00005") << 2.0 << 2.0001 << 1.0;
    QTest::newRow("defaults: bb 1.0 > kc 0.75") << 2.0 << 1.5 << 0.0;
}

void TestStrategy::squeezeStrict()
{
    QFETCH(double, multBb);
    QFETCH(double, multKc);
    QFETCH(double, atBar20);
    Config c;
    c.squeezeMultBb = multBb;
    c.squeezeMultKc = multKc;
    Strategy s(c);
    const auto scores = scoreAll(s, alternating(21, 60000));
    QCOMPARE(scores[19].squeeze, 0.0); // first bar of a squeeze scores 0
    QCOMPARE(scores[20].squeeze, atBar20);
}

void TestStrategy::squeezeDuration_data()
{
    QTest::addColumn<qint64>("gapMs");
    QTest::addColumn<double>("expected");
    // Alternating closes with multBb 1: bb half 0.5 < kc half 0.75, in squeeze from bar 19 on.
    // Bar 20 comes gapMs after bar 19: min(3, floor(gap / 1000) / 60).
    QTest::newRow("1 s") << qint64(1000) << 1.0 / 60.0;
    QTest::newRow("1.999 s -> 1 s") << qint64(1999) << 1.0 / 60.0;
    QTest::newRow("59.999 s -> 59 s") << qint64(59999) << 59.0 / 60.0;
    QTest::newRow("60 s") << qint64(60000) << 1.0;
    QTest::newRow("150 s") << qint64(150000) << 2.5;
    QTest::newRow("180 s") << qint64(180000) << 3.0;
    QTest::newRow("1 day + 30 s (blueprint wrapped to 0.5)") << qint64(86430000) << 3.0;
    QTest::newRow("40 days") << qint64(40LL * 86400000) << 3.0;
}

void TestStrategy::squeezeDuration()
{
    QFETCH(qint64, gapMs);
    QFETCH(double, expected);
    Config c;
    c.squeezeMultBb = 1.0;
    Strategy s(c);
    std::vector<Bar> bars = alternating(21, 1000);
    bars[20].t = bars[19].t + gapMs;
    const auto scores = scoreAll(s, bars);
    QCOMPARE(scores[19].squeeze, 0.0);
    QCOMPARE(scores[20].squeeze, expected);
}

void TestStrategy::squeezeForgetsStart()
{
    // Defaults, bars 60 s apart: closes 100 for bars 0..19, then 101. At bar i >= 20 the window
    // holds j = i - 19 closes of 101; with k = min(j, 20 - j) outliers, sd = sqrt(k(20-k)) / 20 and
    // it is a squeeze iff 2 sd < 0.75 iff k(20-k) < 56.25 iff k <= 3; j = 20 is flat (out).
    std::vector<double> c(41, 100.0);
    std::fill(c.begin() + 20, c.end(), 101.0);
    Strategy s { Config() };
    const auto scores = scoreAll(s, TestBars::fromCloses(c, 60000));
    const QList<Check> expected = {
        { 19, 0 }, // flat
        { 20, 0 }, { 21, 1 }, { 22, 2 }, // j = 1..3: starts at bar 20
        { 23, 0 }, { 30, 0 }, { 35, 0 }, // j = 4..16: out, start forgotten
        { 36, 0 }, { 37, 1 }, { 38, 2 }, // j = 17..19: a new squeeze starts at bar 36, not 20
        { 39, 0 }, { 40, 0 }, // flat
    };
    for (const Check& e : expected)
        QCOMPARE(scores[static_cast<std::size_t>(e.first)].squeeze, e.second);
}

void TestStrategy::keltnerModes_data()
{
    QTest::addColumn<KeltnerMode>("mode");
    QTest::addColumn<std::vector<Bar>>("bars");
    QTest::addColumn<QList<double>>("scores19to21");

    // Alternating closes 100/101, bars 60 s apart with high/low = close +- 0.5. sd 0.5 -> bb half 1.
    // Range: kc half 1 * 1.5 / 2 = 0.75 < 1 -> never a squeeze.
    // ATR: true range of bar 0 = 1; later bars max(1, |high - prev close| = 1.5, ...) = 1.5.
    //   Bar 19: atr_L = (1 + 19 * 1.5) / 20 = 1.475, kc half 2.2125 > 1 -> starts (0);
    //   bar 20: atr_L = 1.5, kc 2.25 -> 60 s (1); bar 21 -> 120 s (2).
    const std::vector<Bar> twoLevel = alternating(22, 60000, 0.5);
    QTest::newRow("two-level wide bars, range")
        << KeltnerMode::Range << twoLevel << QList<double> { 0, 0, 0 };
    QTest::newRow("two-level wide bars, atr") << KeltnerMode::Atr << twoLevel << QList<double> { 0, 1, 2 };

    // Closes 100 with a single 101 at bar 10 (every 20-bar window up to bar 29 holds it), bars 60 s
    // apart with high/low = close +- 0.05. sd = sqrt(19)/20 = 0.218 -> bb half 0.436.
    // Range: kc half 0.75 -> a squeeze from bar 19 on.
    // ATR: true ranges 0.1, except bar 10 (|101.05 - 100| = 1.05) and bar 11 (|99.95 - 101| = 1.05):
    //   atr_L = (18 * 0.1 + 2 * 1.05) / 20 = 0.195, kc half 0.2925 < 0.436 -> no squeeze.
    std::vector<Bar> spike;
    for (int i = 0; i < 22; ++i)
        spike.push_back(TestBars::wideBar(kT0 + i * 60000, i == 10 ? 101.0 : 100.0, 0.05));
    QTest::newRow("one spike, narrow bars, range")
        << KeltnerMode::Range << spike << QList<double> { 0, 1, 2 };
    QTest::newRow("one spike, narrow bars, atr") << KeltnerMode::Atr << spike << QList<double> { 0, 0, 0 };

    // Flat closes but wide bars (high/low = 100 +- 0.2): sd 0, range 0. Range: bands equal -> out.
    // ATR: kc half 1.5 * 0.4 = 0.6 > 0 -> in.
    std::vector<Bar> flatWide;
    for (int i = 0; i < 22; ++i)
        flatWide.push_back(TestBars::wideBar(kT0 + i * 60000, 100.0, 0.2));
    QTest::newRow("flat closes, wide bars, range")
        << KeltnerMode::Range << flatWide << QList<double> { 0, 0, 0 };
    QTest::newRow("flat closes, wide bars, atr") << KeltnerMode::Atr << flatWide << QList<double> { 0, 1, 2 };

    // Flat closes; only bar 0 (high/low 100 +- 0.5) and bar 20 (+- 0.1) have a range. The first
    // bar's true range is high - low = 1: at bar 19 atr_L = 1 / 20 = 0.05 > 0 -> in (start);
    // bar 20: true range 0.2 -> in (60 s -> 1); bar 21 still holds bar 20 -> 2. Treating the first
    // bar's true range as 0 would start the squeeze only at bar 20.
    std::vector<Bar> firstBar;
    for (int i = 0; i < 22; ++i)
        firstBar.push_back(TestBars::wideBar(kT0 + i * 60000, 100.0, i == 0 ? 0.5 : (i == 20 ? 0.1 : 0.0)));
    QTest::newRow("first bar's true range, atr") << KeltnerMode::Atr << firstBar << QList<double> { 0, 1, 2 };
    QTest::newRow("first bar's true range, range")
        << KeltnerMode::Range << firstBar << QList<double> { 0, 0, 0 };
}

void TestStrategy::keltnerModes()
{
    QFETCH(KeltnerMode, mode);
    QFETCH(std::vector<Bar>, bars);
    QFETCH(QList<double>, scores19to21);
    Config c;
    c.squeezeKeltner = mode;
    Strategy s(c);
    const auto scores = scoreAll(s, bars);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(scores[static_cast<std::size_t>(19 + i)].squeeze, scores19to21[i]);
}

void TestStrategy::divergence_data()
{
    QTest::addColumn<int>("lookback");
    QTest::addColumn<int>("before");
    QTest::addColumn<double>("lastClose");
    QTest::addColumn<double>("olderVolume");
    QTest::addColumn<double>("newerVolume");
    QTest::addColumn<double>("expected");
    // `before` bars (close 100, volume 1000: outside the window, must not count), then D bars:
    // closes 100 except the last, volumes olderVolume for the first D/2 and newerVolume after.
    // Older bars are 25 % taker-buy, newer ones 75 % (exact in binary), so reading only one side
    // would change vt. pt = (last - 100) / 100, vt = newer / older - 1.
    QTest::newRow("up 2%, volume halved -> min(3, 5)") << 100 << 0 << 102.0 << 10.0 << 5.0 << 3.0;
    QTest::newRow("up 2%, volume -20% -> 2") << 100 << 0 << 102.0 << 10.0 << 8.0 << 2.0;
    QTest::newRow("down 2%, volume +20% -> 2") << 100 << 0 << 98.0 << 5.0 << 6.0 << 2.0;
    QTest::newRow("down 3%, volume +12.5% -> 1.25") << 100 << 0 << 97.0 << 8.0 << 9.0 << 1.25;
    QTest::newRow("pt exactly +0.01 -> 0") << 100 << 0 << 101.0 << 10.0 << 5.0 << 0.0;
    QTest::newRow("pt exactly -0.01 -> 0") << 100 << 0 << 99.0 << 5.0 << 10.0 << 0.0;
    // 450 / 500 - 1 = -0.1 (in doubles -0.09999999999999998): not < -0.1.
    QTest::newRow("vt exactly -0.1 -> 0") << 100 << 0 << 102.0 << 10.0 << 9.0 << 0.0;
    QTest::newRow("up with rising volume -> 0") << 100 << 0 << 102.0 << 5.0 << 10.0 << 0.0;
    QTest::newRow("older half zero volume, up -> vt 0 -> 0") << 100 << 0 << 102.0 << 0.0 << 5.0 << 0.0;
    QTest::newRow("older half zero volume, down -> vt 0 -> 0") << 100 << 0 << 98.0 << 0.0 << 5.0 << 0.0;
    QTest::newRow("window slides past heavy older bars") << 100 << 37 << 102.0 << 10.0 << 5.0 << 3.0;
    QTest::newRow("D 10") << 10 << 0 << 102.0 << 10.0 << 5.0 << 3.0;
    QTest::newRow("D 10, after 55 bars") << 10 << 55 << 98.0 << 5.0 << 6.0 << 2.0;
}

void TestStrategy::divergence()
{
    QFETCH(int, lookback);
    QFETCH(int, before);
    QFETCH(double, lastClose);
    QFETCH(double, olderVolume);
    QFETCH(double, newerVolume);
    QFETCH(double, expected);
    std::vector<Bar> bars;
    for (int i = 0; i < before + lookback; ++i) {
        const int k = i - before; // index inside the window, < 0 before it
        const double v = k < 0 ? 1000.0 : (k < lookback / 2 ? olderVolume : newerVolume);
        const double buyShare = k < lookback / 2 ? 0.25 : 0.75;
        bars.push_back(TestBars::bar(
            kT0 + i * 1000, k == lookback - 1 ? lastClose : 100.0, buyShare * v, (1 - buyShare) * v));
    }
    Config c;
    c.divergenceLookback = lookback;
    Strategy s(c);
    const auto scores = scoreAll(s, bars);
    QCOMPARE(scores.back().divergence, expected);
}

void TestStrategy::reset_data()
{
    QTest::addColumn<std::vector<double>>("closes");
    QTest::addColumn<double>("expected");
    // The last 20 closes r[0..19]: a = (r[10] - r[0]) / r[0], b = (r[19] - r[10]) / r[10].
    // 21 closes; the first one lies outside the window. Every close next to r[0] and r[10]
    // is chosen so that reading a neighbour instead would give a = 0:
    // [101 | r0 = 100, 101, 100 x8, r10 = 101, 100 x8, r19 = 100] -> a = 0.01, b = -1/101 -> 2.
    std::vector<double> idx = { 101, 100, 101, 100, 100, 100, 100, 100, 100, 100, 100, 101, 100, 100, 100,
        100, 100, 100, 100, 100, 100 };
    QTest::newRow("window indices r0, r10, r19") << idx << 2.0;
    auto make = [](double r0, double r10, double r19) {
        std::vector<double> c(20, r0);
        std::fill(c.begin() + 10, c.end(), r10);
        c[19] = r19;
        return c;
    };
    QTest::newRow("down 1%, up 1.01%") << make(100, 99, 100) << 2.0;
    QTest::newRow("a exactly +0.005") << make(100, 100.5, 99) << 0.0;
    QTest::newRow("a exactly -0.005") << make(100, 99.5, 101) << 0.0;
    QTest::newRow("b exactly -0.005") << make(100, 200, 199) << 0.0;
    QTest::newRow("b exactly +0.005") << make(200, 100, 100.5) << 0.0;
    QTest::newRow("b -0.0055") << make(100, 200, 198.9) << 2.0;
    QTest::newRow("same direction") << make(100, 101, 102) << 0.0;
}

void TestStrategy::reset()
{
    QFETCH(std::vector<double>, closes);
    QFETCH(double, expected);
    Strategy s { Config() };
    QCOMPARE(scoreAll(s, TestBars::fromCloses(closes)).back().reset, expected);
}

void TestStrategy::momentum_data()
{
    QTest::addColumn<std::vector<double>>("closes");
    QTest::addColumn<double>("expected");
    // p[0] is 9 bars back: [101 | p0 = 100, 101 x8, p = 101] -> 0.01 * 100 = 1; reading 10 or 8
    // bars back would see 101 -> 0.
    QTest::newRow("window index p0") << std::vector<double> { 101, 100, 101, 101, 101, 101, 101, 101, 101,
        101, 101 } << 1.0;
    QTest::newRow("+0.5%") << std::vector<double> { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100.5 }
                           << 0.5;
    QTest::newRow("+3% -> cap 1.5") << std::vector<double> { 100, 100, 100, 100, 100, 100, 100, 100, 100,
        103 } << 1.5;
    QTest::newRow("-2% -> cap 1.5") << std::vector<double> { 100, 101, 102, 103, 104, 104, 103, 102, 101, 98 }
                                    << 1.5;
    QTest::newRow("round trip -> 0") << std::vector<double> { 100, 101, 102, 103, 104, 104, 103, 102, 101,
        100 } << 0.0;
}

void TestStrategy::momentum()
{
    QFETCH(std::vector<double>, closes);
    QFETCH(double, expected);
    Strategy s { Config() };
    QCOMPARE(scoreAll(s, TestBars::fromCloses(closes)).back().momentum, expected);
}

void TestStrategy::volume_data()
{
    QTest::addColumn<std::vector<double>>("volumes");
    QTest::addColumn<double>("expected");
    auto make = [](std::size_t count, double first, double rest, double last) {
        std::vector<double> v(count, rest);
        v.front() = first;
        v.back() = last;
        return v;
    };
    // Over the last 50 volumes: avg = mean of the first 49, cur = the last.
    QTest::newRow("avg 2, cur 5 -> 1.5") << make(50, 2, 2, 5) << 1.5;
    QTest::newRow("avg 2, cur exactly 4 -> 0") << make(50, 2, 2, 4) << 0.0;
    // avg 1, cur 2.2 -> 1.2. Averaging all 50 (current included) would give 2.2 / 1.024 - 1 = 1.15.
    QTest::newRow("avg excludes the current bar") << make(50, 1, 1, 2.2) << 1.2;
    QTest::newRow("zero current volume") << make(50, 2, 2, 0) << 0.0;
    QTest::newRow("avg 0, cur 1 -> 1.5") << make(50, 0, 0, 1) << 1.5;
    QTest::newRow("avg 0, cur 0 -> 0") << make(50, 0, 0, 0) << 0.0;
    // 51 volumes: the first (1000) is 50 bars back, outside the window, so avg is still 0.
    QTest::newRow("old volume left the window, avg 0") << make(51, 1000, 0, 1) << 1.5;
    // 51 volumes [1000 | 0, 1 x48, 2.1]: avg 48/49, cur 2.1 -> 2.1 * 49 / 48 - 1 = 1.14375.
    // (With the 1000 in the window: 0; averaging the current bar too: 2.1 / 1.002 - 1 = 1.096.)
    std::vector<double> exact = make(51, 1000, 1, 2.1);
    exact[1] = 0;
    QTest::newRow("avg over exactly the previous 49") << exact << 2.1 * 49.0 / 48.0 - 1.0;
}

void TestStrategy::volume()
{
    QFETCH(std::vector<double>, volumes);
    QFETCH(double, expected);
    const std::vector<Bar> bars
        = withVolumes(TestBars::fromCloses(std::vector<double>(volumes.size(), 100.0)), volumes);
    Strategy s { Config() };
    QCOMPARE(scoreAll(s, bars).back().volume, expected);
}

void TestStrategy::totalCappedAt10()
{
    // TestBars::reversal(120, 102, 90 s, last volume 50) with divergence_lookback 10, at bar N:
    // squeeze: started at N-2, 180 s -> 3; reset 2; momentum 1.5;
    // divergence: pt = (100 - 102) / 102 = -0.0196, older volumes (N-9..N-5) 5, newer (N-4..N)
    //   4 + 50 = 54 -> vt = 9.8 -> 3; volume: avg 1, cur 50 -> 1.5. Sum 11 -> total 10.
    Config c;
    c.divergenceLookback = 10;
    Strategy s(c);
    const auto bars = TestBars::reversal(120, 102, 90000, 50);
    const PhaseScores last = scoreAll(s, bars).back();
    QCOMPARE(last.squeeze, 3.0);
    QCOMPARE(last.divergence, 3.0);
    QCOMPARE(last.reset, 2.0);
    QCOMPARE(last.momentum, 1.5);
    QCOMPARE(last.volume, 1.5);
    QCOMPARE(last.total, 10.0);
    QVERIFY(s.hasSignal());
    const Signal& sig = s.signal();
    QCOMPARE(sig.score, 10.0);
    QCOMPARE(sig.confidence, 1.0);
    QCOMPARE(sig.sizeFraction, 1.5); // "8+"
    QCOMPARE(sig.side, Side::Short);
    QCOMPARE(sig.t, bars.back().t);
    QCOMPARE(sig.price, 100.0);
}

void TestStrategy::minEntryScore_data()
{
    QTest::addColumn<qint64>("spacingMs");
    QTest::addColumn<double>("minEntry");
    QTest::addColumn<bool>("signal");
    QTest::addColumn<double>("size");
    // TestBars::reversal(120, 102, spacing): at N squeeze = floor(2 * spacing / 1000) / 60,
    // reset 2, momentum 1.5, divergence 0 (pt 0 over 100 bars), volume 0.
    // 15 s: 0.5 + 2 + 1.5 = 4.0 exactly (sums of binary fractions).
    QTest::newRow("total exactly 4.0 >= 4.0") << qint64(15000) << 4.0 << true << 0.5;
    QTest::newRow("total 4.0 < 4.0000001") << qint64(15000) << 4.0000001 << false << 0.0;
    QTest::newRow("14 s: 28/60 + 3.5 = 3.967 < 4") << qint64(14000) << 4.0 << false << 0.0;
    QTest::newRow("90 s: 3 + 3.5 = 6.5 >= 6.5 -> 6-7 bucket") << qint64(90000) << 6.5 << true << 1.0;
}

void TestStrategy::minEntryScore()
{
    QFETCH(qint64, spacingMs);
    QFETCH(double, minEntry);
    QFETCH(bool, signal);
    QFETCH(double, size);
    Config c;
    c.minEntryScore = minEntry;
    Strategy s(c);
    const auto bars = TestBars::reversal(120, 102, spacingMs);
    int signalCount = 0;
    for (const Bar& b : bars) {
        s.update(b);
        signalCount += s.hasSignal();
    }
    // The only bar that can reach the threshold is the last (see TestBars::reversal).
    QCOMPARE(signalCount, signal ? 1 : 0);
    QCOMPARE(s.hasSignal(), signal);
    if (signal) {
        QCOMPARE(s.signal().score, minEntry);
        QCOMPARE(s.signal().sizeFraction, size);
    }
}

void TestStrategy::zeroAtr_data()
{
    QTest::addColumn<std::vector<double>>("closes");
    QTest::addColumn<bool>("signal");
    // min_entry_score 1, last volume 50 after 49 of 1 -> volume score 1.5 >= 1 on the last bar.
    std::vector<double> flat(60, 100.0);
    QTest::newRow("flat prices: atr 0 -> no signal") << flat << false;
    // 100 x30 then 100.1 (or 103.7) x30: the last 20 closes are equal, but a rolling
    // Σd² / n - mean² over their binary deviations from 100 leaves ~1e-18 of variance; the ATR
    // must still be exactly 0 (no stop 1e-9 away from the price).
    for (double level : { 100.1, 103.7 }) {
        std::vector<double> flatAfterMove(60, 100.0);
        std::fill(flatAfterMove.begin() + 30, flatAfterMove.end(), level);
        QTest::addRow("flat at %g after a move -> no signal", level) << flatAfterMove << false;
    }
    std::vector<double> tiny = flat;
    tiny.back() = 100.01; // atr = 2 * 0.01 * sqrt(19) / 20 > 0
    QTest::newRow("tiny move -> signal") << tiny << true;
}

void TestStrategy::zeroAtr()
{
    QFETCH(std::vector<double>, closes);
    QFETCH(bool, signal);
    std::vector<double> v(closes.size(), 1.0);
    v.back() = 50;
    Config c;
    c.minEntryScore = 1.0;
    Strategy s(c);
    const PhaseScores last = scoreAll(s, withVolumes(TestBars::fromCloses(closes), v)).back();
    QVERIFY(last.total >= 1.5); // the score alone would emit a signal
    QCOMPARE(s.hasSignal(), signal);
    if (signal) {
        // 100.01 - 100 is 0.01 only to ~5e-13 in binary: compare to 1e-9.
        const double atr = 2 * 0.01 * std::sqrt(19.0) / 20.0;
        QVERIFY(std::fabs(s.signal().atr - atr) <= 1e-9 * atr);
    }
}

void TestStrategy::sideStopTarget_data()
{
    QTest::addColumn<std::vector<Bar>>("bars");
    QTest::addColumn<double>("minEntry");
    QTest::addColumn<Side>("side");
    QTest::addColumn<double>("atr");
    QTest::addColumn<double>("stop");
    QTest::addColumn<double>("target");
    // 59 closes of 100 (volume 1) then the last close (volume 50, volume score 1.5); min entry 1.
    auto tail = [](double last, int dipAt = -1, double dip = 0) {
        std::vector<double> c(60, 100.0), v(60, 1.0);
        c.back() = last;
        if (dipAt >= 0)
            c[static_cast<std::size_t>(dipAt)] = dip;
        v.back() = 50;
        return withVolumes(TestBars::fromCloses(c), v);
    };
    // Window {100 x19, 100.5}: variance (19 * 0.025^2 + 0.475^2) / 20 = 0.011875, atr = 2 sd =
    // sqrt(0.0475). Rising -> LONG: stop = 100.5 - 2 atr, target = 100.5 + 4 atr.
    const double a1 = std::sqrt(0.0475);
    QTest::newRow("rising -> LONG") << tail(100.5) << 1.0 << Side::Long << a1 << 100.5 - 2 * a1
                                    << 100.5 + 4 * a1;
    // Mirror: falling -> SHORT: stop above, target below.
    QTest::newRow("falling -> SHORT")
        << tail(99.5) << 1.0 << Side::Short << a1 << 99.5 + 2 * a1 << 99.5 - 4 * a1;
    // Momentum 0 (p = p0 = 100) with a dip to 99 four bars back -> LONG. Window {100 x19, 99}:
    // variance (19 * 0.05^2 + 0.95^2) / 20 = 0.0475, atr = 2 sqrt(0.0475) = sqrt(0.19).
    const double a2 = std::sqrt(0.19);
    QTest::newRow("momentum 0 -> LONG")
        << tail(100, 55, 99) << 1.0 << Side::Long << a2 << 100 - 2 * a2 << 100 + 4 * a2;
    // The reversal patterns (15 s, total 4.0): window {100, mid x18, 100}, sd 0.6, atr 1.2.
    QTest::newRow("reversal from 102 -> SHORT")
        << TestBars::reversal(120, 102, 15000) << 4.0 << Side::Short << 1.2 << 102.4 << 95.2;
    QTest::newRow("reversal from 98 -> LONG")
        << TestBars::reversal(120, 98, 15000) << 4.0 << Side::Long << 1.2 << 97.6 << 104.8;
}

void TestStrategy::sideStopTarget()
{
    QFETCH(std::vector<Bar>, bars);
    QFETCH(double, minEntry);
    QFETCH(Side, side);
    QFETCH(double, atr);
    QFETCH(double, stop);
    QFETCH(double, target);
    Config c;
    c.minEntryScore = minEntry;
    Strategy s(c);
    const PhaseScores last = scoreAll(s, bars).back();
    QVERIFY(s.hasSignal());
    const Signal& sig = s.signal();
    QCOMPARE(sig.side, side);
    QCOMPARE(sig.price, bars.back().close);
    QCOMPARE(sig.t, bars.back().t);
    QCOMPARE(sig.atr, atr);
    QCOMPARE(sig.stop, stop);
    QCOMPARE(sig.target, target);
    QCOMPARE(sig.confidence, last.total / 10.0);
    QCOMPARE(sig.phases.total, last.total);
    QCOMPARE(sig.phases.momentum, last.momentum);
}

void TestStrategy::sizeBuckets_data()
{
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("fraction");
    // Distinct bucket values (0-3.9: 0.05, 4-5: 0.5, 6-7: 1.0, 8+: 1.5) so each boundary shows.
    QTest::newRow("0") << 0.0 << 0.05;
    QTest::newRow("3.99") << 3.99 << 0.05;
    QTest::newRow("4") << 4.0 << 0.5;
    QTest::newRow("5.99") << 5.99 << 0.5;
    QTest::newRow("6") << 6.0 << 1.0;
    QTest::newRow("7.99") << 7.99 << 1.0;
    QTest::newRow("8") << 8.0 << 1.5;
    QTest::newRow("10") << 10.0 << 1.5;
}

void TestStrategy::sizeBuckets()
{
    QFETCH(double, total);
    QFETCH(double, fraction);
    Config c;
    c.sizeLow = 0.05;
    Strategy s(c);
    QCOMPARE(s.sizeFraction(total), fraction);
}

void TestStrategy::matchesNaiveScorer_data()
{
    QTest::addColumn<KeltnerMode>("mode");
    QTest::addColumn<int>("squeezeLength");
    QTest::addColumn<int>("lookback");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("defaults") << KeltnerMode::Range << 20 << 100 << 1u;
    QTest::newRow("atr keltner") << KeltnerMode::Atr << 20 << 100 << 2u;
    QTest::newRow("atr, squeeze 30, D 20") << KeltnerMode::Atr << 30 << 20 << 3u;
    QTest::newRow("range, squeeze 12, D 250") << KeltnerMode::Range << 12 << 250 << 4u;
}

void TestStrategy::matchesNaiveScorer()
{
    // 4000 random bars (past every re-summation/re-centring period); every phase, total and
    // signal must match the from-scratch scorer on every bar.
    QFETCH(KeltnerMode, mode);
    QFETCH(int, squeezeLength);
    QFETCH(int, lookback);
    QFETCH(unsigned, seed);
    Config c;
    c.squeezeKeltner = mode;
    c.squeezeLength = squeezeLength;
    c.divergenceLookback = lookback;
    c.minEntryScore = 3.0;
    c.sizeLow = 0.25;
    Strategy s(c);
    NaiveScorer ref(c);
    int active[5] = { 0, 0, 0, 0, 0 };
    int signalCount = 0;
    const auto bars = randomMarket(4000, seed);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const PhaseScores got = s.update(bars[i]);
        const PhaseScores want = ref.update(bars[i]);
        for (int p = 0; p < 5; ++p) {
            if (std::fabs(got.phase(p) - want.phase(p)) > 1e-9)
                QFAIL(qPrintable(QStringLiteral("bar %1 phase %2: %3, naive %4")
                                     .arg(i)
                                     .arg(p)
                                     .arg(got.phase(p))
                                     .arg(want.phase(p))));
            active[p] += got.phase(p) > 0;
        }
        QVERIFY(std::fabs(got.total - want.total) <= 1e-9);
        if (s.hasSignal() != ref.hasSignal())
            QFAIL(qPrintable(QStringLiteral("bar %1: signal %2, naive %3")
                                 .arg(i)
                                 .arg(s.hasSignal())
                                 .arg(ref.hasSignal())));
        if (ref.hasSignal()) {
            ++signalCount;
            const Signal& sig = s.signal();
            const Signal& naive = ref.signal();
            QCOMPARE(sig.t, naive.t);
            QCOMPARE(sig.side, naive.side);
            QVERIFY(std::fabs(sig.stop - naive.stop) <= 1e-9 * naive.stop);
            QVERIFY(std::fabs(sig.target - naive.target) <= 1e-9 * naive.target);
            QCOMPARE(sig.sizeFraction, naive.sizeFraction);
        }
    }
    for (int p = 0; p < 5; ++p)
        QVERIFY2(active[p] > 0, kPhaseKeys[p]); // the comparison exercised every phase
    QVERIFY(signalCount > 10);
}

void TestStrategy::resetForgetsHistory()
{
    // After reset() the strategy scores a new stream exactly like a fresh one.
    Strategy used { Config() };
    scoreAll(used, randomMarket(1500, 7u));
    used.reset();
    QCOMPARE(used.barsSeen(), std::int64_t(0));
    QVERIFY(!used.hasSignal());
    Strategy fresh { Config() };
    for (const Bar& b : randomMarket(1300, 8u)) {
        const PhaseScores a = used.update(b);
        const PhaseScores f = fresh.update(b);
        for (int p = 0; p < 5; ++p)
            QCOMPARE(a.phase(p), f.phase(p));
        QCOMPARE(used.hasSignal(), fresh.hasSignal());
    }
}

QTEST_GUILESS_MAIN(TestStrategy)
#include "tst_strategy.moc"
