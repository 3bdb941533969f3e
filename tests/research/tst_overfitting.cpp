// The overfitting statistics against cases worked out by hand (docs/research.md §5):
// - the deflated Sharpe ratio (Bailey & López de Prado 2014) with the formula written out here
//   independently (Φ from erfc, Φ⁻¹ by bisection), including the paper's numerical example;
// - the PBO by CSCV (Bailey, Borwein, López de Prado & Zhu 2017) on a 3-configuration, 4-block
//   matrix whose six splits are enumerated by hand in the comments;
// - the per-minute return sums a run collects, against the same sums taken directly.
#include "research/backtestoverfitting.h"
#include "research/deflatedsharpe.h"
#include "research/normaldistribution.h"
#include "research/returncollector.h"

#include <QTest>
#include <bit>
#include <cmath>
#include <numbers>

using namespace veloce;

namespace {

double phi(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// Φ⁻¹ by bisection on Φ: slow, obviously right. The upper half by symmetry (1 - p is exact
// there), where Φ itself cannot resolve 1 - 1e-12 from its neighbours.
double phiInverse(double p)
{
    if (p > 0.5)
        return -phiInverse(1 - p);
    double lo = -40, hi = 40;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (phi(mid) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

// The deflated Sharpe ratio, term by term from the paper.
double dsrByHand(double sr, double T, double skew, double kurt, double N, double V)
{
    const double gamma = 0.5772156649015329;
    const double sr0 = std::sqrt(V)
        * ((1 - gamma) * phiInverse(1 - 1 / N) + gamma * phiInverse(1 - 1 / (N * std::numbers::e)));
    return phi((sr - sr0) * std::sqrt(T - 1) / std::sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr));
}

} // namespace

class TestOverfitting : public QObject
{
    Q_OBJECT

private slots:
    void normalQuantileIsExact_data();
    void normalQuantileIsExact();
    void deflatedSharpeOfThePapersExample();
    void deflatedSharpeMatchesTheFormula_data();
    void deflatedSharpeMatchesTheFormula();
    void deflatedSharpeEdgeCases();
    void pboOfAHandEnumeratedMatrix();
    void pboOfADominantConfigurationIsZero();
    void pboIsUndefinedWithoutData();
    void pboDoesNotDependOnThreads_data();
    void pboDoesNotDependOnThreads();
    void collectedReturnsEqualTheMatrix();
    void momentsOfReturns();
};

void TestOverfitting::normalQuantileIsExact_data()
{
    QTest::addColumn<double>("p");
    for (const double p :
        { 1e-12, 1e-6, 0.001, 0.02425, 0.025, 0.3, 0.5, 0.8, 0.975, 0.99, 0.999999, 1 - 1e-12 })
        QTest::addRow("%g", p) << p;
}

void TestOverfitting::normalQuantileIsExact()
{
    QFETCH(double, p);
    const double x = NormalDistribution::quantile(p);
    QVERIFY2(std::fabs(x - phiInverse(p)) <= 1e-12 * std::max(1.0, std::fabs(x)),
        qPrintable(QStringLiteral("%1 vs %2").arg(x, 0, 'g', 17).arg(phiInverse(p), 0, 'g', 17)));
    QVERIFY(std::fabs(NormalDistribution::cdf(x) - p) <= 1e-14 + 1e-12 * p);
}

void TestOverfitting::deflatedSharpeOfThePapersExample()
{
    // Bailey & López de Prado (2014), "A numerical example": an annualised Sharpe ratio of 2.5 picked
    // from N = 100 trials whose annualised Sharpe ratios have variance 1/2, over T = 1250 daily
    // returns with skewness -3 and kurtosis 10. Per day (250 a year): SR = 2.5 / sqrt(250) =
    // 0.158114, V = 0.5 / 250 = 0.002, so
    //   SR0 = sqrt(0.002) (0.4228 Φ⁻¹(0.99) + 0.5772 Φ⁻¹(1 - 1/(100 e))) = 0.04472 * 2.5318 = 0.1132
    //   DSR = Φ((0.158114 - 0.1132) sqrt(1249) / sqrt(1 + 3 * 0.158114 + 9/4 * 0.158114²))
    //       = Φ(1.5866 / 1.2372) = Φ(1.2824) = 0.900 (the paper rounds its way to 0.9004).
    const double sr = 2.5 / std::sqrt(250.0);
    const DeflatedSharpe d = DeflatedSharpe::compute(sr, 1250, -3, 10, 100, 0.5 / 250);
    QVERIFY(std::fabs(d.benchmark - 0.1132) < 1e-4);
    QVERIFY(d.probability);
    QVERIFY2(std::fabs(*d.probability - 0.9002) < 5e-4, qPrintable(QString::number(*d.probability, 'g', 10)));
    QVERIFY(std::fabs(*d.probability - dsrByHand(sr, 1250, -3, 10, 100, 0.002)) < 1e-12);
}

void TestOverfitting::deflatedSharpeMatchesTheFormula_data()
{
    QTest::addColumn<double>("sr");
    QTest::addColumn<int>("T");
    QTest::addColumn<double>("skew");
    QTest::addColumn<double>("kurt");
    QTest::addColumn<int>("N");
    QTest::addColumn<double>("V");
    QTest::newRow("normal returns, 10 trials") << 0.05 << 5000 << 0.0 << 3.0 << 10 << 1e-4;
    QTest::newRow("fat tails, 1000 trials") << 0.02 << 100000 << -0.5 << 12.0 << 1000 << 4e-6;
    QTest::newRow("below the benchmark") << 0.001 << 2000 << 0.2 << 4.0 << 500 << 1e-4;
    QTest::newRow("2 trials") << 0.1 << 300 << 0.0 << 3.0 << 2 << 0.01;
}

void TestOverfitting::deflatedSharpeMatchesTheFormula()
{
    QFETCH(double, sr);
    QFETCH(int, T);
    QFETCH(double, skew);
    QFETCH(double, kurt);
    QFETCH(int, N);
    QFETCH(double, V);
    const DeflatedSharpe d = DeflatedSharpe::compute(sr, T, skew, kurt, N, V);
    QVERIFY(d.probability);
    const double want = dsrByHand(sr, T, skew, kurt, N, V);
    QVERIFY2(std::fabs(*d.probability - want) < 1e-12,
        qPrintable(QStringLiteral("%1 vs %2").arg(*d.probability, 0, 'g', 17).arg(want, 0, 'g', 17)));
}

void TestOverfitting::deflatedSharpeEdgeCases()
{
    // One trial, or no spread between trials: nothing was selected, the benchmark is 0 (PSR(0)).
    const DeflatedSharpe one = DeflatedSharpe::compute(0.05, 1000, 0, 3, 1, 0.01);
    QCOMPARE(one.benchmark, 0.0);
    QVERIFY(std::fabs(*one.probability - phi(0.05 * std::sqrt(999.0) / std::sqrt(1 + 0.5 * 0.05 * 0.05)))
        < 1e-14);
    QCOMPARE(DeflatedSharpe::compute(0.05, 1000, 0, 3, 50, 0).benchmark, 0.0);
    // Too few returns, or a non-positive variance term: undefined, not a made-up number.
    QVERIFY(!DeflatedSharpe::compute(0.05, 1, 0, 3, 10, 0.01).probability);
    QVERIFY(!DeflatedSharpe::compute(1.0, 1000, 5, 3, 10, 0.01).probability); // 1 - 5 + 0.5 < 0
    // Sample variance (N - 1): 1, 2, 3, 4 -> mean 2.5, Σ (x - 2.5)² = 5, / 3.
    QCOMPARE(DeflatedSharpe::variance({ 1, 2, 3, 4 }), 5.0 / 3.0);
    QCOMPARE(DeflatedSharpe::variance({ 7 }), 0.0);
}

void TestOverfitting::pboOfAHandEnumeratedMatrix()
{
    // Three configurations, four blocks of two equal returns each (block means, in thousandths):
    //   A: 4, 2, -1, -3      B: -3, -2, 2, 5      C: 0.5, 1.5, 1, 0
    // A half of two blocks with means m1, m2 has mean (m1 + m2) / 2 and sd |m1 - m2| / sqrt(3)
    // (four returns, ddof 1), so its Sharpe ratio is sqrt(3)/2 * (m1 + m2) / |m1 - m2|. The ratio
    // (m1 + m2) / |m1 - m2| per half:
    //   blocks  A      B      C
    //   1+2     3     -5      2
    //   1+3     0.6   -0.2    3
    //   1+4     1/7    0.25   1
    //   2+3     1/3    0      5
    //   2+4    -0.2    3/7    1
    //   3+4    -2      7/3    1
    // The six splits (in sample -> best in sample -> its rank out of sample, 1 = worst of 3):
    //   1+2 -> A (3)    -> out of sample 3+4: A -2 < C 1 < B 7/3: rank 1, ω = 1/4, λ = -ln 3
    //   1+3 -> C (3)    -> 2+4: A -0.2 < B 3/7 < C 1: rank 3, ω = 3/4, λ = ln 3
    //   1+4 -> C (1)    -> 2+3: B 0 < A 1/3 < C 5: rank 3, λ = ln 3
    //   2+3 -> C (5)    -> 1+4: A 1/7 < B 0.25 < C 1: rank 3, λ = ln 3
    //   2+4 -> C (1)    -> 1+3: B -0.2 < A 0.6 < C 3: rank 3, λ = ln 3
    //   3+4 -> B (7/3)  -> 1+2: B -5 < C 2 < A 3: rank 1, λ = -ln 3
    // PBO = 2 of 6 splits with λ <= 0 = 1/3.
    const double means[4][3] = { { 4, -3, 0.5 }, { 2, -2, 1.5 }, { -1, 2, 1 }, { -3, 5, 0 } };
    std::vector<std::vector<double>> returns;
    for (const auto& block : means)
        for (int row = 0; row < 2; ++row)
            returns.push_back({ block[0] * 1e-3, block[1] * 1e-3, block[2] * 1e-3 });
    const BacktestOverfitting pbo = BacktestOverfitting::fromReturns(returns, 4);
    QCOMPARE(pbo.combinations, std::int64_t(6));
    QCOMPARE(pbo.trials, std::int64_t(3));
    QVERIFY(pbo.probability);
    QCOMPARE(*pbo.probability, 1.0 / 3.0);
    std::vector<double> logits = pbo.logits;
    std::sort(logits.begin(), logits.end());
    const double ln3 = std::log(3.0);
    const double want[] = { -ln3, -ln3, ln3, ln3, ln3, ln3 };
    for (int i = 0; i < 6; ++i)
        QVERIFY2(std::fabs(logits[static_cast<std::size_t>(i)] - want[i]) < 1e-12,
            qPrintable(QString::number(logits[static_cast<std::size_t>(i)])));
}

void TestOverfitting::pboOfADominantConfigurationIsZero()
{
    // C is best in every half, in and out of sample: the selection never overfits.
    std::vector<std::vector<double>> returns;
    for (int t = 0; t < 32; ++t) {
        const double noise = ((t * 7) % 5 - 2) * 1e-4;
        returns.push_back({ noise, 0.5e-4 + noise * 0.9, 3e-4 + noise * 0.5 });
    }
    const BacktestOverfitting pbo = BacktestOverfitting::fromReturns(returns, 8);
    QCOMPARE(pbo.combinations, std::int64_t(70)); // C(8, 4)
    QCOMPARE(*pbo.probability, 0.0);
}

void TestOverfitting::pboIsUndefinedWithoutData()
{
    QVERIFY(!BacktestOverfitting::fromReturns({ { 0.1 }, { 0.2 }, { 0.3 }, { 0.1 } }, 2)
                 .probability); // one trial
    QVERIFY(!BacktestOverfitting::fromReturns({ { 0.1, 0.2 }, { 0.2, 0.1 }, { 0.3, 0.2 } }, 4)
                 .probability); // blocks of < 2
    QVERIFY(!BacktestOverfitting::fromReturns({ { 0.1, 0.2 }, { 0.2, 0.1 }, { 0.3, 0.2 }, { 0, 1 } }, 3)
                 .probability); // odd S
}

void TestOverfitting::pboDoesNotDependOnThreads_data()
{
    QTest::addColumn<int>("blocks");
    QTest::addColumn<int>("jobs");
    // S = 4 has 3 mask pairs: more threads than pairs must still give every split once.
    QTest::newRow("S=4, 2 threads") << 4 << 2;
    QTest::newRow("S=4, 8 threads (more than the 3 pairs)") << 4 << 8;
    QTest::newRow("S=8, 3 threads (35 pairs, uneven slices)") << 8 << 3;
    QTest::newRow("S=16, 2 threads (6,435 pairs)") << 16 << 2;
}

void TestOverfitting::pboDoesNotDependOnThreads()
{
    // A sweep's PBO is computed on its worker threads; the logits, in mask order, and so the PBO a
    // user reads must be the same bits as on one thread.
    QFETCH(int, blocks);
    QFETCH(int, jobs);
    std::uint64_t state = 12345;
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5; // [-0.5, 0.5)
    };
    std::vector<std::vector<BlockSums>> perTrial(
        40, std::vector<BlockSums>(static_cast<std::size_t>(blocks)));
    for (auto& trial : perTrial) {
        for (BlockSums& b : trial) {
            for (int i = 0; i < 30; ++i) {
                const double r = next() * 1e-3;
                ++b.n;
                b.sum += r;
                b.sumSq += r * r;
            }
        }
    }
    const BacktestOverfitting one = BacktestOverfitting::fromBlocks(perTrial, 1);
    const BacktestOverfitting many = BacktestOverfitting::fromBlocks(perTrial, jobs);
    QVERIFY(one.probability);
    QCOMPARE(many.combinations, one.combinations);
    QCOMPARE(many.logits.size(), one.logits.size());
    for (std::size_t i = 0; i < one.logits.size(); ++i)
        QVERIFY2(std::bit_cast<std::uint64_t>(many.logits[i]) == std::bit_cast<std::uint64_t>(one.logits[i]),
            qPrintable(QStringLiteral("split %1: %2 vs %3").arg(i).arg(many.logits[i]).arg(one.logits[i])));
    QCOMPARE(*many.probability, *one.probability);
}

void TestOverfitting::collectedReturnsEqualTheMatrix()
{
    // A run's equity rows -> ReturnCollector; the same returns as a matrix column -> fromReturns.
    const std::vector<double> equity
        = { 100, 101, 100.5, 102, 101, 103, 104, 103.5, 105, 104, 106, 107, 106.5 };
    const std::int64_t returns = static_cast<std::int64_t>(equity.size()) - 1; // 12
    ReturnCollector collector(returns, 4);
    std::vector<double> column;
    for (std::size_t i = 0; i < equity.size(); ++i) {
        collector.onEquity({ static_cast<std::int64_t>(i) * 60000, equity[i], equity[i], 0 });
        if (i > 0)
            column.push_back(equity[i] / equity[i - 1] - 1);
    }
    const ReturnSummary& s = collector.summary();
    QCOMPARE(s.blocks.size(), std::size_t(4));
    for (std::size_t b = 0; b < 4; ++b) {
        QCOMPARE(s.blocks[b].n, std::int64_t(3));
        double sum = 0, sumSq = 0;
        for (std::size_t j = b * 3; j < b * 3 + 3; ++j) {
            sum += column[j];
            sumSq += column[j] * column[j];
        }
        QVERIFY(std::fabs(s.blocks[b].sum - sum) < 1e-15);
        QVERIFY(std::fabs(s.blocks[b].sumSq - sumSq) < 1e-15);
    }
    // Uneven: 12 returns in 5 blocks -> [0,2) [2,4) [4,7) [7,9) [9,12).
    ReturnCollector five(returns, 5);
    for (std::size_t i = 0; i < equity.size(); ++i)
        five.onEquity({ static_cast<std::int64_t>(i) * 60000, equity[i], equity[i], 0 });
    const std::int64_t sizes[] = { 2, 2, 3, 2, 3 };
    for (int b = 0; b < 5; ++b)
        QCOMPARE(five.summary().blocks[static_cast<std::size_t>(b)].n, sizes[b]);
}

void TestOverfitting::momentsOfReturns()
{
    // Returns 1, 2, 3, 10: mean 4, deviations -3 -2 -1 6; m2 = 50/4, m3 = 180/4, m4 = 1394/4.
    ReturnSummary s;
    s.blocks.resize(1);
    for (const double r : { 1.0, 2.0, 3.0, 10.0 }) {
        s.blocks[0].n += 1;
        s.blocks[0].sum += r;
        s.blocks[0].sumSq += r * r;
        s.sumCube += r * r * r;
        s.sumFourth += r * r * r * r;
    }
    const double m2 = 50.0 / 4, m3 = 180.0 / 4, m4 = 1394.0 / 4;
    QVERIFY(std::fabs(s.skewness() - m3 / std::pow(m2, 1.5)) < 1e-12);
    QVERIFY(std::fabs(s.kurtosis() - m4 / (m2 * m2)) < 1e-12);
    // Sharpe of the block: mean 4 / sd sqrt(50 / 3).
    QVERIFY(std::fabs(s.blocks[0].sharpe() - 4 / std::sqrt(50.0 / 3)) < 1e-12);
}

QTEST_GUILESS_MAIN(TestOverfitting)
#include "tst_overfitting.moc"
