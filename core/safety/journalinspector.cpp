#include "safety/journalinspector.h"

#include "safety/journalerror.h"
#include "safety/journalschema.h"
#include "safety/sqlconnection.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace veloce {

namespace {

constexpr qint64 kWalHeaderBytes = 32; // a -wal of this size or less holds no frame (sqlite.org/fileformat2)

[[noreturn]] void refuse(const QString& path, const QString& problem)
{
    throw JournalError(QStringLiteral("%1: %2").arg(path, problem), JournalError::Kind::Refused);
}

// The first bytes of a file for a message: printable ASCII as is, anything else escaped, so
// that a control character in a hostile file never reaches the terminal raw.
QString preview(const QByteArray& bytes)
{
    QString out;
    for (const char c : bytes.left(24)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f)
            out += QLatin1Char(c);
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return out;
}

bool looksLikeText(const QByteArray& bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return true;
}

std::uint32_t be32(const QByteArray& b, int at)
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
}

QString sqliteProblem(const QString& driverText)
{
    if (driverText.contains(QLatin1String("not a database")))
        return QStringLiteral("is not an SQLite database");
    if (driverText.contains(QLatin1String("malformed")) || driverText.contains(QLatin1String("corrupt")))
        return QStringLiteral("is damaged (SQLite: database disk image is malformed)");
    return QStringLiteral("cannot be read as an SQLite database (%1)").arg(driverText.trimmed());
}

QStringList columnsOf(QSqlDatabase& db, const QString& table)
{
    QStringList out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        while (q.next())
            out << q.value(1).toString();
    return out;
}

} // namespace

void JournalInspector::checkFile(const QString& path)
{
    const QFileInfo fi(path);
    if (fi.isDir())
        refuse(path, QStringLiteral("is a directory, not a journal file"));
    if (!fi.isFile())
        refuse(path,
            QStringLiteral("is not a regular file (a device, pipe or socket): a journal must be a file"));
    const QByteArray local = QFile::encodeName(fi.absoluteFilePath());
    if (::access(local.constData(), R_OK) != 0)
        refuse(path, QStringLiteral("cannot be read (%1)").arg(QString::fromLocal8Bit(std::strerror(errno))));
    // access() rather than permission bits: it also answers for read-only mounts, and for root.
    if (::access(local.constData(), W_OK) != 0)
        refuse(path,
            QStringLiteral("is read-only (%1): the journal must be writable")
                .arg(QString::fromLocal8Bit(std::strerror(errno))));
    const QByteArray dir = QFile::encodeName(fi.absolutePath());
    if (::access(dir.constData(), W_OK) != 0)
        refuse(path,
            QStringLiteral("its folder is not writable (%1): SQLite keeps its -wal and -shm files there")
                .arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (fi.size() == 0)
        refuse(path, QStringLiteral("is empty (0 bytes), not a journal"));

    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        refuse(path, QStringLiteral("cannot be read (%1)").arg(f.errorString()));
    const QByteArray head = f.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!head.startsWith(magic)) {
        if (looksLikeText(head))
            refuse(path,
                QStringLiteral("is a text file (it starts with \"%1\"), not a journal").arg(preview(head)));
        refuse(path, QStringLiteral("is not an SQLite database (it starts with \"%1\")").arg(preview(head)));
    }
    if (head.size() < 100)
        refuse(path, QStringLiteral("is truncated (%1 bytes, less than an SQLite header)").arg(head.size()));
    // The header's page count is valid when its "version-valid-for" equals the change counter.
    std::uint32_t pageSize
        = (static_cast<unsigned char>(head[16]) << 8) | static_cast<unsigned char>(head[17]);
    if (pageSize == 1)
        pageSize = 65536;
    const std::uint32_t pages = be32(head, 28);
    // A process killed during a checkpoint leaves page 1 (with the new page count) copied from the
    // write-ahead log and the file not yet extended: the -wal beside it still holds every page and
    // SQLite replays it on open (the integrity check after opening sees the result). Only without
    // a -wal with frames in it is a short file truncated.
    const bool walHasFrames = QFileInfo(path + QStringLiteral("-wal")).size() > kWalHeaderBytes;
    if (pages > 0 && !walHasFrames && be32(head, 92) == be32(head, 24)
        && static_cast<qint64>(pages) * pageSize > fi.size())
        refuse(path,
            QStringLiteral("is truncated: %1 bytes, but its header says %2 pages of %3 bytes")
                .arg(fi.size())
                .arg(pages)
                .arg(pageSize));
}

