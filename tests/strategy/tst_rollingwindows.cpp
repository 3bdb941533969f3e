// The O(1) rolling windows behind the scorer, checked against a naive recomputation of every window
// on every bar over long random sequences: > 1024 bars so the periodic exact re-summation
// (WindowSum, every 1024) and re-centring (WindowMoments, every 512) run several times, BTC-sized
// prices with tiny variance (where a plain Σx² - (Σx)²/n would lose most digits), ties for the
// extremes, and volumes with runs of zeros (the "sum is zero" decisions must be exact).
#include "strategy/ringbuffer.h"
#include "strategy/windowextremes.h"
#include "strategy/windowmoments.h"
#include "strategy/windowsum.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace veloce;

namespace {

enum class Kind
{
    RandomWalk,
    NearConstant1e5,
    Trending1e5,
    Ties,
    VolumesWithZeros,
    ZeroRuns
};

std::vector<double> makeSequence(Kind kind, int count, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> v;
    v.reserve(static_cast<std::size_t>(count));
    double walk = 30000.0;
    for (int i = 0; i < count; ++i) {
        switch (kind) {
        case Kind::RandomWalk:
            walk += (u(rng) - 0.5) * 10.0;
            v.push_back(walk);
            break;
        case Kind::NearConstant1e5:
            v.push_back(100000.0 + (u(rng) - 0.5) * 0.02); // sd ~ 0.006
            break;
        case Kind::Trending1e5:
            v.push_back(100000.0 + 0.5 * i + (u(rng) - 0.5) * 0.02); // drifts 256 between re-centrings
            break;
        case Kind::Ties:
            v.push_back(static_cast<double>(static_cast<int>(u(rng) * 5.0))); // 0..4, many equal values
            break;
        case Kind::VolumesWithZeros:
            v.push_back(u(rng) < 0.5 ? 0.0 : u(rng) * 10.0);
            break;
        case Kind::ZeroRuns:
            // Blocks of 120 zero volumes between blocks of 80 positive ones: windows of up to 50
            // values are regularly entirely zero after having held large values.
            v.push_back((i % 200) < 120 ? 0.0 : 1000.0 * u(rng) + 0.001);
            break;
        }
    }
    return v;
}

struct Naive
{
    double sum = 0;
    double absSum = 0;
    int nonZero = 0;
    double mean = 0;
    double sd = 0;
    double max = 0;
    double min = 0;
};

// Window of `length` values ending `lag` values before the newest of v[0..n).
Naive naive(const std::vector<double>& v, std::size_t n, int length, int lag)
{
    Naive r;
    const std::int64_t end = static_cast<std::int64_t>(n) - lag; // exclusive
    const std::int64_t begin = std::max<std::int64_t>(0, end - length);
    if (end <= begin)
        return r;
    r.max = -INFINITY;
    r.min = INFINITY;
    for (std::int64_t i = begin; i < end; ++i) {
        const double x = v[static_cast<std::size_t>(i)];
        r.sum += x;
        r.absSum += std::fabs(x);
        r.nonZero += x != 0.0;
        r.max = std::max(r.max, x);
        r.min = std::min(r.min, x);
    }
    const double cnt = static_cast<double>(end - begin);
    r.mean = r.sum / cnt;
    double sq = 0; // two-pass: exact enough to be the reference
    for (std::int64_t i = begin; i < end; ++i) {
        const double d = v[static_cast<std::size_t>(i)] - r.mean;
        sq += d * d;
    }
    r.sd = std::sqrt(sq / cnt);
    return r;
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestRollingWindows : public QObject
{
    Q_OBJECT
private slots:
    void ringBuffer();
    void windows_data();
    void windows();
    void resetStartsOver();
};

void TestRollingWindows::ringBuffer()
{
    // Capacity rounds up to a power of two; ago(k) is the k-th newest; size() counts every push.
    RingBuffer<double> ring(102);
    QCOMPARE(ring.capacity(), std::size_t(128));
    for (int i = 0; i < 1000; ++i) {
        ring.push(i);
        QCOMPARE(ring.size(), std::int64_t(i + 1));
        QCOMPARE(ring.ago(0), double(i));
        if (i >= 101)
            QCOMPARE(ring.ago(101), double(i - 101));
    }
    ring.clear();
    QCOMPARE(ring.size(), std::int64_t(0));
    ring.push(7);
    QCOMPARE(ring.ago(0), 7.0);
}

void TestRollingWindows::windows_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("lag");
    QTest::addColumn<int>("count");
    // Window shapes the scorer uses: squeeze/ATR (20, and config up to 1000), momentum (10), the
    // 49 volumes before the current one (49, lag 1), divergence halves (50 lag 0, 50 lag 50).
    QTest::newRow("random walk, 20") << Kind::RandomWalk << 20 << 0 << 5000;
    QTest::newRow("random walk, 10") << Kind::RandomWalk << 10 << 0 << 3000;
    QTest::newRow("random walk, 1000") << Kind::RandomWalk << 1000 << 0 << 4000;
    QTest::newRow("random walk, 2 (minimum squeeze_length)") << Kind::RandomWalk << 2 << 0 << 3000;
    QTest::newRow("1e5 +- 0.01, 20") << Kind::NearConstant1e5 << 20 << 0 << 5000;
    QTest::newRow("1e5 +- 0.01, 100") << Kind::NearConstant1e5 << 100 << 0 << 5000;
    QTest::newRow("1e5 trending, 20") << Kind::Trending1e5 << 20 << 0 << 5000;
    QTest::newRow("ties, 20") << Kind::Ties << 20 << 0 << 5000;
    QTest::newRow("ties, 7") << Kind::Ties << 7 << 0 << 3000;
    QTest::newRow("volumes with zeros, 49 lag 1") << Kind::VolumesWithZeros << 49 << 1 << 5000;
    QTest::newRow("volumes with zeros, 50 lag 50") << Kind::VolumesWithZeros << 50 << 50 << 5000;
    QTest::newRow("zero runs, 49 lag 1") << Kind::ZeroRuns << 49 << 1 << 5000;
    QTest::newRow("zero runs, 50 lag 0") << Kind::ZeroRuns << 50 << 0 << 5000;
    QTest::newRow("zero runs, 50 lag 50") << Kind::ZeroRuns << 50 << 50 << 5000;
}

void TestRollingWindows::windows()
{
    QFETCH(Kind, kind);
    QFETCH(int, length);
    QFETCH(int, lag);
    QFETCH(int, count);
    const std::vector<double> v = makeSequence(kind, count, 20251001u + static_cast<unsigned>(length));

    // Precision is judged against the magnitude of the data (a price level of 1e5 cannot give a
    // mean better than ~1e-11 absolute in doubles, whatever the method).
    double scale = 0;
    for (double x : v)
        scale = std::max(scale, std::fabs(x));

    RingBuffer<double> ring(length + lag + 2);
    WindowSum sum(ring, length, lag);
    WindowMoments moments(ring, length);
    WindowExtremes extremes(ring, length);
    int zeroWindows = 0;
    for (std::size_t n = 1; n <= v.size(); ++n) {
        ring.push(v[n - 1]);
        sum.update();
        moments.update();
        extremes.update();

        const Naive s = naive(v, n, length, lag);
        QCOMPARE(sum.nonZero(), s.nonZero);
        if (s.nonZero == 0) {
            ++zeroWindows;
            QCOMPARE(sum.sum(), 0.0); // exactly: "older half is zero" and "avg == 0" depend on it
        } else if (std::fabs(sum.sum() - s.sum) > 1e-10 * s.absSum) {
            QFAIL(qPrintable(QStringLiteral("bar %1: sum %2, naive %3")
                                 .arg(n)
                                 .arg(sum.sum(), 0, 'g', 17)
                                 .arg(s.sum, 0, 'g', 17)));
        }
        QCOMPARE(sum.full(), n >= static_cast<std::size_t>(length + lag));

        if (n < static_cast<std::size_t>(length))
            continue;
        const Naive w = naive(v, n, length, 0);
        if (extremes.max() != w.max || extremes.min() != w.min)
            QFAIL(qPrintable(QStringLiteral("bar %1: max/min %2/%3, naive %4/%5")
                                 .arg(n)
                                 .arg(extremes.max())
                                 .arg(extremes.min())
                                 .arg(w.max)
                                 .arg(w.min)));
        const bool flat = w.max == w.min;
        // Mean to 1e-12 of the data's magnitude; sd to 1e-6 relative plus 1e-11 of the magnitude
        // (1e-6 at a price of 1e5, far below a tick). An uncentred Σx²/n - mean² at 1e5 would be
        // off by ~1e-4 absolute, i.e. several percent of the sd of 0.006 in the 1e5 rows.
        if (std::fabs(moments.mean() - w.mean) > 1e-12 * scale)
            QFAIL(qPrintable(QStringLiteral("bar %1: mean %2, naive %3")
                                 .arg(n)
                                 .arg(moments.mean(), 0, 'g', 17)
                                 .arg(w.mean, 0, 'g', 17)));
        const double sd = moments.sd(flat);
        if (std::fabs(sd - w.sd) > 1e-6 * w.sd + 1e-11 * scale)
            QFAIL(qPrintable(
                QStringLiteral("bar %1: sd %2, naive %3").arg(n).arg(sd, 0, 'g', 17).arg(w.sd, 0, 'g', 17)));
        if (flat)
            QCOMPARE(sd, 0.0);
    }
    if (kind == Kind::ZeroRuns)
        QVERIFY(zeroWindows > 100); // the all-zero path really ran
}

void TestRollingWindows::resetStartsOver()
{
    // After clear() + reset() the windows know nothing of the first sequence.
    const std::vector<double> first = makeSequence(Kind::RandomWalk, 1500, 1u);
    const std::vector<double> second = makeSequence(Kind::NearConstant1e5, 2100, 2u);
    const int length = 20;
    RingBuffer<double> ring(length + 3);
    WindowSum sum(ring, length, 1);
    WindowMoments moments(ring, length);
    WindowExtremes extremes(ring, length);
    for (double x : first) {
        ring.push(x);
        sum.update();
        moments.update();
        extremes.update();
    }
    ring.clear();
    sum.reset();
    moments.reset();
    extremes.reset();
    for (std::size_t n = 1; n <= second.size(); ++n) {
        ring.push(second[n - 1]);
        sum.update();
        moments.update();
        extremes.update();
        const Naive s = naive(second, n, length, 1);
        QVERIFY(std::fabs(sum.sum() - s.sum) <= 1e-10 * s.absSum);
        if (n < static_cast<std::size_t>(length))
            continue;
        const Naive w = naive(second, n, length, 0);
        QCOMPARE(extremes.max(), w.max);
        QCOMPARE(extremes.min(), w.min);
        QVERIFY(std::fabs(moments.mean() - w.mean) <= 1e-12 * w.mean);
        QVERIFY(std::fabs(moments.sd(false) - w.sd) <= 1e-6 * w.sd + 1e-11 * w.mean);
    }
}

QTEST_GUILESS_MAIN(TestRollingWindows)
#include "tst_rollingwindows.moc"
