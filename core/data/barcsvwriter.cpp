#include "data/barcsvwriter.h"

#include "data/dataerror.h"
#include "data/outputfile.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

namespace veloce {

namespace {
constexpr std::size_t kBufferSize = std::size_t(1) << 20;
constexpr std::size_t kMaxRow = 7 * 32; // 7 numbers of at most 24 chars each, separators included
} // namespace

BarCsvWriter::BarCsvWriter(const QString& path)
    : m_path(path)
    , m_out(std::make_unique<OutputFile>(path))
    , m_buffer(kBufferSize)
{
    // zlib writes plain files too ("T" = transparent), so both cases share one code path. It
    // gets its own descriptor: gzclose closes it, OutputFile then syncs, closes and renames.
    const bool gz = path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
    const int fd = ::dup(m_out->fd());
    m_file = fd >= 0 ? gzdopen(fd, gz ? "wb6" : "wbT") : nullptr;
    if (!m_file) {
        const int code = errno;
        if (fd >= 0)
            ::close(fd);
        OutputFile::fail(path, QStringLiteral("cannot write"), code ? code : ENOMEM);
    }
    static constexpr char kHeader[] = "t,open,high,low,close,vbuy,vsell\n";
    std::memcpy(m_buffer.data(), kHeader, sizeof(kHeader) - 1);
    m_used = sizeof(kHeader) - 1;
}

BarCsvWriter::~BarCsvWriter()
{
    // Not closed: an error is on its way; m_out removes the unfinished file.
    if (m_file)
        gzclose_w(m_file);
}

void BarCsvWriter::append(std::int64_t v)
{
    char* p = m_buffer.data() + m_used;
    m_used = static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - m_buffer.data());
}

void BarCsvWriter::append(double v)
{
    char* p = m_buffer.data() + m_used;
    m_used = static_cast<std::size_t>(std::to_chars(p, p + 32, v).ptr - m_buffer.data());
}

void BarCsvWriter::write(const Bar& bar)
{
    if (!m_file)
        throw DataError(QStringLiteral("%1: write after close").arg(m_path));
    if (m_used + kMaxRow > m_buffer.size())
        flush();
    append(bar.t);
    const double values[] = { bar.open, bar.high, bar.low, bar.close, bar.vbuy, bar.vsell };
    for (double v : values) {
        m_buffer[m_used++] = ',';
        append(v);
    }
    m_buffer[m_used++] = '\n';
    ++m_rows;
}

void BarCsvWriter::flush()
{
    if (m_used == 0)
        return;
    const int written = gzwrite(m_file, m_buffer.data(), static_cast<unsigned>(m_used));
    if (written <= 0 || static_cast<std::size_t>(written) != m_used)
        zlibFailed(m_file);
    m_used = 0;
}

void BarCsvWriter::zlibFailed(gzFile_s* file) const
{
    const int saved = errno;
    int code = Z_OK;
    const char* msg = file ? gzerror(file, &code) : nullptr;
    if (code == Z_ERRNO || !file)
        OutputFile::fail(m_path, QStringLiteral("write failed"), saved ? saved : EIO);
    throw DataError(QStringLiteral("%1: write failed: %2").arg(m_path, QString::fromUtf8(msg)));
}

void BarCsvWriter::close()
{
    if (!m_file)
        return;
    flush();
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
