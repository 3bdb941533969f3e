#pragma once

// Inline sample files and helpers shared by the file-reader tests.
#include "data/barsource.h"
#include "data/dataerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTest>
#include <algorithm>
#include <cmath>

namespace fixtures {

using veloce::Bar;
using veloce::BarSource;
using veloce::DataError;

inline const QByteArray kKlinesHeader
    = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
      "taker_buy_quote_volume,ignore\n";
inline const QByteArray kKlinesMs
    = "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519031.69,1327,"
      "23.18766,980394.71,0\n"
      "1704067260000,42298.62,42320.00,42298.61,42320.00,21.16779,1704067319999,895580.86,1348,"
      "13.47483,570080.79,0\n";
inline const QByteArray kKlinesUs
    = "1759276800000000,114048.94,114100.00,114048.93,114100.00,18.30369,1759276859999999,"
      "2088143.9,1726,9.57750,1092607.7,0\n";
inline constexpr const char* kKlinesMsBars
    = "1704067200000,42283.58,42298.62,42261.02,42298.61,23.18766,12.73958;"
      "1704067260000,42298.62,42320,42298.61,42320,13.47483,7.69296";

inline const QByteArray kAggHeader
    = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match\n";
// Two trades in second ...600, one in ...601 (µs, as Binance writes since 2025).
inline const QByteArray kAggUs
    = "3800397495,87648.21,0.08185,5723703861,5723703861,1767225600039409,True,True\n"
      "3800397496,87648.22,0.00013,5723703862,5723703862,1767225600272386,False,True\n"
      "3800397497,87650.00,0.5,5723703863,5723703865,1767225601000000,false,true\n";
inline constexpr const char* kAggBars = "1767225600000,87648.21,87648.22,87648.21,87648.22,0.00013,0.08185;"
                                        "1767225601000,87650,87650,87650,87650,0.5,0";
inline const QByteArray kAggMs7 = "1,100.5,2,10,10,1704067200100,1\n"
                                  "2,99.5,1,11,11,1704067200900,0\n"
                                  "3,101,3,12,12,1704067201500,0\n";
inline constexpr const char* kAggMs7Bars
    = "1704067200000,100.5,100.5,99.5,99.5,1,2;1704067201000,101,101,101,101,3,0";

inline const QByteArray kTradesHeader = "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n";
inline const QByteArray kTradesMs = "3735683259,61837.63,0.02,1236.7526,1723161255342,True,True\n"
                                    "3735683260,61837.64,0.048,2968.20672,1723161255617,False,True\n"
                                    "3735683261,61830.00,0.1,6183.0,1723161257001,True,True\n";
inline constexpr const char* kTradesBars = "1723161255000,61837.63,61837.64,61837.63,61837.64,0.048,0.02;"
                                           "1723161257000,61830,61830,61830,61830,0,0.1";
inline const QByteArray kTradesUs6 = "1,61837.63,0.02,1236.7526,1735689600342000,True\n"
                                     "2,61837.64,0.048,2968.20672,1735689600617000,False\n";
inline constexpr const char* kTradesUs6Bars = "1735689600000,61837.63,61837.64,61837.63,61837.64,0.048,0.02";

inline const QByteArray kBarsHeader = "t,open,high,low,close,vbuy,vsell\n";
inline const QByteArray kBars
    = "1704067200000,100,101,99,100.5,1.5,2\n1704067201000,100.5,100.5,100,100,0,0.25\n";
inline constexpr const char* kBarsBars
    = "1704067200000,100,101,99,100.5,1.5,2;1704067201000,100.5,100.5,100,100,0,0.25";

inline QList<Bar> parseBars(const QString& spec)
{
    QList<Bar> out;
    for (const QString& row : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = row.split(QLatin1Char(','));
        out.append(Bar { f[0].toLongLong(), f[1].toDouble(), f[2].toDouble(), f[3].toDouble(),
            f[4].toDouble(), f[5].toDouble(), f[6].toDouble() });
    }
    return out;
}

inline QList<Bar> readAll(BarSource& source)
{
    QList<Bar> out;
    Bar b;
    while (source.next(b))
        out.append(b);
    return out;
}

inline bool volumeEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

inline void compareBars(const QList<Bar>& got, const QList<Bar>& want)
{
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].t, want[i].t);
        QCOMPARE(got[i].open, want[i].open);
        QCOMPARE(got[i].high, want[i].high);
        QCOMPARE(got[i].low, want[i].low);
        QCOMPARE(got[i].close, want[i].close);
        QVERIFY2(volumeEqual(got[i].vbuy, want[i].vbuy), qPrintable(QString::number(got[i].vbuy, 'g', 17)));
        QVERIFY2(
            volumeEqual(got[i].vsell, want[i].vsell), qPrintable(QString::number(got[i].vsell, 'g', 17)));
    }
}

// Asserts that `fn` throws DataError whose message starts with "path:line: " and contains `what`.
template<typename Fn> void expectDataError(Fn fn, const QString& prefix, const QString& what)
{
    try {
        fn();
    } catch (const DataError& e) {
        QVERIFY2(e.message().startsWith(prefix), qPrintable(e.message()));
        QVERIFY2(e.message().contains(what, Qt::CaseInsensitive), qPrintable(e.message()));
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no DataError (expected '%1')").arg(what)));
}

} // namespace fixtures
