#pragma once

#include <QString>

class QSqlDatabase;

namespace veloce {

// Decides, before anything is written, whether a file may be used as a journal
// (docs/safety.md "Restore validation"): it must be a writable regular file holding an SQLite
// database that passes PRAGMA integrity_check and is either empty, a Veloce journal of a known
// schema version, or the unversioned journal of Veloce 0.1. Anything else is refused with a
// JournalError(Refused) naming the file and the problem -- and the file is never modified: the
// checks run on a read-only connection.
class JournalInspector
{
public:
    enum class State
    {
        New, // no file yet, or an SQLite database without any table: create the schema
        Current, // a journal of JournalSchema::kVersion
        Legacy, // an older journal: upgrade after validation
    };
    struct Verdict
    {
        State state = State::New;
        int version = 0;
    };

    // Throws JournalError(Refused).
    static Verdict inspect(const QString& path);
    // How SQLite's words for an unreadable file read to a person ("is not an SQLite database").
    static QString describeSqliteError(const QString& driverText);

private:
    static void checkFile(const QString& path);
    static Verdict checkDatabase(QSqlDatabase& db, const QString& path);
};

} // namespace veloce
