// The journal (issues 4, 11, 12): a restart restores open positions and cash from the fills and
// the halt until re-armed; an event is acknowledged only once it is readable from another
// connection; the first failed commit is reported once and nothing after it is acknowledged;
// every journal that is not one Veloce could have written -- hand-edited, damaged, foreign, not a
// database at all -- is refused with a message naming the file and the problem, and left
// byte-for-byte as it was.
#include "journalfixtures.h"
#include "safety/committedevents.h"
#include "safety/journal.h"
#include "safety/journalschema.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;
using test::execSql;
using test::fileHash;

namespace {
const JournalRecovery::Rules kRules { 100000, 2 };

// The message of the refusal, or "" when the journal was accepted.
QString refusal(const QString& path, JournalError::Kind* kind = nullptr)
{
    try {
        Journal j(path);
        j.open(kRules);
    } catch (const JournalError& e) {
        if (kind)
            *kind = e.kind();
        return QString::fromUtf8(e.what());
    }
    return {};
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void restoresOpenPositionsAndCash();
    void haltSurvivesRestartUntilRearmed();
    void committedMeansReadable();
    void refusesWhatVeloceCouldNotHaveWritten_data();
    void refusesWhatVeloceCouldNotHaveWritten();
    void refusesFilesThatAreNoJournal_data();
    void refusesFilesThatAreNoJournal();
    void acceptsAJournalKilledDuringACheckpoint();
    void upgradesAnUnversionedJournal();
    void fullDiskFailsOnceAndAcknowledgesNothingAfter();
    void openAlarmsComeBack();
};

void TestJournal::restoresOpenPositionsAndCash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    double cash = 0;
    {
        test::JournalWriter w(path);
        w.beginSession();
        w.entry(1, Side::Long, 100, 10, 0.4);
        w.entry(2, Side::Short, 101, 5, 0.2);
        w.exit(1, 102);
        w.entry(3, Side::Long, 103, 2, 0.1);
        w.flush();
        cash = w.cash();
    } // no endSession: as after kill -9
    Journal j(path);
    const JournalState st = j.open(kRules);
    const RecoveredAccount& a = st.account;
    QVERIFY(a.any);
    QCOMPARE(a.cash, cash);
    QCOMPARE(a.positions.size(), std::size_t(2));
    QCOMPARE(a.positions[0].id, std::int64_t(2));
    QCOMPARE(a.positions[0].side, Side::Short);
    QCOMPARE(a.positions[0].entry, 101.0);
    QCOMPARE(a.positions[0].qty, 5.0);
    QCOMPARE(a.positions[0].stop, 101 * 1.01);
    QCOMPARE(a.positions[0].score, 5.5);
    QCOMPARE(a.positions[1].id, std::int64_t(3));
    QCOMPARE(a.nextPositionId, std::int64_t(4));
    QCOMPARE(a.lastClose, 103.0);
    QCOMPARE(a.fromSession, std::int64_t(1));
    QCOMPARE(st.sessions, 1);
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
        j.open(kRules);
        j.beginSession({});
        j.recordKill(r);
        j.flush();
    }
    {
        Journal j(path);
        const RecoveredAccount a = j.open(kRules).account;
        QVERIFY(a.halted);
        QCOMPARE(a.haltReason, QStringLiteral("operator"));
        j.beginSession({});
        j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("gui"));
        j.flush();
    }
    Journal j(path);
    QVERIFY(!j.open(kRules).account.halted);
}

void TestJournal::committedMeansReadable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    test::JournalWriter w(path);
    w.beginSession();
    CommittedEvents outbox;
    int rowsWhenAcknowledged = -1;
    std::atomic<int> delivered { 0 };
    outbox.setNotify([&] {
        // On the writer thread, right after the commit.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM fills")) && q.next())
                rowsWhenAcknowledged = q.value(0).toInt();
        }
        db.close();
        delivered += static_cast<int>(outbox.take().size());
    });
    w.journal().setOutbox(&outbox);
    w.entry(1, Side::Long, 100, 1);
    QTRY_COMPARE(delivered.load(), 1);
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    QCOMPARE(rowsWhenAcknowledged, 1);
    w.journal().setOutbox(nullptr);
}

