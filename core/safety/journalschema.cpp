#include "safety/journalschema.h"

#include "safety/journalerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace veloce {

namespace {

// Version 1. Every column that version 0 had keeps its name and meaning.
const char* const kTables[] = {
    "CREATE TABLE sessions (id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, ended_ms INTEGER,"
    " end_reason TEXT, mode TEXT, broker TEXT, source TEXT, config_hash TEXT, config_json TEXT,"
    " app_version TEXT, recovered_from INTEGER, last_bar_ms INTEGER, last_close REAL,"
    " fill_count INTEGER, last_seq INTEGER, resumed_after_ms INTEGER, feed_start_ms INTEGER,"
    " feed_start_price REAL, initial_capital REAL, max_open_positions INTEGER)",
    "CREATE TABLE signals (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms INTEGER,"
    " t INTEGER, side TEXT, score REAL, size_fraction REAL, stop REAL, target REAL, accepted INTEGER,"
    " reject_reason TEXT, squeeze REAL, divergence REAL, reset REAL, momentum REAL, volume REAL)",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms INTEGER,"
    " position_id INTEGER, kind TEXT, status TEXT, side TEXT, qty REAL, price REAL, tag TEXT,"
    " venue_id INTEGER, message TEXT)",
    "CREATE TABLE fills (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms INTEGER,"
    " t INTEGER, position_id INTEGER, entry INTEGER, side INTEGER, price REAL, qty REAL, fee REAL,"
    " cash_after REAL, stop REAL, target REAL, score REAL, reason TEXT)",
    "CREATE TABLE trades (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, wall_ms INTEGER,"
    " position_id INTEGER, entry_ms INTEGER, exit_ms INTEGER, side TEXT, entry_price REAL,"
    " exit_price REAL, qty REAL, pnl REAL, fees REAL, exit_reason TEXT, score REAL)",
    "CREATE TABLE equity (id INTEGER PRIMARY KEY, session_id INTEGER, t INTEGER, equity REAL,"
    " cash REAL, drawdown REAL, close REAL)",
    "CREATE TABLE events (id INTEGER PRIMARY KEY, session_id INTEGER, wall_ms INTEGER, kind TEXT,"
    " text TEXT, origin TEXT, detail TEXT, latency_ms REAL)",
    "CREATE TABLE alerts (id INTEGER PRIMARY KEY, session_id INTEGER, wall_ms INTEGER, kind TEXT,"
    " severity TEXT, source TEXT, message TEXT, acknowledged_ms INTEGER, acknowledged_by TEXT)",
};

// What version 1 added to version 0.
const char* const kUpgradeFrom0[] = {
    "ALTER TABLE sessions ADD COLUMN fill_count INTEGER", "ALTER TABLE sessions ADD COLUMN last_seq INTEGER",
    "ALTER TABLE sessions ADD COLUMN resumed_after_ms INTEGER",
    "ALTER TABLE sessions ADD COLUMN feed_start_ms INTEGER",
    "ALTER TABLE sessions ADD COLUMN feed_start_price REAL",
    "ALTER TABLE sessions ADD COLUMN initial_capital REAL",
    "ALTER TABLE sessions ADD COLUMN max_open_positions INTEGER",
    kTables[7], // alerts
};

void run(QSqlDatabase& db, const QString& path, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw JournalError(
            QStringLiteral("%1: cannot set up the journal: %2").arg(path, q.lastError().text()));
}

void stamp(QSqlDatabase& db, const QString& path)
{
    run(db, path, QStringLiteral("PRAGMA application_id = %1").arg(JournalSchema::kApplicationId));
    run(db, path, QStringLiteral("PRAGMA user_version = %1").arg(JournalSchema::kVersion));
}

// All or nothing: a crash half-way leaves the file as it was.
template<typename F> void inTransaction(QSqlDatabase& db, const QString& path, F body)
{
    if (!db.transaction())
        throw JournalError(
            QStringLiteral("%1: cannot set up the journal: %2").arg(path, db.lastError().text()));
    try {
        body();
    } catch (...) {
        db.rollback();
        throw;
    }
    if (!db.commit())
        throw JournalError(
            QStringLiteral("%1: cannot set up the journal: %2").arg(path, db.lastError().text()));
}

} // namespace

namespace JournalSchema {

const QStringList& tables()
{
    static const QStringList t = { QStringLiteral("sessions"), QStringLiteral("signals"),
        QStringLiteral("orders"), QStringLiteral("fills"), QStringLiteral("trades"), QStringLiteral("equity"),
        QStringLiteral("events") };
    return t;
}

QStringList legacyColumns(const QString& table)
{
    if (table == QLatin1String("sessions"))
        return QStringLiteral("id started_ms ended_ms end_reason mode broker source config_hash config_json "
                              "app_version recovered_from last_bar_ms last_close")
            .split(QLatin1Char(' '));
    if (table == QLatin1String("signals"))
        return QStringLiteral("id session_id seq wall_ms t side score size_fraction stop target accepted "
                              "reject_reason squeeze divergence reset momentum volume")
            .split(QLatin1Char(' '));
    if (table == QLatin1String("orders"))
        return QStringLiteral(
            "id session_id seq wall_ms position_id kind status side qty price tag venue_id message")
            .split(QLatin1Char(' '));
    if (table == QLatin1String("fills"))
        return QStringLiteral(
            "id session_id seq wall_ms t position_id entry side price qty fee cash_after stop "
            "target score reason")
            .split(QLatin1Char(' '));
    if (table == QLatin1String("trades"))
        return QStringLiteral(
            "id session_id seq wall_ms position_id entry_ms exit_ms side entry_price exit_price "
            "qty pnl fees exit_reason score")
            .split(QLatin1Char(' '));
    if (table == QLatin1String("equity"))
        return QStringLiteral("id session_id t equity cash drawdown close").split(QLatin1Char(' '));
    if (table == QLatin1String("events"))
        return QStringLiteral("id session_id wall_ms kind text origin detail latency_ms")
            .split(QLatin1Char(' '));
    return {};
}

void create(QSqlDatabase& db, const QString& path)
{
    inTransaction(db, path, [&] {
        for (const char* sql : kTables)
            run(db, path, QString::fromLatin1(sql));
        stamp(db, path);
    });
}

void upgrade(QSqlDatabase& db, const QString& path, int fromVersion)
{
    if (fromVersion != 0)
        throw JournalError(QStringLiteral("%1: no upgrade from journal schema %2").arg(path).arg(fromVersion),
            JournalError::Kind::Refused);
    inTransaction(db, path, [&] {
        for (const char* sql : kUpgradeFrom0)
            run(db, path, QString::fromLatin1(sql));
        stamp(db, path);
    });
}

} // namespace JournalSchema

} // namespace veloce
