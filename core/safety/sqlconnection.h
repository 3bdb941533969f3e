#pragma once

#include <QSqlDatabase>
#include <QString>

namespace veloce {

// One named Qt SQL connection to an SQLite file, removed again when this goes out of scope (Qt
// connections are global by name and must be used on the thread that opened them).
class SqlConnection
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite
    };
    SqlConnection(const QString& path, Mode mode);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QString errorText() const { return m_error; }
    QSqlDatabase& db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace veloce
