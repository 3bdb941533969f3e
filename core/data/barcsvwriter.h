#pragma once

#include "types/bar.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

struct gzFile_s;

namespace veloce {

class OutputFile;

// Writes the Veloce bar CSV (header t,open,high,low,close,vbuy,vsell) that BarRowReader reads:
// numbers in shortest round-trip form, so a file read back gives bit-identical bars. A path
// ending in ".gz" is gzip-compressed. Buffered, written through OutputFile (complete or absent);
// errors throw DataError naming the file and the OS reason.
class BarCsvWriter
{
public:
    explicit BarCsvWriter(const QString& path);
    ~BarCsvWriter(); // without close(): the file is not written (the unfinished one is removed)
    BarCsvWriter(const BarCsvWriter&) = delete;
    BarCsvWriter& operator=(const BarCsvWriter&) = delete;

    void write(const Bar& bar);
    // Flushes, closes and puts the file in place (OutputFile: complete or absent); throws
    // DataError with the OS reason when anything could not be written.
    void close();
    std::int64_t rows() const { return m_rows; }
    const QString& path() const { return m_path; }

private:
    void flush();
    [[noreturn]] void zlibFailed(gzFile_s* file) const;
    void append(std::int64_t v);
    void append(double v);

    QString m_path;
    std::unique_ptr<OutputFile> m_out;
    gzFile_s* m_file = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    std::int64_t m_rows = 0;
};

} // namespace veloce
