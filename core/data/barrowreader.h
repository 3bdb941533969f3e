#pragma once

#include "data/csvrecordreader.h"

namespace veloce {

// Veloce bar CSV, the format BarCsvWriter writes: header `t,open,high,low,close,vbuy,vsell`,
// t in milliseconds as written; other tools write seconds, microseconds or nanoseconds, which are
// told apart by magnitude like every time Veloce reads (BarLimits::timeToMs).
class BarRowReader : public CsvRecordReader
{
public:
    static constexpr int kColumns = 7;

    BarRowReader(const QString& path, bool skipBadRows);

    bool nextBar(Bar& out) override;
    QString formatName() const override { return QStringLiteral("Veloce bars"); }
};

} // namespace veloce
