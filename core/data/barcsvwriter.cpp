#include "data/barcsvwriter.h"

#include "data/dataerror.h"

#include <QFile>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <zlib.h>

namespace veloce {

namespace {
constexpr std::size_t kBufferSize = std::size_t(1) << 20;
constexpr std::size_t kMaxRow = 7 * 32; // 7 numbers of at most 24 chars each, separators included
} // namespace

BarCsvWriter::BarCsvWriter(const QString& path)
    : m_path(path)
    , m_buffer(kBufferSize)
{
    // zlib writes plain files too ("T" = transparent), so both cases share one code path.
    const bool gz = path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
    const QByteArray native = QFile::encodeName(path);
    m_file = gzopen(native.constData(), gz ? "wb6" : "wbT");
    if (!m_file)
        throw DataError(
            QStringLiteral("%1: cannot create: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    static constexpr char kHeader[] = "t,open,high,low,close,vbuy,vsell\n";
    std::memcpy(m_buffer.data(), kHeader, sizeof(kHeader) - 1);
    m_used = sizeof(kHeader) - 1;
}

BarCsvWriter::~BarCsvWriter()
{
    if (m_file) {
        // Best effort only: destructors must not throw. close() is the checked path.
        if (m_used > 0)
            gzwrite(m_file, m_buffer.data(), static_cast<unsigned>(m_used));
        gzclose_w(m_file);
    }
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
    if (written <= 0 || static_cast<std::size_t>(written) != m_used) {
        int code = Z_OK;
        const char* msg = gzerror(m_file, &code);
        const QString why
            = code == Z_ERRNO ? QString::fromLocal8Bit(std::strerror(errno)) : QString::fromUtf8(msg);
        throw DataError(QStringLiteral("%1: write failed: %2").arg(m_path, why));
    }
    m_used = 0;
}

void BarCsvWriter::close()
{
    if (!m_file)
        return;
    flush();
    gzFile f = m_file;
    m_file = nullptr;
    if (gzclose_w(f) != Z_OK)
        throw DataError(QStringLiteral("%1: could not finish writing (disk full?)").arg(m_path));
}

} // namespace veloce
