// The journal (issue 4): a restart restores open positions and cash from the fills; a halt
// survives a restart until re-armed; an event is announced as committed only once it is
// readable from another connection (durable, not just queued).
#include "safety/journal.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;

namespace {
SessionEvent entry(
    std::int64_t seq, std::int64_t id, Side side, double price, double qty, double fee, double cash)
{
    SessionEvent e;
    e.kind = SessionEvent::Kind::Fill;
    e.seq = seq;
    e.barMs = 1000 * seq;
    e.close = price;
    e.fill = { id, 1000 * seq, true, side, price, qty, fee, cash, ExitReason::Stop };
    e.position.id = id;
    e.position.side = side;
    e.position.entry = price;
    e.position.qty = qty;
    e.position.stop = price * (side == Side::Long ? 0.99 : 1.01);
    e.position.target = price * (side == Side::Long ? 1.02 : 0.98);
    e.position.score = 5.5;
    return e;
}

SessionEvent exitFill(std::int64_t seq, std::int64_t id, Side side, double price, double qty, double cash)
{
    SessionEvent e;
    e.kind = SessionEvent::Kind::Fill;
    e.seq = seq;
    e.barMs = 1000 * seq;
    e.close = price;
    e.fill = { id, 1000 * seq, false, side, price, qty, 0.5, cash, ExitReason::Target };
    return e;
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void restoresOpenPositionsAndCash();
    void haltSurvivesRestartUntilRearmed();
    void committedMeansReadable();
};

void TestJournal::restoresOpenPositionsAndCash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    {
        Journal j(path);
        j.open();
        QCOMPARE(j.recover(100000).any, false);
        j.beginSession({ QStringLiteral("paper"), QStringLiteral("paper"), QStringLiteral("sim"),
                           QStringLiteral("abc"), QStringLiteral("{}") },
            0);
        j.record(entry(1, 1, Side::Long, 100, 10, 0.4, 99999.6));
        j.record(entry(2, 2, Side::Short, 101, 5, 0.2, 99999.4));
        j.record(exitFill(3, 1, Side::Long, 102, 10, 100019.0));
        j.record(entry(4, 3, Side::Long, 103, 2, 0.1, 100018.9));
        j.flush();
    } // no endSession: as after kill -9
    Journal j(path);
    j.open();
    const RecoveredAccount a = j.recover(100000);
    QVERIFY(a.any);
    QCOMPARE(a.cash, 100018.9);
    QCOMPARE(a.positions.size(), std::size_t(2));
    QCOMPARE(a.positions[0].id, std::int64_t(2));
    QCOMPARE(a.positions[0].side, Side::Short);
    QCOMPARE(a.positions[0].entry, 101.0);
    QCOMPARE(a.positions[0].qty, 5.0);
    QCOMPARE(a.positions[0].stop, 101 * 1.01);
    QCOMPARE(a.positions[0].score, 5.5);
    QCOMPARE(a.positions[1].id, std::int64_t(3));
    QCOMPARE(a.nextPositionId, std::int64_t(4));
    QCOMPARE(a.lastEntryMs, std::int64_t(4000));
    QCOMPARE(a.lastBarMs, std::int64_t(4000));
    QCOMPARE(a.lastClose, 103.0);
    QCOMPARE(a.fromSession, std::int64_t(1));
}

void TestJournal::haltSurvivesRestartUntilRearmed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    KillReport r;
    r.reason = QStringLiteral("operator");
    r.origin = QStringLiteral("cli");
    r.flat = true;
    r.flattenLatencyMs = 0.7;
    {
        Journal j(path);
        j.open();
        j.beginSession({}, 0);
        j.recordKill(r);
        j.flush();
    }
    {
        Journal j(path);
        j.open();
        const RecoveredAccount a = j.recover(1000);
        QVERIFY(a.halted);
        QCOMPARE(a.haltReason, QStringLiteral("operator"));
        j.beginSession({}, a.fromSession);
        j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("gui"));
        j.flush();
    }
    Journal j(path);
    j.open();
    QVERIFY(!j.recover(1000).halted);
}

void TestJournal::committedMeansReadable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    Journal j(path);
    j.open();
    j.beginSession({}, 0);
    QSignalSpy committed(&j, &Journal::committed);
    int rowsWhenAcknowledged = -1;
    connect(
        &j, &Journal::committed, this,
        [&](const SessionEvent& e) {
            if (e.kind != SessionEvent::Kind::Fill)
                return;
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM fills")) && q.next())
                    rowsWhenAcknowledged = q.value(0).toInt();
            }
            db.close();
        },
        Qt::DirectConnection); // on the writer thread, right after the commit
    j.record(entry(1, 1, Side::Long, 100, 1, 0, 100000));
    QTRY_COMPARE(committed.count(), 1);
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    QCOMPARE(rowsWhenAcknowledged, 1);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