void TestJournal::refusesWhatVeloceCouldNotHaveWritten_data()
{
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<QString>("phrase");
    const auto row = [](const char* name, QStringList edit, const char* phrase) {
        QTest::newRow(name) << edit << QString::fromUtf8(phrase);
    };
    row("negative quantity", { QStringLiteral("UPDATE fills SET qty = -5 WHERE position_id = 4") },
        "fills row 7: qty is -5; it must be positive");
    row("zero price", { QStringLiteral("UPDATE fills SET price = 0 WHERE position_id = 4") }, "price is 0");
    row("infinite price", { QStringLiteral("UPDATE fills SET price = 9e999 WHERE position_id = 4") },
        "price is inf, not a finite number");
    row("cash NULL", { QStringLiteral("UPDATE fills SET cash_after = NULL WHERE id = 7") },
        "fills row 7: cash_after is NULL, not a number");
    row("cash as text", { QStringLiteral("UPDATE fills SET cash_after = 'lots' WHERE id = 7") },
        "cash_after is text \"lots\", not a number");
    row("cash raised by hand",
        { QStringLiteral("UPDATE fills SET cash_after = cash_after + 325000 WHERE id = 7") },
        "cash_after is");
    row("5,002 open positions",
        { QStringLiteral(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000)"
            " INSERT INTO fills (session_id, seq, wall_ms, t, position_id, entry, side, price, qty, fee,"
            " cash_after, stop, target, score) SELECT 2, 1000 + x, 0, 1, 100 + x, 1, 1, 100, 1, 0,"
            " (SELECT cash_after FROM fills WHERE id = 7), 90, 110, 5 FROM c") },
        "positions would be open, more than the session's max_open_positions 2");
    row("exit without its entry", { QStringLiteral("DELETE FROM fills WHERE position_id = 3 AND entry = 1") },
        "closes position 3, which is not open");
    row("exit before the entry",
        { QStringLiteral("UPDATE fills SET t = 1 WHERE position_id = 3 AND entry = 0") },
        "before it was opened");
    row("fills deleted", { QStringLiteral("DELETE FROM fills") },
        "session 1 recorded 4 fill(s) but the journal holds 0");
    row("one fill deleted", { QStringLiteral("DELETE FROM fills WHERE id = 7") },
        "session 2 recorded 3 fill(s) but the journal holds 2");
    row("fill of an unknown session", { QStringLiteral("UPDATE fills SET session_id = 99 WHERE id = 7") },
        "belongs to session 99, which is not in the sessions table");
    // A FreqTrade session's cash is the venue's: there the trades table catches removed fills.
    row("trade without fills",
        { QStringLiteral("UPDATE sessions SET broker = 'freqtrade', fill_count = NULL WHERE id = 2"),
            QStringLiteral("DELETE FROM fills WHERE position_id = 3") },
        "trades row 3 (session 2, position 3) has no exit fill");
    row("side out of range", { QStringLiteral("UPDATE fills SET side = 2 WHERE id = 7") }, "side is 2");
    row("last close NULL by text", { QStringLiteral("UPDATE sessions SET last_close = 'x' WHERE id = 2") },
        "sessions row 2: last_close is text");
    row("newer schema", { QStringLiteral("PRAGMA user_version = 7") },
        "was written by a newer Veloce (journal schema 7; this version reads up to 1)");
    row("another application", { QStringLiteral("PRAGMA application_id = 1234") },
        "is the database of another application");
    row("foreign table added to an unstamped file",
        { QStringLiteral("PRAGMA application_id = 0"),
            QStringLiteral("CREATE TABLE customers (id INTEGER)") },
        "is an SQLite database but not a Veloce journal (tables: alerts, customers, equity");
}

void TestJournal::refusesWhatVeloceCouldNotHaveWritten()
{
    QFETCH(QStringList, edit);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    test::writeValidJournal(path);
    QCOMPARE(refusal(path), QString()); // the unedited journal is fine
    QVERIFY(execSql(path, edit));
    const QByteArray before = fileHash(path);
    JournalError::Kind kind = JournalError::Kind::Failed;
    const QString message = refusal(path, &kind);
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(message.contains(phrase), qPrintable(message));
    QCOMPARE(kind, JournalError::Kind::Refused);
    QCOMPARE(fileHash(path), before); // refused means untouched
}

