#pragma once

#include "data/csvfilewriter.h"
#include "types/bar.h"

#include <QString>
#include <cstdint>

namespace veloce {

// Writes the Veloce bar CSV (header t,open,high,low,close,vbuy,vsell) that BarRowReader reads:
// numbers in shortest round-trip form, so a file read back gives bit-identical bars. A path
// ending in ".gz" is gzip-compressed. The file is complete or absent (CsvFileWriter in Replace mode);
// errors throw DataError naming the file and the OS reason.
class BarCsvWriter
{
public:
    explicit BarCsvWriter(const QString& path);

    void write(const Bar& bar);
    // Flushes, closes and puts the file in place; throws DataError when anything could not be
    // written. Without close() nothing is written (the unfinished file is removed).
    void close() { m_file.close(); }
    std::int64_t rows() const { return m_file.rows() - 1; } // without the header
    const QString& path() const { return m_file.path(); }

private:
    CsvFileWriter m_file;
};

} // namespace veloce
