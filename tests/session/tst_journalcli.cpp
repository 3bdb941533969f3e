// Journals as a user meets them on the command line (issues 11 and 12): every file that is not a
// usable journal -- truncated, garbage, a directory, read-only, /dev/null, a CSV file, damaged,
// hand-edited, another application's database -- makes `veloce-cli paper` exit 2 with a message
// that names the file and the problem, and the file is left byte-for-byte as it was.
// `veloce-cli rearm` and `veloce-cli alerts` work on a journal with no session running.
#include "clirunner.h"
#include "journalfixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;

namespace {
int quietly(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A file nobody may write, root included: an immutable file (ext4) or a read-only tmpfs.
// Returns the path, or an empty string (and why) when this machine allows neither.
QString readOnlyJournal(const QTemporaryDir& dir, QString* why)
{
    const QString path = dir.filePath(QStringLiteral("ro.sqlite"));
    test::writeValidJournal(path);
    test::execSql(path, { QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)") });
    if (quietly(QStringLiteral("chattr"), { QStringLiteral("+i"), path }) == 0)
        return path;
    const QString mnt = dir.filePath(QStringLiteral("ro"));
    QDir().mkpath(mnt);
    if (quietly(QStringLiteral("mount"),
            { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=1m"),
                QStringLiteral("tmpfs"), mnt })
        == 0) {
        QFile::copy(path, mnt + QStringLiteral("/ro.sqlite"));
        quietly(QStringLiteral("mount"), { QStringLiteral("-o"), QStringLiteral("remount,ro"), mnt });
        return mnt + QStringLiteral("/ro.sqlite");
    }
    *why = QStringLiteral("neither chattr +i nor a tmpfs mount is allowed here");
    return {};
}

void releaseReadOnly(const QTemporaryDir& dir)
{
    quietly(QStringLiteral("chattr"), { QStringLiteral("-i"), dir.filePath(QStringLiteral("ro.sqlite")) });
    quietly(QStringLiteral("umount"), { dir.filePath(QStringLiteral("ro")) });
}

QJsonObject lastLine(const QString& out, const char* event)
{
    QJsonObject found;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QLatin1String("event")).toString() == QLatin1String(event))
            found = o;
    }
    return found;
}
} // namespace

class TestJournalCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedJournalExitsTwo_data();
    void refusedJournalExitsTwo();
    void rearmAndAlertsWithoutASession();
};

void TestJournalCli::refusedJournalExitsTwo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("truncated") << "truncated"
                               << "is truncated";
    QTest::newRow("garbage") << "garbage"
                             << "is not an SQLite database";
    QTest::newRow("directory") << "directory"
                               << "is a directory, not a journal file";
    QTest::newRow("read-only") << "readonly"
                               << "is read-only";
    QTest::newRow("/dev/null") << "devnull"
                               << "is not a regular file";
    QTest::newRow("CSV file") << "csv"
                              << "is a text file";
    QTest::newRow("integrity check fails") << "damaged"
                                           << "is damaged";
    QTest::newRow("qty -5") << "negative"
                            << "qty is -5; it must be positive";
    QTest::newRow("5,002 open positions") << "many"
                                          << "more than the session's max_open_positions 2";
    QTest::newRow("cash NULL") << "nullcash"
                               << "cash_after is NULL, not a number";
    QTest::newRow("cash text") << "textcash"
                               << "cash_after is text";
    QTest::newRow("fills deleted") << "nofills"
                                   << "recorded 4 fill(s) but the journal holds 0";
    QTest::newRow("unrelated database")
        << "foreign"
        << "is an SQLite database but not a Veloce journal (tables: customers)";
}

