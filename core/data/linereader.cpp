#include "data/linereader.h"

#include "data/dataerror.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <zlib.h>

namespace veloce {

namespace {
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("pipe (FIFO)");
    if (S_ISCHR(mode))
        return QStringLiteral("character device");
    if (S_ISBLK(mode))
        return QStringLiteral("block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("socket");
    return QStringLiteral("special file");
}
} // namespace

LineReader::LineReader(const QString& path, std::size_t bufferSize)
    : m_path(path)
    , m_plain(path)
    , m_buffer(new char[std::max<std::size_t>(bufferSize, 64)])
    , m_capacity(std::max<std::size_t>(bufferSize, 64))
{
    const QFileInfo info(path);
    if (!info.exists())
        throw DataError(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throw DataError(QStringLiteral("%1: is a directory, not a data file").arg(path));
    // A FIFO, a terminal, /dev/zero or /dev/urandom cannot be read twice (the format is detected
    // first) nor measured for progress, and may never end: refused before Qt gets to warn about it.
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode))
        throw DataError(QStringLiteral("%1: is a %2, not a data file; give a .csv or .csv.gz file on disk")
                            .arg(path, kindOf(st.st_mode)));
    m_fileSize = info.size();
    // Unbuffered: QFile would otherwise copy everything through its own 16 KiB buffer.
    if (!m_plain.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        throw DataError(QStringLiteral("%1: cannot open: %2").arg(path, m_plain.errorString()));
    unsigned char magic[2] = { 0, 0 };
    const qint64 got = m_plain.read(reinterpret_cast<char*>(magic), 2);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        m_plain.close();
        const QByteArray native = QFile::encodeName(path);
        m_gz = gzopen(native.constData(), "rb");
        if (!m_gz)
            throw DataError(QStringLiteral("%1: cannot open: %2")
                                .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        // zlib's input buffer (it allocates twice as much for output). A quarter of ours means
        // our reads ask for at least twice its size, and zlib then inflates straight into our
        // buffer instead of through its own.
        gzbuffer(m_gz, static_cast<unsigned>(std::max<std::size_t>(m_capacity / 4, 8192)));
    } else if (got < 0 || !m_plain.seek(0)) {
        throw DataError(QStringLiteral("%1: cannot read: %2").arg(path, m_plain.errorString()));
    }
}

LineReader::~LineReader()
{
    if (m_gz)
        gzclose_r(m_gz);
}

void LineReader::skipByteOrderMark(std::string_view& line)
{
    // Spreadsheet programs save CSV as "UTF-8 with BOM"; the mark is not part of the first field.
    if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF")
        line.remove_prefix(3);
}

QString LineReader::zlibMessage() const
{
    int code = Z_OK;
    QString msg = QString::fromUtf8(gzerror(m_gz, &code));
    // zlib prefixes the path we already name.
    const QString prefix = m_path + QStringLiteral(": ");
    if (msg.startsWith(prefix))
        msg.remove(0, prefix.size());
    return msg;
}

void LineReader::fail(const QString& what) const
{
    throw DataError(QStringLiteral("%1: %2").arg(m_path, what));
}

bool LineReader::fill()
{
    // Keep the unfinished line: move it to the front, then read behind it.
    const std::size_t rest = m_end - m_begin;
    if (rest == m_capacity)
        fail(QStringLiteral("line %1 is longer than %2 bytes; this is not a CSV file")
                 .arg(m_lineNumber + 1)
                 .arg(m_capacity));
    if (rest > 0 && m_begin > 0)
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, rest);
    m_begin = 0;
    m_end = rest;
    m_offsetBefore = m_offsetAfter;
    m_fillStart = rest;
    const std::size_t want = m_capacity - rest;
    std::int64_t got = 0;
    if (m_gz) {
        got = gzread(m_gz, m_buffer.get() + rest, static_cast<unsigned>(want));
        if (got < 0) {
            int code = Z_OK;
            gzerror(m_gz, &code);
            if (code == Z_ERRNO)
                fail(QStringLiteral("read error: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            fail(QStringLiteral("corrupt or truncated gzip data (%1)").arg(zlibMessage()));
        }
        if (got == 0) {
            // A gzip stream cut short reads as a clean end unless the error state is checked.
            int code = Z_OK;
            gzerror(m_gz, &code);
            if (code != Z_OK)
                fail(QStringLiteral("corrupt or truncated gzip data (%1)").arg(zlibMessage()));
        }
        const z_off_t off = gzoffset(m_gz);
        m_offsetAfter = off >= 0 ? static_cast<std::int64_t>(off) : m_offsetBefore;
    } else {
        got = m_plain.read(m_buffer.get() + rest, static_cast<qint64>(want));
        if (got < 0)
            fail(QStringLiteral("read error: %1").arg(m_plain.errorString()));
        m_offsetAfter = m_offsetBefore + got;
    }
    m_end += static_cast<std::size_t>(got);
    if (got == 0)
        m_eof = true;
    return got > 0;
}

bool LineReader::next(std::string_view& line)
{
    for (;;) {
        const char* base = m_buffer.get();
        const void* nl = m_begin < m_end ? std::memchr(base + m_begin, '\n', m_end - m_begin) : nullptr;
        if (nl) {
            const std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
            std::size_t len = stop - m_begin;
            if (len > 0 && base[m_begin + len - 1] == '\r')
                --len;
            line = std::string_view(base + m_begin, len);
            m_begin = stop + 1;
            if (++m_lineNumber == 1)
                skipByteOrderMark(line);
            return true;
        }
        if (m_eof || !fill()) {
            // The last line may lack its newline.
            if (m_begin == m_end)
                return false;
            std::size_t len = m_end - m_begin;
            if (m_buffer[m_begin + len - 1] == '\r')
                --len;
            line = std::string_view(m_buffer.get() + m_begin, len);
            m_begin = m_end;
            if (++m_lineNumber == 1)
                skipByteOrderMark(line);
            return true;
        }
    }
}

double LineReader::progress() const
{
    if (m_fileSize <= 0)
        return m_eof ? 1.0 : 0.0;
    if (m_eof && m_begin == m_end)
        return 1.0;
    const std::size_t filled = m_end - m_fillStart;
    const double consumed
        = filled > 0 && m_begin > m_fillStart ? double(m_begin - m_fillStart) / double(filled) : 0.0;
    const double offset = double(m_offsetBefore) + consumed * double(m_offsetAfter - m_offsetBefore);
    return std::clamp(offset / double(m_fileSize), 0.0, 1.0);
}

} // namespace veloce
