// Issue 16's "must show" for the built-in market: over 10 fixed seeds of 1,000,000 one-second bars
// resampled to minutes, no predictable drift (every return autocorrelation from 1 to 30 minutes
// within +-0.03), long-memory volatility (|return| autocorrelation >= 0.15 at 10 min, >= 0.08 at
// 1 h, >= 0.04 at 4 h), fat tails (kurtosis >= 20), and the rest of the texture docs/simulator.md
// promises: volume that follows volatility and a taker-buy share around one half that says
// nothing about the next minute. Each row is one promise; the statistics are computed once.
// Figures are averages over the seeds (one seed's autocorrelations carry sampling noise of about
// +-0.03 themselves at this kurtosis); every seed's numbers are printed.
#include "data/marketsimulator.h"
#include "data/marketstats.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <vector>

using namespace veloce;

namespace {
constexpr int kSeeds = 10;
constexpr std::int64_t kBars = 1'000'000;
} // namespace

class TestSimulatorTexture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void returnsHaveNoMemory_data();
    void returnsHaveNoMemory();
    void volatilityClusters_data();
    void volatilityClusters();
    void texture_data();
    void texture();

private:
    double meanOf(double MarketStats::Result::*field) const;
    double meanAt(std::vector<double> MarketStats::Result::*field, int lag) const;

    std::vector<MarketStats::Result> m_results;
};

void TestSimulatorTexture::initTestCase()
{
    std::vector<int> lags;
    for (int lag = 1; lag <= 30; ++lag)
        lags.push_back(lag);
    lags.push_back(60);
    lags.push_back(240);
    for (int seed = 1; seed <= kSeeds; ++seed) {
        SimulatorConfig config;
        config.seed = quint64(seed);
        config.bars = kBars;
        MarketSimulator sim(config);
        MarketStats stats(MarketStats::Options { 60000, lags });
        Bar bar;
        while (sim.next(bar))
            stats.add(bar);
        m_results.push_back(stats.finish());
        const MarketStats::Result& r = m_results.back();
        double worst = 0;
        for (int i = 0; i < 30; ++i)
            worst = std::max(worst, std::abs(r.returnAcf[std::size_t(i)]));
        qInfo("seed %2d: max |return acf 1..30 min| %.3f, |return| acf 10/60/240 min %.3f %.3f %.3f, "
              "kurtosis %.1f, daily vol %.2f %%",
            seed, worst, r.absReturnAcf[9], r.absReturnAcf[30], r.absReturnAcf[31], r.kurtosis,
            r.dailyVolatility * 100);
    }
}

double TestSimulatorTexture::meanOf(double MarketStats::Result::*field) const
{
    double sum = 0;
    for (const auto& r : m_results)
        sum += r.*field;
    return sum / double(m_results.size());
}

double TestSimulatorTexture::meanAt(std::vector<double> MarketStats::Result::*field, int lag) const
{
    double sum = 0;
    for (const auto& r : m_results) {
        const auto it = std::find(r.lags.begin(), r.lags.end(), lag);
        sum += (r.*field)[std::size_t(it - r.lags.begin())];
    }
    return sum / double(m_results.size());
}

void TestSimulatorTexture::returnsHaveNoMemory_data()
{
    QTest::addColumn<int>("lag");
    for (int lag = 1; lag <= 30; ++lag)
        QTest::addRow("lag %d min", lag) << lag;
}

void TestSimulatorTexture::returnsHaveNoMemory()
{
    QFETCH(int, lag);
    const double acf = meanAt(&MarketStats::Result::returnAcf, lag);
    QVERIFY2(std::abs(acf) <= 0.03, qPrintable(QString::number(acf)));
}

void TestSimulatorTexture::volatilityClusters_data()
{
    QTest::addColumn<int>("lag");
    QTest::addColumn<double>("atLeast");
    QTest::newRow("10 min") << 10 << 0.15;
    QTest::newRow("60 min") << 60 << 0.08;
    QTest::newRow("240 min") << 240 << 0.04;
}

void TestSimulatorTexture::volatilityClusters()
{
    QFETCH(int, lag);
    QFETCH(double, atLeast);
    const double acf = meanAt(&MarketStats::Result::absReturnAcf, lag);
    qInfo("|return| autocorrelation at %d min: %.3f", lag, acf);
    QVERIFY2(acf >= atLeast, qPrintable(QString::number(acf)));
}

void TestSimulatorTexture::texture_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("kurtosis >= 20") << meanOf(&MarketStats::Result::kurtosis) << 20.0 << 1e9;
    // BTC-like: 2.5 % (Oct 2025) and 3.2 % (Q1 2024) a day in the sample files.
    QTest::newRow("daily volatility") << meanOf(&MarketStats::Result::dailyVolatility) << 0.015 << 0.05;
    // A martingale's variance grows linearly with the horizon.
    QTest::newRow("variance ratio, 1 h") << meanAt(&MarketStats::Result::varianceRatio, 60) << 0.8 << 1.2;
    QTest::newRow("volume follows volatility")
        << meanOf(&MarketStats::Result::volumeVolatilityCorrelation) << 0.4 << 1.0;
    QTest::newRow("taker-buy share around 1/2")
        << meanOf(&MarketStats::Result::takerBuyShareMean) << 0.48 << 0.52;
    QTest::newRow("taker-buy share wanders") << meanOf(&MarketStats::Result::takerBuyShareSd) << 0.1 << 0.3;
    QTest::newRow("taker flow moves the price")
        << meanOf(&MarketStats::Result::shareReturnCorrelation) << 0.2 << 0.7;
    QTest::newRow("taker flow does not predict it")
        << meanOf(&MarketStats::Result::shareNextReturnCorrelation) << -0.02 << 0.02;
}

void TestSimulatorTexture::texture()
{
    QFETCH(double, value);
    QFETCH(double, low);
    QFETCH(double, high);
    qInfo("%s: %.4f", QTest::currentDataTag(), value);
    QVERIFY2(value >= low && value <= high, qPrintable(QString::number(value)));
}

QTEST_GUILESS_MAIN(TestSimulatorTexture)
#include "tst_simulatortexture.moc"
