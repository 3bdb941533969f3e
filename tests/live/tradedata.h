#pragma once

#include "data/aggtrade.h"
#include "data/csvfields.h"
#include "data/linereader.h"
#include "data/marketsimulator.h"
#include "types/barlimits.h"

#include <QFile>
#include <QString>
#include <QTextStream>
#include <algorithm>
#include <vector>

// Market data for the live-feed tests: the real aggregated trades shipped with the sources, and
// longer synthetic ones cut from the built-in simulator's 1-second bars.
namespace livetest {

using veloce::AggTrade;

inline void setTexts(AggTrade& t, const QString& price, const QString& qty)
{
    t.priceText.assign(price.toStdString());
    t.qtyText.assign(qty.toStdString());
    veloce::csv::toDouble(t.priceText.view(), t.price);
    veloce::csv::toDouble(t.qtyText.view(), t.qty);
}

// An aggTrades dump (8 columns, no header, times in ms or µs) as the exchange would serve it:
// times in milliseconds, decimals as written.
inline std::vector<AggTrade> readAggTrades(const QString& path)
{
    std::vector<AggTrade> out;
    veloce::LineReader lines(path);
    std::string_view line;
    while (lines.next(line)) {
        std::string_view f[8];
        if (veloce::csv::split(line, f, 8) < 7)
            continue;
        AggTrade t;
        std::int64_t raw = 0;
        veloce::csv::toInt(f[0], t.id);
        veloce::csv::toInt(f[3], t.firstId);
        veloce::csv::toInt(f[4], t.lastId);
        veloce::csv::toInt(f[5], raw);
        veloce::BarLimits::timeToMs(raw, t.t);
        veloce::csv::toBool(f[6], t.buyerMaker);
        t.bestMatch = true;
        setTexts(t, QString::fromUtf8(f[1].data(), qsizetype(f[1].size())),
            QString::fromUtf8(f[2].data(), qsizetype(f[2].size())));
        out.push_back(t);
    }
    return out;
}

// Trades that rebuild the simulator's bars: open, high or low, low or high, close at 100, 350,
// 600 and 850 ms into each second, buys carrying vbuy and sells vsell; `quietEvery`-th seconds
// have no trade at all (seconds without a bar). Ids and first/last ids increase without gaps.
inline std::vector<AggTrade> syntheticTrades(
    quint64 seed, int seconds, qint64 startMs, qint64 firstId, int quietEvery = 17)
{
    veloce::SimulatorConfig cfg;
    cfg.seed = seed;
    cfg.startMs = startMs;
    cfg.bars = seconds;
    veloce::MarketSimulator sim(cfg);
    std::vector<AggTrade> out;
    qint64 id = firstId;
    qint64 raw = firstId * 3;
    veloce::Bar b;
    int n = 0;
    while (sim.next(b)) {
        if (quietEvery > 0 && ++n % quietEvery == 0)
            continue;
        const bool up = b.close >= b.open;
        const double prices[4] = { b.open, up ? b.low : b.high, up ? b.high : b.low, b.close };
        for (int i = 0; i < 4; ++i) {
            AggTrade t;
            t.id = id++;
            t.firstId = raw;
            raw += 1 + (t.id % 3);
            t.lastId = raw - 1;
            t.t = b.t + 100 + 250 * i;
            t.buyerMaker = i % 2 == 1; // trades 0 and 2 are taker buys
            const double qty = std::max(1e-8, (t.buyerMaker ? b.vsell : b.vbuy) / 2);
            t.bestMatch = true;
            setTexts(t, QString::number(prices[i], 'f', 2), QString::number(qty, 'f', 8));
            out.push_back(t);
        }
    }
    return out;
}

inline void shiftTimes(std::vector<AggTrade>& trades, qint64 deltaMs)
{
    for (AggTrade& t : trades)
        t.t += deltaMs;
}

// The served trades as a dump, written here independently of the recorder under test.
inline bool writeDump(const QString& path, const std::vector<AggTrade>& trades, bool spot)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QTextStream out(&f);
    if (!spot)
        out << "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n";
    for (const AggTrade& t : trades) {
        out << t.id << ',' << QString::fromStdString(std::string(t.priceText.view())) << ','
            << QString::fromStdString(std::string(t.qtyText.view())) << ',' << t.firstId << ',' << t.lastId
            << ',' << t.t << ',';
        if (spot)
            out << (t.buyerMaker ? "True" : "False") << ',' << (t.bestMatch ? "True" : "False");
        else
            out << (t.buyerMaker ? "true" : "false");
        out << '\n';
    }
    return true;
}

// The lines of a text file, plain or gzip (through the data layer's LineReader).
inline QStringList readLines(const QString& path)
{
    QStringList out;
    veloce::LineReader lines(path);
    std::string_view line;
    while (lines.next(line))
        if (!line.empty())
            out << QString::fromUtf8(line.data(), qsizetype(line.size()));
    return out;
}

} // namespace livetest