void TestJournal::refusesFilesThatAreNoJournal_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("truncated journal") << "truncated"
                                       << "is truncated";
    QTest::newRow("garbage") << "garbage"
                             << "is not an SQLite database";
    QTest::newRow("CSV file")
        << "csv"
        << "is a text file (it starts with \"t,open,high,low,close,vb\"), not a journal";
    QTest::newRow("empty file") << "empty"
                                << "is empty (0 bytes), not a journal";
    QTest::newRow("directory") << "directory"
                               << "is a directory, not a journal file";
    QTest::newRow("/dev/null") << "devnull"
                               << "is not a regular file";
    QTest::newRow("damaged page") << "damaged"
                                  << "is damaged";
    QTest::newRow("foreign database") << "foreign"
                                      << "is an SQLite database but not a Veloce journal (tables: customers)";
    QTest::newRow("missing folder") << "nofolder"
                                    << "does not exist";
}

void TestJournal::refusesFilesThatAreNoJournal()
{
    QFETCH(QString, kind);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("j.sqlite"));
    if (kind == QLatin1String("truncated")) {
        test::writeValidJournal(path);
        QVERIFY(execSql(path, { QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)") }));
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
    } else if (kind == QLatin1String("garbage") || kind == QLatin1String("csv")
        || kind == QLatin1String("empty")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        if (kind == QLatin1String("garbage"))
            for (int i = 0; i < 1000; ++i)
                f.write(QByteArray::number(i * 7919 % 251, 16).prepend('\x01'));
        else if (kind == QLatin1String("csv"))
            f.write("t,open,high,low,close,vbuy,vsell\n1704067200000,1,2,0.5,1.5,3,4\n");
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("j.sqlite")));
    } else if (kind == QLatin1String("devnull")) {
        path = QStringLiteral("/dev/null");
    } else if (kind == QLatin1String("damaged")) {
        test::writeValidJournal(path);
        QVERIFY(test::corruptTablePage(path, QStringLiteral("fills")));
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(execSql(path,
            { QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
                QStringLiteral("INSERT INTO customers (name) VALUES ('a')") }));
    } else if (kind == QLatin1String("nofolder")) {
        path = dir.filePath(QStringLiteral("no/such/folder/j.sqlite"));
    }
    const QByteArray before = fileHash(path);
    JournalError::Kind errorKind = JournalError::Kind::Failed;
    const QString message = refusal(path, &errorKind);
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(message.contains(phrase), qPrintable(message));
    QCOMPARE(errorKind, JournalError::Kind::Refused);
    QCOMPARE(fileHash(path), before);
}

