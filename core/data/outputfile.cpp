#include "data/outputfile.h"

#include "data/dataerror.h"

#include <QFile>
#include <QFileInfo>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace veloce {

namespace {
QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

std::atomic<unsigned> g_tempCounter { 0 };
} // namespace

void OutputFile::fail(const QString& path, const QString& what, int code)
{
    throw DataError(
        QStringLiteral("%1: %2: %3").arg(path, what, QString::fromLocal8Bit(std::strerror(code))));
}

OutputFile::OutputFile(const QString& path, Mode mode)
    : m_path(path)
    , m_target(path)
{
    if (path.isEmpty())
        throw DataError(QStringLiteral("no output file name given"));
    struct stat st
    {
    };
    const bool exists = ::stat(native(path).constData(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw DataError(QStringLiteral("%1: is a directory, not a file").arg(path));
    if (exists && !S_ISREG(st.st_mode)) {
        m_regular = false;
        mode = Mode::Direct; // a device or FIFO: write into it, never rename over it
    } else if (exists) {
        m_target = QFileInfo(path).canonicalFilePath();
    }
    if (mode == Mode::Direct) {
        const int flags = O_WRONLY | O_CLOEXEC | (m_regular ? O_CREAT | O_TRUNC : 0);
        m_fd = ::open(native(m_target).constData(), flags, 0666);
        if (m_fd < 0)
            fail(path, QStringLiteral("cannot write"), errno);
        return;
    }
    // The temporary sibling is created with the usual 0666 & ~umask, like the file itself would be.
    for (int attempt = 0; m_fd < 0; ++attempt) {
        m_temp = QStringLiteral("%1.tmp-%2-%3").arg(m_target).arg(::getpid()).arg(g_tempCounter++);
        m_fd = ::open(native(m_temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0 && (errno != EEXIST || attempt > 100))
            fail(path, QStringLiteral("cannot write"), errno);
    }
    if (exists)
        ::fchmod(m_fd, st.st_mode & 07777); // replacing a file keeps its permissions
}

OutputFile::~OutputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_temp.isEmpty())
        ::unlink(native(m_temp).constData());
}

void OutputFile::write(const char* data, std::size_t size)
{
    if (m_fd < 0)
        throw DataError(QStringLiteral("%1: written after it was closed").arg(m_path));
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(m_path, QStringLiteral("write failed"), n < 0 ? errno : EIO);
        data += n;
        size -= std::size_t(n);
    }
}

void OutputFile::commit()
{
    if (m_fd < 0)
        return;
    // Data first on disk, then the name: after a crash the file is the old one or the new one.
    if (m_regular && ::fsync(m_fd) != 0)
        fail(m_path, QStringLiteral("write failed"), errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        fail(m_path, QStringLiteral("write failed"), errno);
    if (m_temp.isEmpty())
        return;
    if (::rename(native(m_temp).constData(), native(m_target).constData()) != 0)
        fail(m_path, QStringLiteral("cannot replace"), errno);
    m_temp.clear();
}

} // namespace veloce
