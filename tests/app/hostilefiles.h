#pragma once

// The hostile input files of tst_hostileinput, written into one temporary folder. Small ones are
// inline; big ones (a 10 MB line, a gzip bomb, 100,000 rows) are generated on demand and kept
// small on disk (the bombs compress 1000:1), so the whole suite runs in seconds.
#include "gzipdata.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <zlib.h>

namespace hostile {

// Two good Binance klines (ms), the shape of the sample data.
inline const QByteArray kKlines
    = "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519032.59,1327,22.50844,"
      "951713.10,0\n"
      "1704067260000,42298.62,42320.00,42298.61,42320.00,21.07700,1704067319999,891619.12,1002,14.11012,"
      "596883.53,0\n";
inline const QByteArray kKlinesHeader
    = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
      "taker_buy_quote_volume,ignore\n";
inline const QByteArray kBarsHeader = "t,open,high,low,close,vbuy,vsell\n";
inline const QByteArray kAggHeader
    = "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match\n";
inline const QByteArray kTradesHeader = "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n";

// A kline row at minute `i` after 2024-01-01, open time scaled by `unit` (1 = s, 1000 = ms, ...).
inline QByteArray klineRow(int i, qint64 perSecond, const QByteArray& close = "42300.5")
{
    const qint64 s = 1704067200 + qint64(i) * 60;
    return QByteArray::number(s * perSecond) + ",42290.1,42310.0,42280.2," + close + ",10.5,"
        + QByteArray::number((s + 59) * perSecond) + ",444000.1,100,5.25,222000.0,0\n";
}

// A Veloce bar row at second `i` after 2024-01-01, t scaled by `perSecond`.
inline QByteArray barRow(int i, qint64 perSecond, const QByteArray& prices = "100,101,99,100.5")
{
    return QByteArray::number((1704067200 + qint64(i)) * perSecond) + "," + prices + ",1.5,2\n";
}

inline QByteArray bars(int n, qint64 perSecond)
{
    QByteArray out = kBarsHeader;
    for (int i = 0; i < n; ++i)
        out += barRow(i, perSecond);
    return out;
}

inline QByteArray gzip(const QByteArray& content)
{
    return gzipData(content.constData(), std::size_t(content.size()));
}

// `total` bytes of `fill` compressed in 1 MiB pieces (memory stays small however large the bomb).
inline QByteArray gzipBomb(qint64 total, char fill)
{
    z_stream z {};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    const QByteArray piece(1 << 20, fill);
    QByteArray out;
    QByteArray chunk(1 << 16, '\0');
    for (qint64 done = 0; done < total; done += piece.size()) {
        const bool last = done + piece.size() >= total;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.constData()));
        z.avail_in = uInt(piece.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(chunk.data());
            z.avail_out = uInt(chunk.size());
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(chunk.constData(), chunk.size() - qsizetype(z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace hostile
