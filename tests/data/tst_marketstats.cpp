// The market statistics behind `veloce-cli stats`: the streaming one-pass class must give the same
// numbers as the textbook formulas computed naively over the whole series (the oracle below stores
// everything and loops over it), with and without resampling, gaps and bars without volume.
#include "data/marketstats.h"

#include <QTest>
#include <cmath>
#include <map>
#include <random>
#include <vector>

using namespace veloce;

namespace {

enum class Shape
{
    Independent, // i.i.d. returns
    Trending, // AR(1) returns, phi = 0.5: a known positive autocorrelation
    Clustered, // volatility regimes and taker flow that leads the next return
};

std::vector<Bar> makeBars(Shape shape, int n, std::int64_t stepMs, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    std::vector<Bar> bars;
    double price = 40000;
    double r = 0;
    double vol = 1e-3;
    double previousShare = 0.5;
    std::int64_t t = 1704067200000;
    for (int i = 0; i < n; ++i) {
        t += stepMs * (uniform(rng) < 0.05 ? 2 : 1); // a few missing intervals
        switch (shape) {
        case Shape::Independent:
            r = 1e-3 * normal(rng);
            break;
        case Shape::Trending:
            r = 0.5 * r + 1e-3 * normal(rng);
            break;
        case Shape::Clustered:
            if (uniform(rng) < 0.02)
                vol = uniform(rng) < 0.5 ? 3e-4 : 3e-3;
            r = vol * normal(rng) + 1e-3 * (previousShare - 0.5); // the flow leads the price

            break;
        }
        const double open = price;
        price *= std::exp(r);
        Bar b;
        b.t = t;
        b.open = open;
        b.close = price;
        b.high = std::max(open, price) * 1.0001;
        b.low = std::min(open, price) * 0.9999;
        const double volume = uniform(rng) < 0.03 ? 0.0 : 1 + 1000 * std::abs(r) * uniform(rng);
        const double share = uniform(rng);
        b.vbuy = volume * share;
        b.vsell = volume - b.vbuy;
        previousShare = share;
        bars.push_back(b);
    }
    return bars;
}

// Naive resampling: group by floor(t / interval), OHLC in order, volumes summed.
std::vector<Bar> resample(const std::vector<Bar>& bars, std::int64_t intervalMs)
{
    std::map<std::int64_t, Bar> groups;
    for (const Bar& b : bars) {
        const std::int64_t key = b.t / intervalMs * intervalMs;
        auto it = groups.find(key);
        if (it == groups.end()) {
            Bar g = b;
            g.t = key;
            groups.emplace(key, g);
            continue;
        }
        Bar& g = it->second;
        g.high = std::max(g.high, b.high);
        g.low = std::min(g.low, b.low);
        g.close = b.close;
        g.vbuy += b.vbuy;
        g.vsell += b.vsell;
    }
    std::vector<Bar> out;
    for (const auto& [key, bar] : groups)
        out.push_back(bar);
    return out;
}

double mean(const std::vector<double>& x)
{
    double s = 0;
    for (double v : x)
        s += v;
    return s / double(x.size());
}

// Pearson correlation of two equally long series.
double correlation(const std::vector<double>& a, const std::vector<double>& b)
{
    const double ma = mean(a);
    const double mb = mean(b);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / std::sqrt(saa * sbb);
}

std::vector<double> slice(const std::vector<double>& x, std::size_t from, std::size_t to)
{
    return std::vector<double>(x.begin() + std::ptrdiff_t(from), x.begin() + std::ptrdiff_t(to));
}

MarketStats::Result oracle(const std::vector<Bar>& bars, const std::vector<int>& lags)
{
    MarketStats::Result out;
    std::vector<double> r, a, volumeNow, shareNow, returnNow, shareBefore, returnAfter;
    std::vector<double> volumes, shares;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        volumes.push_back(bars[i].volume());
        const bool hasVolume = bars[i].volume() > 0;
        if (hasVolume)
            shares.push_back(bars[i].vbuy / bars[i].volume());
        if (i == 0)
            continue;
        const double ret = std::log(bars[i].close / bars[i - 1].close);
        r.push_back(ret);
        a.push_back(std::abs(ret));
        volumeNow.push_back(bars[i].volume());
        if (hasVolume) {
            shareNow.push_back(bars[i].vbuy / bars[i].volume());
            returnNow.push_back(ret);
        }
        if (bars[i - 1].volume() > 0) {
            shareBefore.push_back(bars[i - 1].vbuy / bars[i - 1].volume());
            returnAfter.push_back(ret);
        }
    }
    const std::size_t n = r.size();
    out.bars = std::int64_t(bars.size());
    out.returns = std::int64_t(n);
    out.lags = lags;
    const double m = mean(r);
    double m2 = 0, m3 = 0, m4 = 0;
    for (double x : r) {
        m2 += (x - m) * (x - m);
        m3 += (x - m) * (x - m) * (x - m);
        m4 += (x - m) * (x - m) * (x - m) * (x - m);
    }
    const double variance = m2 / double(n);
    for (int lag : lags) {
        const auto k = std::size_t(lag);
        out.returnAcf.push_back(correlation(slice(r, 0, n - k), slice(r, k, n)));
        out.absReturnAcf.push_back(correlation(slice(a, 0, n - k), slice(a, k, n)));
        std::vector<double> blocks;
        for (std::size_t i = 0; i + k <= n; i += k) {
            double s = 0;
            for (std::size_t j = i; j < i + k; ++j)
                s += r[j];
            blocks.push_back(s);
        }
        const double bm = mean(blocks);
        double bv = 0;
        for (double x : blocks)
            bv += (x - bm) * (x - bm);
        out.varianceRatio.push_back(bv / double(blocks.size()) / (double(lag) * variance));
    }
    out.meanReturn = m;
    out.sdReturn = std::sqrt(variance);
    out.skewness = m3 / double(n) / std::pow(variance, 1.5);
    out.kurtosis = m4 / double(n) / (variance * variance);
    double squares = 0;
    for (double x : r)
        squares += x * x;
    out.dailyVolatility = std::sqrt(squares / (double(bars.back().t - bars.front().t) / 86400000.0));
    out.meanVolume = mean(volumes);
    out.volumeVolatilityCorrelation = correlation(volumeNow, a);
    out.volumeAcf1 = correlation(slice(volumes, 0, volumes.size() - 1), slice(volumes, 1, volumes.size()));
    out.takerBuyShareMean = mean(shares);
    double ss = 0;
    for (double x : shares)
        ss += (x - out.takerBuyShareMean) * (x - out.takerBuyShareMean);
    out.takerBuyShareSd = std::sqrt(ss / double(shares.size()));
    out.shareReturnCorrelation = correlation(shareNow, returnNow);
    out.shareNextReturnCorrelation = correlation(shareBefore, returnAfter);
    return out;
}

} // namespace