void TestJournalCli::refusedJournalExitsTwo()
{
    QFETCH(QString, kind);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("j.sqlite"));
    const auto edited = [&](const QString& sql) {
        test::writeValidJournal(path);
        QVERIFY(test::execSql(path, { sql }));
    };
    if (kind == QLatin1String("truncated")) {
        test::writeValidJournal(path);
        test::execSql(path, { QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)") });
        QFile f(path);
        QVERIFY(f.resize(f.size() - 4096));
    } else if (kind == QLatin1String("garbage")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 4096; ++i)
            f.putChar(static_cast<char>((i * 7919 + 13) % 256));
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("readonly")) {
        QString why;
        path = readOnlyJournal(dir, &why);
        if (path.isEmpty())
            QSKIP(qPrintable(why));
    } else if (kind == QLatin1String("devnull")) {
        path = QStringLiteral("/dev/null");
    } else if (kind == QLatin1String("csv")) {
        // A plain CSV: the first lines of a Veloce bar file.
        path = dir.filePath(QStringLiteral("bars.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "t,open,high,low,close,vbuy,vsell\n1704067200000,42283.58,42298.61,42261.02,42298.6,1.2,0.8\n");
    } else if (kind == QLatin1String("damaged")) {
        test::writeValidJournal(path);
        QVERIFY(test::corruptTablePage(path, QStringLiteral("fills")));
    } else if (kind == QLatin1String("negative")) {
        edited(QStringLiteral("UPDATE fills SET qty = -5 WHERE position_id = 4"));
    } else if (kind == QLatin1String("many")) {
        edited(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000)"
                              " INSERT INTO fills (session_id, seq, wall_ms, t, position_id, entry, side, "
                              "price, qty, fee, cash_after,"
                              " stop, target, score) SELECT 2, 1000 + x, 0, 1, 100 + x, 1, 1, 100, 1, 0,"
                              " (SELECT cash_after FROM fills WHERE id = 7), 90, 110, 5 FROM c"));
    } else if (kind == QLatin1String("nullcash")) {
        edited(QStringLiteral("UPDATE fills SET cash_after = NULL WHERE id = 7"));
    } else if (kind == QLatin1String("textcash")) {
        edited(QStringLiteral("UPDATE fills SET cash_after = 'lots' WHERE id = 7"));
    } else if (kind == QLatin1String("nofills")) {
        edited(QStringLiteral("DELETE FROM fills"));
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(test::execSql(path,
            { QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
                QStringLiteral("INSERT INTO customers (name) VALUES ('a')") }));
    }
    const QByteArray before = test::fileHash(path);
    const CliRun r
        = runCli({ QStringLiteral("paper"), QStringLiteral("--simulate"), QStringLiteral("--duration"),
                     QStringLiteral("5"), QStringLiteral("--journal"), path },
            60000);
    if (kind == QLatin1String("readonly"))
        releaseReadOnly(dir);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.contains(QStringLiteral("journal refused: ") + path + QStringLiteral(": ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(phrase), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("The file was left as it is")), qPrintable(r.err));
    // No driver jargon, no Qt warnings: one message for a person.
    QVERIFY2(!r.err.contains(QLatin1String("Unable to")) && !r.err.contains(QLatin1String("QSqlDatabase")),
        qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // no session started
    QCOMPARE(test::fileHash(path), before);
}

void TestJournalCli::rearmAndAlertsWithoutASession()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    {
        Journal j(path);
        j.open({ 100000, 2 });
        j.beginSession({});
        KillReport r;
        r.reason = QStringLiteral("operator");
        r.flat = true;
        j.recordKill(r);
        AlertLog log;
        log.setRecorder(&j);
        log.raise(
            AlertKind::Journal, AlertSeverity::Alarm, QStringLiteral("journal"), QStringLiteral("disk full"));
        j.flush();
    }
    CliRun alerts = runCli({ QStringLiteral("alerts"), QStringLiteral("--journal"), path });
    QCOMPARE(alerts.exitCode, 3);
    QCOMPARE(lastLine(alerts.out, "alert").value(QLatin1String("message")).toString(),
        QStringLiteral("disk full"));
    QCOMPARE(lastLine(alerts.out, "alarms").value(QLatin1String("open")).toInt(), 1);
    alerts = runCli({ QStringLiteral("alerts"), QStringLiteral("--journal"), path, QStringLiteral("--ack") });
    QCOMPARE(alerts.exitCode, 0);
    QCOMPARE(lastLine(alerts.out, "alarms").value(QLatin1String("acknowledged")).toInt(), 1);
    QCOMPARE(lastLine(alerts.out, "alarms").value(QLatin1String("open")).toInt(), 0);

    const CliRun rearm = runCli({ QStringLiteral("rearm"), QStringLiteral("--journal"), path });
    QCOMPARE(rearm.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(rearm.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("was_halted")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("active"));
    // The next start is active.
    const CliRun paper = runCli({ QStringLiteral("paper"), QStringLiteral("--simulate"),
        QStringLiteral("--duration"), QStringLiteral("0.5"), QStringLiteral("--journal"), path });
    QCOMPARE(paper.exitCode, 0);
    const QJsonObject start = lastLine(paper.out, "start");
    QCOMPARE(start.value(QLatin1String("trading")).toString(), QStringLiteral("active"));
    QCOMPARE(
        start.value(QLatin1String("recovered")).toObject().value(QLatin1String("halted")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestJournalCli)
#include "tst_journalcli.moc"