QString JournalInspector::describeSqliteError(const QString& driverText)
{
    return sqliteProblem(driverText);
}

JournalInspector::Verdict JournalInspector::checkDatabase(QSqlDatabase& db, const QString& path)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        refuse(path, sqliteProblem(q.lastError().text()));
    QStringList problems;
    while (q.next())
        problems << q.value(0).toString();
    if (problems.isEmpty() && q.lastError().isValid())
        refuse(path, sqliteProblem(q.lastError().text()));
    if (problems != QStringList { QStringLiteral("ok") })
        refuse(path,
            QStringLiteral("is damaged: SQLite's integrity check reports %1 problem(s), the first: %2")
                .arg(problems.size())
                .arg(problems.value(0)));

    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        refuse(path, sqliteProblem(q.lastError().text()));
    const qint64 appId = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        refuse(path, sqliteProblem(q.lastError().text()));
    const int version = q.value(0).toInt();
    QStringList tables;
    if (!q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                           " ORDER BY name")))
        refuse(path, sqliteProblem(q.lastError().text()));
    while (q.next())
        tables << q.value(0).toString();

    if (appId == JournalSchema::kApplicationId) {
        if (version > JournalSchema::kVersion)
            refuse(path,
                QStringLiteral(
                    "was written by a newer Veloce (journal schema %1; this version reads up to %2)")
                    .arg(version)
                    .arg(JournalSchema::kVersion));
        for (const QString& t : JournalSchema::tables())
            if (!tables.contains(t))
                refuse(path, QStringLiteral("is a Veloce journal without its \"%1\" table").arg(t));
        return { version == JournalSchema::kVersion ? State::Current : State::Legacy, version };
    }
    if (appId != 0)
        refuse(path,
            QStringLiteral(
                "is the database of another application (application_id 0x%1), not a Veloce journal")
                .arg(appId, 8, 16, QLatin1Char('0')));
    if (tables.isEmpty() && version == 0)
        return { State::New, 0 };
    // Veloce 0.1 wrote no stamp: its journals are recognised by their exact tables and columns.
    QStringList expected = JournalSchema::tables();
    expected.sort();
    bool legacy = version == 0 && tables == expected;
    for (const QString& t : JournalSchema::tables()) {
        if (!legacy)
            break;
        const QStringList have = columnsOf(db, t);
        for (const QString& c : JournalSchema::legacyColumns(t))
            legacy = legacy && have.contains(c);
    }
    if (!legacy)
        refuse(path,
            QStringLiteral("is an SQLite database but not a Veloce journal (tables: %1)")
                .arg(tables.isEmpty() ? QStringLiteral("none") : tables.join(QStringLiteral(", "))));
    return { State::Legacy, 0 };
}

JournalInspector::Verdict JournalInspector::inspect(const QString& path)
{
    if (!QFileInfo(path).exists() && !QFileInfo(path).isSymLink()) {
        const QFileInfo dir(QFileInfo(path).absolutePath());
        if (!dir.isDir())
            refuse(path, QStringLiteral("its folder %1 does not exist").arg(dir.filePath()));
        if (::access(QFile::encodeName(dir.filePath()).constData(), W_OK) != 0)
            refuse(path,
                QStringLiteral("cannot be created: the folder is not writable (%1)")
                    .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return { State::New, 0 };
    }
    checkFile(path);
    SqlConnection ro(path, SqlConnection::Mode::ReadOnly);
    if (!ro.isOpen())
        refuse(path, sqliteProblem(ro.errorText()));
    return checkDatabase(ro.db(), path);
}

} // namespace veloce
