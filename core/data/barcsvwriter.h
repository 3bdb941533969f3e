#pragma once

#include "data/csvfilewriter.h"
#include "types/bar.h"

#include <QString>
#include <cstdint>

namespace veloce {

// Writes the Veloce bar CSV (header t,open,high,low,close,vbuy,vsell) that BarRowReader reads:
// numbers in shortest round-trip form, so a file read back gives bit-identical bars. A path
// ending in ".gz" is gzip-compressed. Buffered; errors throw DataError naming the file.
class BarCsvWriter
{
public:
    explicit BarCsvWriter(const QString& path);

    void write(const Bar& bar);
    // Flushes and closes; throws DataError when anything could not be written.
    void close() { m_file.close(); }
    std::int64_t rows() const { return m_file.rows() - 1; } // without the header
    const QString& path() const { return m_file.path(); }

private:
    CsvFileWriter m_file;
};

} // namespace veloce
