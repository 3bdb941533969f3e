#include "data/csvfilewriter.h"

#include "data/dataerror.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

namespace veloce {

namespace {
constexpr std::size_t kBufferSize = std::size_t(1) << 20;
}

CsvFileWriter::CsvFileWriter(const QString& path, OutputFile::Mode mode)
    : m_path(path)
    , m_out(std::make_unique<OutputFile>(path, mode))
    , m_direct(mode == OutputFile::Mode::Direct)
    , m_buffer(kBufferSize)
{
    // zlib gets its own descriptor (gzclose closes it); OutputFile then syncs, closes and renames.
    const bool gz = path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
    const int fd = ::dup(m_out->fd());
    m_file = fd >= 0 ? gzdopen(fd, gz ? "wb6" : "wbT") : nullptr;
    if (!m_file) {
        const int code = errno;
        if (fd >= 0)
            ::close(fd);
        OutputFile::fail(path, QStringLiteral("cannot write"), code ? code : ENOMEM);
    }
}

CsvFileWriter::~CsvFileWriter()
{
    if (m_file) {
        // Best effort only: destructors must not throw. close() is the checked path. In Replace
        // mode m_out removes the unfinished file anyway.
        if (m_direct && m_used > 0)
            gzwrite(m_file, m_buffer.data(), static_cast<unsigned>(m_used));
        gzclose_w(m_file);
    }
}

void CsvFileWriter::text(std::string_view s)
{
    if (s.size() > m_buffer.size())
        fail("cell larger than the buffer");
    room(s.size());
    std::memcpy(m_buffer.data() + m_used, s.data(), s.size());
    m_used += s.size();
}

void CsvFileWriter::number(std::int64_t v)
{
    room(kMaxCell);
    char* p = m_buffer.data() + m_used;
    m_used = static_cast<std::size_t>(std::to_chars(p, p + kMaxCell, v).ptr - m_buffer.data());
}

void CsvFileWriter::number(double v)
{
    room(kMaxCell);
    char* p = m_buffer.data() + m_used;
    m_used = static_cast<std::size_t>(std::to_chars(p, p + kMaxCell, v).ptr - m_buffer.data());
}

void CsvFileWriter::fail(const char* what) const
{
    throw DataError(QStringLiteral("%1: %2").arg(m_path, QString::fromUtf8(what)));
}

void CsvFileWriter::flushBuffer()
{
    if (m_used == 0)
        return;
    if (!m_file)
        fail("write after close");
    const int written = gzwrite(m_file, m_buffer.data(), static_cast<unsigned>(m_used));
    if (written <= 0 || static_cast<std::size_t>(written) != m_used) {
        int code = Z_OK;
        const char* msg = gzerror(m_file, &code);
        if (code == Z_ERRNO)
            OutputFile::fail(m_path, QStringLiteral("write failed"), errno ? errno : EIO);
        throw DataError(QStringLiteral("%1: write failed: %2").arg(m_path, QString::fromUtf8(msg)));
    }
    m_used = 0;
}

void CsvFileWriter::sync()
{
    flushBuffer();
    if (m_file && gzflush(m_file, Z_SYNC_FLUSH) != Z_OK)
        fail("write failed (disk full?)");
}

void CsvFileWriter::close()
{
    if (!m_file)
        return;
    flushBuffer();
    gzFile f = m_file;
    m_file = nullptr;
    errno = 0;
    const int closed = gzclose_w(f); // writes what zlib still buffers: a full disk shows here
    if (closed == Z_ERRNO)
        OutputFile::fail(m_path, QStringLiteral("write failed"), errno ? errno : EIO);
    if (closed != Z_OK)
        throw DataError(QStringLiteral("%1: write failed (zlib error %2)").arg(m_path).arg(closed));
    m_out->commit();
}

} // namespace veloce