class TestMarketStats : public QObject
{
    Q_OBJECT

private slots:
    void matchesNaiveFormulas_data();
    void matchesNaiveFormulas();
    void seesWhatItShould();
    void rejectsBadLags();
};

void TestMarketStats::matchesNaiveFormulas_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("resampleMs");
    QTest::newRow("independent minutes") << int(Shape::Independent) << qint64(60000) << qint64(0);
    QTest::newRow("trending minutes") << int(Shape::Trending) << qint64(60000) << qint64(0);
    QTest::newRow("clustered minutes") << int(Shape::Clustered) << qint64(60000) << qint64(0);
    QTest::newRow("seconds resampled to minutes") << int(Shape::Clustered) << qint64(1000) << qint64(60000);
    QTest::newRow("seconds resampled to 7 s") << int(Shape::Trending) << qint64(1000) << qint64(7000);
}

void TestMarketStats::matchesNaiveFormulas()
{
    QFETCH(int, shape);
    QFETCH(qint64, stepMs);
    QFETCH(qint64, resampleMs);
    const std::vector<Bar> bars = makeBars(Shape(shape), 60000, stepMs, 7);
    MarketStats::Options options;
    options.resampleMs = resampleMs;
    options.lags = { 1, 2, 3, 10, 25 };
    MarketStats stats(options);
    for (const Bar& b : bars)
        stats.add(b);
    const MarketStats::Result got = stats.finish();
    const MarketStats::Result want = oracle(resampleMs > 0 ? resample(bars, resampleMs) : bars, options.lags);

    QCOMPARE(got.inputBars, qint64(bars.size()));
    QCOMPARE(got.bars, want.bars);
    QCOMPARE(got.returns, want.returns);
    auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); };
    for (std::size_t i = 0; i < options.lags.size(); ++i) {
        const QByteArray lag = "lag " + QByteArray::number(options.lags[i]);
        QVERIFY2(near(got.returnAcf[i], want.returnAcf[i]), lag);
        QVERIFY2(near(got.absReturnAcf[i], want.absReturnAcf[i]), lag);
        QVERIFY2(near(got.varianceRatio[i], want.varianceRatio[i]), lag);
    }
    const std::pair<double, double> scalars[] = {
        { got.meanReturn / want.sdReturn, want.meanReturn / want.sdReturn },
        { got.sdReturn, want.sdReturn },
        { got.skewness, want.skewness },
        { got.kurtosis, want.kurtosis },
        { got.dailyVolatility, want.dailyVolatility },
        { got.meanVolume, want.meanVolume },
        { got.volumeVolatilityCorrelation, want.volumeVolatilityCorrelation },
        { got.volumeAcf1, want.volumeAcf1 },
        { got.takerBuyShareMean, want.takerBuyShareMean },
        { got.takerBuyShareSd, want.takerBuyShareSd },
        { got.shareReturnCorrelation, want.shareReturnCorrelation },
        { got.shareNextReturnCorrelation, want.shareNextReturnCorrelation },
    };
    for (std::size_t i = 0; i < std::size(scalars); ++i)
        QVERIFY2(near(scalars[i].first, scalars[i].second),
            qPrintable(
                QStringLiteral("scalar %1: %2 vs %3").arg(i).arg(scalars[i].first).arg(scalars[i].second)));
}

