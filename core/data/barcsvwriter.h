#pragma once

#include "types/bar.h"

#include <QString>
#include <cstdint>
#include <vector>

struct gzFile_s;

namespace veloce {

// Writes the Veloce bar CSV (header t,open,high,low,close,vbuy,vsell) that BarRowReader reads:
// numbers in shortest round-trip form, so a file read back gives bit-identical bars. A path
// ending in ".gz" is gzip-compressed. Buffered; errors throw DataError naming the file.
class BarCsvWriter
{
public:
    explicit BarCsvWriter(const QString& path);
    ~BarCsvWriter(); // closes without reporting errors: call close() to know the file is complete
    BarCsvWriter(const BarCsvWriter&) = delete;
    BarCsvWriter& operator=(const BarCsvWriter&) = delete;

    void write(const Bar& bar);
    // Flushes and closes; throws DataError when anything could not be written.
    void close();
    std::int64_t rows() const { return m_rows; }
    const QString& path() const { return m_path; }

private:
    void flush();
    void append(std::int64_t v);
    void append(double v);

    QString m_path;
    gzFile_s* m_file = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    std::int64_t m_rows = 0;
};

} // namespace veloce
