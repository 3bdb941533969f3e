#include "data/csvfilewriter.h"

#include "data/dataerror.h"

#include <QFile>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <zlib.h>

namespace veloce {

namespace {
constexpr std::size_t kBufferSize = std::size_t(1) << 20;
}

CsvFileWriter::CsvFileWriter(const QString& path)
    : m_path(path)
    , m_buffer(kBufferSize)
{
    const bool gz = path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
    const QByteArray native = QFile::encodeName(path);
    m_file = gzopen(native.constData(), gz ? "wb6" : "wbT");
    if (!m_file)
        throw DataError(
            QStringLiteral("%1: cannot create: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
}

CsvFileWriter::~CsvFileWriter()
{
    if (m_file) {
        // Best effort only: destructors must not throw. close() is the checked path.
        if (m_used > 0)
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
        const QString why
            = code == Z_ERRNO ? QString::fromLocal8Bit(std::strerror(errno)) : QString::fromUtf8(msg);
        throw DataError(QStringLiteral("%1: write failed: %2").arg(m_path, why));
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
    if (gzclose_w(f) != Z_OK)
        throw DataError(QStringLiteral("%1: could not finish writing (disk full?)").arg(m_path));
}

} // namespace veloce
