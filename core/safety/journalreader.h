#pragma once

#include "safety/journalsession.h"

#include <QString>
#include <memory>
#include <vector>

namespace veloce {

class SqlConnection;

// Reads past sessions back from a journal for people (the GUI's Sessions browser): its own
// SQLite connection, opened read-only (SQLITE_OPEN_READONLY), so it can never write, lock the
// writer out or change the file -- a session may be running on the same journal meanwhile (WAL
// lets readers and the one writer work side by side). Never goes through Journal, the writer.
//
// Threads: a QSqlDatabase connection belongs to the thread that opened it, so a reader is made,
// used and destroyed on one thread (the GUI loads sessions on a worker thread).
class JournalReader
{
public:
    // Throws JournalError naming the file when it is missing or not a Veloce journal.
    explicit JournalReader(const QString& path);
    ~JournalReader();
    JournalReader(const JournalReader&) = delete;
    JournalReader& operator=(const JournalReader&) = delete;

    QString path() const { return m_path; }
    // Every session, newest first. A few aggregate queries, whatever the journal's size.
    std::vector<JournalSessionInfo> sessions() const;
    // One session in full. Throws JournalError for an unknown id.
    JournalSession session(std::int64_t id) const;

private:
    QString m_path;
    std::unique_ptr<SqlConnection> m_db;
};

} // namespace veloce
