#include "safety/sqlconnection.h"

#include <QSqlError>
#include <atomic>

namespace veloce {

SqlConnection::SqlConnection(const QString& path, Mode mode)
{
    static std::atomic<int> counter { 0 };
    m_name = QStringLiteral("veloce-sql-%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (mode == Mode::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open())
        m_error = m_db.lastError().text();
}

SqlConnection::~SqlConnection()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace veloce
