#pragma once

#include <QFile>
#include <QString>
#include <cstdint>
#include <memory>
#include <string_view>

struct gzFile_s; // zlib's handle; zlib stays a private dependency of veloce_core

namespace veloce {

// Streams the lines of a plain or gzip-compressed text file (told apart by content, not by name)
// with constant memory. Lines are handed out as views into one buffer (no copy, no allocation per
// line); a view stays valid until the next call of next(). Plain files are read straight into
// that buffer; gzip goes through zlib. Throws DataError naming the file for anything that is
// not a line.
class LineReader
{
public:
    // 256 KiB: large enough that system calls do not matter, small enough that opening a file
    // does not spend milliseconds faulting in fresh pages (measured: 1 MiB buffers cost ~10 ms
    // per open on a VM, a quarter of the whole parse of a 130 k-row file).
    static constexpr std::size_t kDefaultBufferSize = std::size_t(1) << 18;

    explicit LineReader(const QString& path, std::size_t bufferSize = kDefaultBufferSize);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line without its "\n" or "\r\n"; false at the end of the file.
    bool next(std::string_view& line);
    bool isCompressed() const { return m_gz != nullptr; }
    // 1-based number of the line last returned by next().
    std::int64_t lineNumber() const { return m_lineNumber; }
    const QString& path() const { return m_path; }
    // File bytes (compressed bytes for gzip) consumed so far / file size, 0..1.
    double progress() const;

private:
    bool fill();
    [[noreturn]] void fail(const QString& what) const;
    QString zlibMessage() const;
    static void skipByteOrderMark(std::string_view& line);

    QString m_path;
    QFile m_plain;
    gzFile_s* m_gz = nullptr;
    std::unique_ptr<char[]> m_buffer; // uninitialised on purpose: read() fills it
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0; // first unread byte
    std::size_t m_end = 0; // one past the last valid byte
    bool m_eof = false;
    std::int64_t m_lineNumber = 0;
    std::int64_t m_fileSize = 0;
    // Raw file offsets before and after the last fill: progress interpolates between them by how
    // much of the buffer was consumed, so callers may ask every bar without a system call.
    std::int64_t m_offsetBefore = 0;
    std::int64_t m_offsetAfter = 0;
    std::size_t m_fillStart = 0;
};

} // namespace veloce