void TestMarketStats::seesWhatItShould()
{
    // What the statistics are for: a trend shows as return autocorrelation, regimes as |return|
    // autocorrelation and kurtosis, and flow that leads the price as a next-return correlation.
    auto run = [](Shape shape) {
        MarketStats stats(MarketStats::Options { 0, { 1, 10 } });
        for (const Bar& b : makeBars(shape, 60000, 60000, 11))
            stats.add(b);
        return stats.finish();
    };
    const auto independent = run(Shape::Independent);
    const auto trending = run(Shape::Trending);
    const auto clustered = run(Shape::Clustered);
    QVERIFY(std::abs(independent.returnAcf[0]) < 0.02);
    QVERIFY(std::abs(trending.returnAcf[0] - 0.5) < 0.02);
    QVERIFY(std::abs(independent.absReturnAcf[1]) < 0.02);
    QVERIFY(clustered.absReturnAcf[1] > 0.3);
    QVERIFY(std::abs(independent.kurtosis - 3) < 0.2);
    QVERIFY(clustered.kurtosis > 5);
    QVERIFY(trending.varianceRatio[1] > 2.5); // a trend adds up: ~ (1 + phi) / (1 - phi) = 3
    QVERIFY(std::abs(independent.shareNextReturnCorrelation) < 0.02);
    QVERIFY(clustered.shareNextReturnCorrelation > 0.05);
}

void TestMarketStats::rejectsBadLags()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MarketStats(MarketStats::Options { 0, { 1, 0 } }));
}

QTEST_GUILESS_MAIN(TestMarketStats)
#include "tst_marketstats.moc"
