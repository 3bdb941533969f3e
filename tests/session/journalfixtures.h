#pragma once

#include "safety/journal.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace veloce::test {

// Journals written through the real Journal, with fills that follow the account's own arithmetic
// (docs/strategy.md §5), so that a valid one passes every restore check and a hand-edited copy
// fails exactly the check it breaks.
class JournalWriter
{
public:
    explicit JournalWriter(const QString& path, double cash = 100000, int maxOpen = 2)
        : m_journal(path)
        , m_cash(cash)
        , m_maxOpen(maxOpen)
    {
        m_journal.open({ cash, maxOpen });
    }
    Journal& journal() { return m_journal; }
    double cash() const { return m_cash; }

    std::int64_t beginSession(const QString& broker = QStringLiteral("paper"))
    {
        Journal::SessionInfo info;
        info.mode = broker == QLatin1String("paper") ? QStringLiteral("paper") : QStringLiteral("dry_run");
        info.broker = broker;
        info.initialCapital = m_cash;
        info.maxOpenPositions = m_maxOpen;
        m_seq = 0;
        return m_journal.beginSession(info);
    }
    void entry(std::int64_t id, Side side, double price, double qty, double fee = 0.5)
    {
        m_cash -= fee;
        SessionEvent e = event(SessionEvent::Kind::Fill, price);
        e.fill = { id, e.barMs, true, side, price, qty, fee, m_cash, ExitReason::Stop };
        e.position.id = id;
        e.position.side = side;
        e.position.entry = price;
        e.position.qty = qty;
        e.position.stop = price * (side == Side::Long ? 0.99 : 1.01);
        e.position.target = price * (side == Side::Long ? 1.02 : 0.98);
        e.position.score = 5.5;
        m_open[id] = e.position;
        m_journal.record(&e, 1);
    }
    void exit(std::int64_t id, double price, double fee = 0.5)
    {
        const Position p = m_open.at(id);
        m_open.erase(id);
        m_cash += sign(p.side) * (price - p.entry) * p.qty - fee;
        SessionEvent fill = event(SessionEvent::Kind::Fill, price);
        fill.fill = { id, fill.barMs, false, p.side, price, p.qty, fee, m_cash, ExitReason::Target };
        SessionEvent trade = event(SessionEvent::Kind::Trade, price);
        trade.trade.positionId = id;
        trade.trade.side = p.side;
        trade.trade.entryPrice = p.entry;
        trade.trade.exitPrice = price;
        trade.trade.qty = p.qty;
        const SessionEvent both[] = { fill, trade };
        m_journal.record(both, 2);
    }
    void flush() { m_journal.flush(); }

private:
    SessionEvent event(SessionEvent::Kind kind, double close)
    {
        SessionEvent e;
        e.kind = kind;
        e.seq = ++m_seq;
        m_barMs += 1000;
        e.barMs = m_barMs;
        e.wallMs = m_barMs;
        e.close = close;
        return e;
    }
    Journal m_journal;
    double m_cash;
    int m_maxOpen;
    std::int64_t m_seq = 0;
    std::int64_t m_barMs = 1700000000000;
    std::map<std::int64_t, Position> m_open;
};

// Two paper sessions: positions 1..3 traded, 4 still open.
inline void writeValidJournal(const QString& path)
{
    JournalWriter w(path);
    w.beginSession();
    w.entry(1, Side::Long, 100, 10);
    w.entry(2, Side::Short, 101, 5);
    w.exit(1, 102);
    w.exit(2, 99);
    w.beginSession();
    w.entry(3, Side::Long, 103, 2);
    w.exit(3, 104);
    w.entry(4, Side::Long, 105, 3);
    w.flush();
}

inline bool execSql(const QString& path, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture-edit"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString& sql : statements)
            ok = ok && q.exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture-edit"));
    return ok;
}

inline QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// Overwrites the middle of the b-tree page that holds `table`'s rows: SQLite's integrity check
// fails on it, while the header (and so "is it a database at all") stays intact.
inline bool corruptTablePage(const QString& path, const QString& table)
{
    int root = 0;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture-root"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            if (q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(table))
                && q.next())
                root = q.value(0).toInt();
            q.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture-root"));
    QFile f(path);
    if (root <= 1 || !f.open(QIODevice::ReadWrite))
        return false;
    const qint64 pageSize = 4096;
    f.seek((root - 1) * pageSize + 8);
    f.write(QByteArray(64, '\xff')); // the page header's cell pointers point nowhere now
    return true;
}

} // namespace veloce::test