// SIGKILL during a checkpoint (seen in tst_sessionsoak: "is truncated: 36872192 bytes, but its
// header says 9216 pages"): SQLite copies the log's pages into the file in page order, so page 1
// with the grown page count lands before the file is extended. The -wal still holds every page:
// the journal opens with nothing lost. Made here byte by byte: the files as a killed writer leaves
// them (copied while its connection is open), and the log's newest page 1 written over the old.
void TestJournal::acceptsAJournalKilledDuringACheckpoint()
{
    QTemporaryDir dir;
    const QString live = dir.filePath(QStringLiteral("live.sqlite"));
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    test::writeValidJournal(live);
    const int rows = 400; // about 100 pages of 4 KiB more than the file has
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(live);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        for (int i = 0; i < rows; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (session_id, wall_ms, kind, text, origin) "
                                          "VALUES (0, %1, 'note', '%2', 'test')")
                               .arg(i)
                               .arg(QString(1000, QLatin1Char('a' + i % 26)))));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QVERIFY(QFile::copy(live + suffix, path + suffix));
        q.finish();
        db.close();
        QFile wal(path + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::ReadOnly));
        const QByteArray log = wal.readAll();
        const auto be32 = [&log](qsizetype at) {
            return (quint32(quint8(log[at])) << 24) | (quint32(quint8(log[at + 1])) << 16)
                | (quint32(quint8(log[at + 2])) << 8) | quint32(quint8(log[at + 3]));
        };
        const qsizetype pageSize = be32(8);
        QByteArray page1;
        for (qsizetype at = 32; at + 24 + pageSize <= log.size(); at += 24 + pageSize)
            if (be32(at) == 1)
                page1 = log.mid(at + 24, pageSize);
        QCOMPARE(page1.size(), pageSize);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const quint32 pages = (quint32(quint8(page1[28])) << 24) | (quint32(quint8(page1[29])) << 16)
            | (quint32(quint8(page1[30])) << 8) | quint32(quint8(page1[31]));
        QVERIFY2(qint64(pages) * pageSize > file.size(), "the log must have grown the database");
        QCOMPARE(file.write(page1), qint64(pageSize));
        file.close();
        QCOMPARE(refusal(path), QString());
        // Every row written before the kill is there.
        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        check.setDatabaseName(path);
        QVERIFY(check.open());
        QSqlQuery c(check);
        QVERIFY(c.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'note'")) && c.next());
        QCOMPARE(c.value(0).toInt(), rows);
        c.finish();
        check.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestJournal::upgradesAnUnversionedJournal()
{
    // Veloce 0.1's layout: the same tables, no stamp, fewer session columns.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QStringList ddl;
    for (const QString& t : JournalSchema::tables())
        ddl << QStringLiteral("CREATE TABLE %1 (%2)")
                   .arg(t, JournalSchema::legacyColumns(t).join(QStringLiteral(", ")));
    ddl << QStringLiteral("INSERT INTO sessions (id, started_ms, broker, config_json) VALUES (1, 1, 'paper', "
                          "'{\"max_open_positions\": 2, \"initial_capital\": 100000}')")
        << QStringLiteral("INSERT INTO fills (session_id, seq, t, position_id, entry, side, price, qty, fee,"
                          " cash_after, stop, target, score) VALUES (1, 1, 1000, 1, 1, 1, 100, 2, 1, 99999, "
                          "90, 120, 5)");
    QVERIFY(execSql(path, ddl));
    {
        Journal j(path);
        const JournalState st = j.open(kRules);
        QCOMPARE(st.account.positions.size(), std::size_t(1));
        QCOMPARE(st.account.cash, 99999.0);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), JournalSchema::kVersion);
    QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
    QCOMPARE(q.value(0).toInt(), JournalSchema::kApplicationId);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM alerts")) && q.next());
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestJournal::fullDiskFailsOnceAndAcknowledgesNothingAfter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    Journal j(path);
    j.setMaxPageCount(24); // a few pages past the schema: the disk fills up after some fills
    j.open(kRules);
    j.beginSession({});
    CommittedEvents outbox;
    j.setOutbox(&outbox);
    QSignalSpy failed(&j, &Journal::failed);
    std::int64_t seq = 0;
    for (int i = 0; i < 4000 && failed.isEmpty(); ++i) {
        SessionEvent e;
        e.kind = SessionEvent::Kind::Order;
        e.seq = ++seq;
        e.order.message = QString(200, QLatin1Char('x'));
        j.record(&e, 1);
        if (i % 50 == 0)
            j.flush();
    }
    j.flush();
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(path) && message.contains(QLatin1String("full")), qPrintable(message));
    QVERIFY(j.hasFailed());
    // Nothing after the failure is acknowledged, and the barrier says why.
    outbox.take();
    SessionEvent late;
    late.kind = SessionEvent::Kind::Order;
    late.seq = ++seq;
    j.record(&late, 1);
    QString barrierError;
    std::atomic<bool> done { false };
    j.whenCommitted([&](const QString& e) {
        barrierError = e;
        done = true;
    });
    QTRY_VERIFY(done.load());
    QCOMPARE(barrierError, message);
    QVERIFY(outbox.take().empty());
    QCOMPARE(failed.count(), 1);
}

void TestJournal::openAlarmsComeBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    {
        Journal j(path);
        j.open(kRules);
        j.beginSession({});
        AlertLog log;
        log.setRecorder(&j);
        log.raise(
            AlertKind::Journal, AlertSeverity::Alarm, QStringLiteral("journal"), QStringLiteral("disk full"));
        log.raise(
            AlertKind::Heartbeat, AlertSeverity::Warning, QStringLiteral("watchdog"), QStringLiteral("late"));
        const std::int64_t acked = log.raise(
            AlertKind::NotFlat, AlertSeverity::Alarm, QStringLiteral("cli"), QStringLiteral("not flat"));
        QVERIFY(log.acknowledge(acked, QStringLiteral("test")));
        QCOMPARE(log.openAlarmCount(), 1);
        j.flush();
    }
    Journal j(path);
    const JournalState st = j.open(kRules);
    QCOMPARE(st.openAlarms.size(), std::size_t(1));
    QCOMPARE(st.openAlarms[0].message, QStringLiteral("disk full"));
    QCOMPARE(st.openAlarms[0].kind, AlertKind::Journal);
    QCOMPARE(st.lastAlertId, std::int64_t(3));
    AlertLog log;
    log.restore(st.openAlarms, st.lastAlertId);
    QCOMPARE(log.raise(AlertKind::Feed, AlertSeverity::Info, QStringLiteral("t"), QStringLiteral("x")),
        std::int64_t(4));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
