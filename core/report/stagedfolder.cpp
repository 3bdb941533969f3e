#include "report/stagedfolder.h"

#include "data/dataerror.h"
#include "data/outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace veloce {

namespace {
QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

std::atomic<unsigned> g_stagingCounter { 0 };

// Swaps two paths atomically where the file system can (Linux 3.15+: ext4, xfs, btrfs, tmpfs).
bool exchange(const QByteArray& a, const QByteArray& b)
{
#ifdef RENAME_EXCHANGE
    return ::renameat2(AT_FDCWD, a.constData(), AT_FDCWD, b.constData(), RENAME_EXCHANGE) == 0;
#else
    Q_UNUSED(a);
    Q_UNUSED(b);
    errno = ENOSYS;
    return false;
#endif
}
} // namespace

StagedFolder::StagedFolder(const QString& dir, const QStringList& ownFiles)
    : m_dir(dir)
{
    if (dir.trimmed().isEmpty())
        throw DataError(QStringLiteral("no output folder given"));
    const QFileInfo info(dir);
    m_target = QDir::cleanPath(info.absoluteFilePath());
    if (info.exists() && !info.isDir())
        throw DataError(
            QStringLiteral("%1: is a file, not a folder; name a new or an earlier result folder").arg(dir));
    if (info.isDir()) {
        m_target = info.canonicalFilePath(); // a symlinked folder: replace what it points to
        const QFileInfoList entries = QDir(m_target).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo& e : entries) {
            if (!e.isFile() || e.isSymLink() || !QDir::match(ownFiles, e.fileName()))
                throw DataError(
                    QStringLiteral("%1: holds \"%2\", which is not part of a Veloce result; the folder "
                                   "is replaced as a whole, so name a new folder or an earlier result")
                        .arg(dir, e.fileName()));
        }
    }
    const QString parent = QFileInfo(m_target).path();
    if (m_target == parent)
        throw DataError(QStringLiteral("%1: cannot be replaced (it is the root folder)").arg(dir));
    makeParents(parent);
    removeAbandoned(parent);
    for (int attempt = 0;; ++attempt) {
        m_staging = QStringLiteral("%1/.%2.staging-%3-%4")
                        .arg(parent, QFileInfo(m_target).fileName())
                        .arg(::getpid())
                        .arg(g_stagingCounter++);
        if (::mkdir(native(m_staging).constData(), 0777) == 0)
            break;
        if (errno != EEXIST || attempt > 100)
            OutputFile::fail(dir, QStringLiteral("cannot create a folder beside it"), errno);
    }
    struct stat st
    {
    };
    if (info.isDir() && ::stat(native(m_target).constData(), &st) == 0)
        ::chmod(native(m_staging).constData(), st.st_mode & 07777); // the folder keeps its permissions
}

StagedFolder::~StagedFolder()
{
    if (!m_committed && !m_staging.isEmpty())
        QDir(m_staging).removeRecursively();
}

QString StagedFolder::filePath(const QString& name) const
{
    return m_staging + QLatin1Char('/') + name;
}

void StagedFolder::removeAbandoned(const QString& parent) const
{
    // Staging folders of runs that were killed (kill -9, a crash, Ctrl-C): their process is gone.
    const QString prefix = QStringLiteral(".%1.staging-").arg(QFileInfo(m_target).fileName());
    const QStringList names = QDir(parent).entryList(
        { prefix + QLatin1Char('*') }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QString& name : names) {
        bool ok = false;
        const qint64 pid = name.mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(parent + QLatin1Char('/') + name).removeRecursively();
    }
}

void StagedFolder::makeParents(const QString& dir) const
{
    const QFileInfo info(dir);
    if (info.isDir())
        return;
    if (info.exists())
        throw DataError(QStringLiteral("%1: cannot create the folder %2: a file of that name is in the way")
                            .arg(m_dir, dir));
    const QString up = info.path();
    if (up != dir)
        makeParents(up);
    if (::mkdir(native(dir).constData(), 0777) != 0 && errno != EEXIST)
        OutputFile::fail(m_dir, QStringLiteral("cannot create the folder %1").arg(dir), errno);
}

void StagedFolder::syncDirectory(const QString& dir) const
{
    // So that the names (the files in the staged folder, the swap) are on disk, not only the data.
    const int fd = ::open(native(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

void StagedFolder::commit()
{
    if (m_committed)
        return;
    syncDirectory(m_staging);
    const QByteArray staging = native(m_staging);
    const QByteArray target = native(m_target);
    const QString parent = QFileInfo(m_target).path();
    if (!QFileInfo::exists(m_target)) {
        if (::rename(staging.constData(), target.constData()) != 0)
            OutputFile::fail(m_dir, QStringLiteral("cannot put the result in place"), errno);
        m_committed = true;
        syncDirectory(parent);
        return;
    }
    if (exchange(staging, target)) {
        m_committed = true; // the old result is now at the staging name
        syncDirectory(parent);
        QDir(m_staging).removeRecursively();
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        OutputFile::fail(m_dir, QStringLiteral("cannot put the result in place"), errno);
    // No atomic exchange here: old aside, new in, old removed. A crash in between leaves both
    // complete folders on disk (the new one under the staging name).
    const QByteArray aside = native(m_staging + QStringLiteral(".old"));
    if (::rename(target.constData(), aside.constData()) != 0)
        OutputFile::fail(m_dir, QStringLiteral("cannot move the earlier result aside"), errno);
    if (::rename(staging.constData(), target.constData()) != 0) {
        const int code = errno;
        ::rename(aside.constData(), target.constData());
        OutputFile::fail(m_dir, QStringLiteral("cannot put the result in place"), code);
    }
    m_committed = true;
    syncDirectory(parent);
    QDir(QFile::decodeName(aside)).removeRecursively();
}

} // namespace veloce
