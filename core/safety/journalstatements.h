#pragma once

#include "engine/sessionevent.h"
#include "safety/alert.h"

#include <QSqlQuery>
#include <QString>

class QSqlDatabase;

namespace veloce {

// The journal writer's SQL: one prepared statement per table, prepared once per connection
// (preparing per row would cost more than the insert). Writer thread only. Every method throws
// JournalError naming the file and the table when SQLite refuses.
class JournalStatements
{
public:
    JournalStatements(QSqlDatabase& db, const QString& path);

    void event(std::int64_t sessionId, const SessionEvent& e);
    void safety(std::int64_t sessionId, std::int64_t wallMs, const QString& kind, const QString& text,
        const QString& origin, const QString& detail, double latencyMs);
    // Inserted, or updated by id when it is acknowledged later.
    void alert(std::int64_t sessionId, const Alert& a);
    // The session row's view of what is committed: newest bar and close (when lastBarMs > 0),
    // fills and highest sequence number. In the same transaction as the rows it counts.
    void progress(std::int64_t sessionId, std::int64_t lastBarMs, double lastClose, std::int64_t fills,
        std::int64_t lastSeq);

private:
    QSqlQuery prepare(const char* sql);
    void run(QSqlQuery& q, const char* table);

    QString m_path;
    QSqlDatabase& m_db;
    QSqlQuery m_signal;
    QSqlQuery m_fill;
    QSqlQuery m_fillOrder;
    QSqlQuery m_order;
    QSqlQuery m_trade;
    QSqlQuery m_equity;
    QSqlQuery m_event;
    QSqlQuery m_alert;
    QSqlQuery m_progress;
};

} // namespace veloce
