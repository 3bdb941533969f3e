#pragma once

#include "data/csvrecordreader.h"

namespace veloce {

// Veloce bar CSV, the format BarCsvWriter writes: header `t,open,high,low,close,vbuy,vsell`,
// t in milliseconds (taken as is: these files are ours, there is no unit to guess).
class BarRowReader : public CsvRecordReader
{
public:
    static constexpr int kColumns = 7;

    BarRowReader(const QString& path, bool skipBadRows);

    bool nextBar(Bar& out) override;
    QString formatName() const override { return QStringLiteral("Veloce bars"); }
};

} // namespace veloce
