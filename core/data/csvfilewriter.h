#pragma once

#include "data/outputfile.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

struct gzFile_s;

namespace veloce {

// The data layer's one CSV file writer: a path ending in ".gz" is gzip-compressed, anything else
// written plain (zlib's transparent mode, so both share one code path). Rows are assembled in a
// 1 MiB buffer; numbers in shortest round-trip form, so a file read back gives the same doubles.
// Bytes go through OutputFile: in Replace mode (results such as `simulate --out`) the file is
// complete or absent; in Direct mode (a live recording, which must be readable while it grows)
// it is written in place. Errors throw DataError naming the file and the OS reason.
// BarCsvWriter and AggTradeCsvWriter format their rows with it.
class CsvFileWriter
{
public:
    explicit CsvFileWriter(const QString& path, OutputFile::Mode mode = OutputFile::Mode::Replace);
    // Without close(): Replace mode removes the unfinished file; Direct mode writes what it can
    // without reporting errors. Call close() to know the file is complete.
    ~CsvFileWriter();
    CsvFileWriter(const CsvFileWriter&) = delete;
    CsvFileWriter& operator=(const CsvFileWriter&) = delete;

    // Cells and separators of the current row; each call reserves room for one cell (<= 64 bytes).
    void text(std::string_view s);
    void number(std::int64_t v);
    void number(double v);
    void separator() { put(','); }
    void endRow()
    {
        put('\n');
        ++m_rows;
    }

    // Hands the buffer to zlib and flushes the stream (Z_SYNC_FLUSH), so that everything written
    // so far can be read from the file now, even if the process dies afterwards.
    void sync();
    // Flushes, closes and (Replace mode) puts the file in place; throws DataError when anything
    // could not be written.
    void close();
    std::int64_t rows() const { return m_rows; }
    const QString& path() const { return m_path; }

private:
    static constexpr std::size_t kMaxCell = 64;

    void put(char c)
    {
        room(1);
        m_buffer[m_used++] = c;
    }
    void room(std::size_t n)
    {
        if (!m_file)
            fail("write after close");
        if (m_used + n > m_buffer.size())
            flushBuffer();
    }
    void flushBuffer();
    [[noreturn]] void fail(const char* what) const;

    QString m_path;
    std::unique_ptr<OutputFile> m_out;
    bool m_direct;
    gzFile_s* m_file = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    std::int64_t m_rows = 0;
};

} // namespace veloce
