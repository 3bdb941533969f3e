#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>

class QSqlDatabase;

namespace veloce {

// The journal's tables and their version (docs/safety.md "Journal schema"). A Veloce journal
// carries PRAGMA application_id = kApplicationId and PRAGMA user_version = kVersion; version 0 is
// the unversioned layout of Veloce 0.1 (same tables, fewer columns), upgraded in place. Nothing
// here decides whether a file may be touched: JournalInspector does that first.
namespace JournalSchema {

constexpr int kVersion = 1;
// "Vlce": tells a Veloce journal apart from any other SQLite database.
constexpr std::int32_t kApplicationId = 0x566c6365;

// The tables a journal of any version has, and the columns version 0 had in each of them
// (what identifies an unversioned file as an old Veloce journal rather than something else).
const QStringList& tables();
QStringList legacyColumns(const QString& table);

// Creates every table of an empty database and stamps it. Throws JournalError.
void create(QSqlDatabase& db, const QString& path);
// Brings a version-0 journal to kVersion (added columns and tables). Throws JournalError.
void upgrade(QSqlDatabase& db, const QString& path, int fromVersion);

} // namespace JournalSchema

} // namespace veloce
