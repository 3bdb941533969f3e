#include "data/barrowreader.h"

namespace veloce {

BarRowReader::BarRowReader(const QString& path, bool skipBadRows)
    : CsvRecordReader(path, skipBadRows)
{
    if (hasHeader() && headerFieldCount() != kColumns)
        fail(headerLine(),
            QStringLiteral(
                "the header has %1 columns; Veloce bars have %2 (t,open,high,low,close,vbuy,vsell)")
                .arg(headerFieldCount())
                .arg(kColumns));
}

bool BarRowReader::nextBar(Bar& out)
{
    enum
    {
        T,
        Open,
        High,
        Low,
        Close,
        VBuy,
        VSell
    };
    while (nextRow()) {
        if (!columnCount(kColumns, "Veloce bars t,open,high,low,close,vbuy,vsell"))
            continue;
        if (!timeField(T, "t", out.t) || !doubleField(Open, "open", out.open)
            || !doubleField(High, "high", out.high) || !doubleField(Low, "low", out.low)
            || !doubleField(Close, "close", out.close) || !doubleField(VBuy, "vbuy", out.vbuy)
            || !doubleField(VSell, "vsell", out.vsell))
            continue;
        if (!ohlcValid(out.open, out.high, out.low, out.close))
            continue;
        if (out.vbuy < 0 || out.vsell < 0) {
            reject(QStringLiteral("negative volume (vbuy %1, vsell %2)").arg(num(out.vbuy), num(out.vsell)));
            continue;
        }
        if (!volumeValid("vbuy", out.vbuy) || !volumeValid("vsell", out.vsell))
            continue;
        return true;
    }
    return false;
}

} // namespace veloce
