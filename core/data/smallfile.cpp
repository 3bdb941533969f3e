#include "data/smallfile.h"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace veloce {

namespace {
QString osError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// Closes on every path out of read().
struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};
} // namespace

QString SmallFile::sizeText(qint64 bytes)
{
    if (bytes >= (qint64(1) << 20) && bytes % (qint64(1) << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

std::optional<QByteArray> SmallFile::read(const QString& path, qint64 maxBytes, QString& problem)
{
    const QByteArray native = QFile::encodeName(path);
    if (path.isEmpty()) {
        problem = QStringLiteral("no file name given");
        return std::nullopt;
    }
    struct stat st
    {
    };
    if (::stat(native.constData(), &st) != 0) {
        problem = errno == ENOENT ? QStringLiteral("file not found")
                                  : QStringLiteral("cannot read: %1").arg(osError(errno));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        problem = QStringLiteral("is a directory, not a file");
        return std::nullopt;
    }
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
        problem = QStringLiteral("is a %1, not a file")
                      .arg(S_ISSOCK(st.st_mode) ? QStringLiteral("socket") : QStringLiteral("device"));
        return std::nullopt;
    }
    if (S_ISREG(st.st_mode) && st.st_size > maxBytes) {
        problem = QStringLiteral("is %1 bytes, more than the limit of %2")
                      .arg(st.st_size)
                      .arg(sizeText(maxBytes));
        return std::nullopt;
    }
    // O_NONBLOCK only for the open: a FIFO without a writer then reads as empty instead of hanging.
    Fd f { ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK) };
    if (f.fd < 0) {
        problem = QStringLiteral("cannot read: %1").arg(osError(errno));
        return std::nullopt;
    }
    ::fcntl(f.fd, F_SETFL, ::fcntl(f.fd, F_GETFL) & ~O_NONBLOCK);
    QByteArray bytes;
    bytes.resize(qsizetype(std::min<qint64>(S_ISREG(st.st_mode) ? st.st_size + 1 : 64 * 1024, maxBytes + 1)));
    qsizetype used = 0;
    for (;;) {
        if (used == bytes.size()) {
            if (used > maxBytes) {
                problem = QStringLiteral("is larger than the limit of %1").arg(sizeText(maxBytes));
                return std::nullopt;
            }
            bytes.resize(qsizetype(std::min<qint64>(qint64(used) * 2, maxBytes + 1)));
        }
        const ssize_t got = ::read(f.fd, bytes.data() + used, std::size_t(bytes.size() - used));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            problem = QStringLiteral("cannot read: %1").arg(osError(errno));
            return std::nullopt;
        }
        if (got == 0)
            break;
        used += got;
    }
    bytes.resize(used);
    return bytes;
}

} // namespace veloce
