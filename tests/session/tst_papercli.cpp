// `veloce-cli paper` and `veloce-cli kill` as a user runs them (issue 4): a replay at full
// speed prints exactly the backtest's trades; `kill` from another process halts and flattens a
// running session; a session killed with SIGKILL restarts on its journal with every
// acknowledged position and its cash; SIGINT stops cleanly; one session per journal.
#include "clirunner.h"
#include "paperprocess.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <csignal>
#include <limits>
#include <map>
#include <set>

namespace {
const QString kOct = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}
double num(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toDouble();
}
qint64 integer(const QJsonObject& o, const char* key)
{
    return static_cast<qint64>(o.value(QLatin1String(key)).toDouble());
}
bool isEntryFill(const QJsonObject& o)
{
    return str(o, "event") == QLatin1String("fill") && str(o, "kind") == QLatin1String("entry");
}
} // namespace

class TestPaperCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayEqualsBacktest();
    void killFromAnotherTerminal();
    void restartAfterSigkillRestoresAccount();
};

void TestPaperCli::replayEqualsBacktest()
{
    QTemporaryDir dir;
    const CliRun bt = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), kOct,
        QStringLiteral("--out"), dir.filePath(QStringLiteral("bt")) });
    QVERIFY2(bt.exitCode == 0, qPrintable(bt.err));
    const CliRun paper
        = runCli({ QStringLiteral("paper"), QStringLiteral("--replay"), kOct, QStringLiteral("--speed"),
            QStringLiteral("max"), QStringLiteral("--journal"), dir.filePath(QStringLiteral("j.sqlite")) });
    QVERIFY2(paper.exitCode == 0, qPrintable(paper.err));

    QList<QJsonObject> trades;
    QJsonObject end;
    for (const QString& line : paper.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (str(o, "event") == QLatin1String("trade"))
            trades.append(o);
        if (str(o, "event") == QLatin1String("end"))
            end = o;
    }
    QCOMPARE(str(end, "state"), QStringLiteral("finished"));
    QFile csv(dir.filePath(QStringLiteral("bt/trades.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList rows
        = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
    QVERIFY(rows.size() > 50);
    QCOMPARE(trades.size(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        // entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score
        const QStringList c = rows[i].split(QLatin1Char(','));
        const QJsonObject& t = trades[i];
        const QByteArray where = "trade " + QByteArray::number(i);
        QVERIFY2(c[0].toLongLong() == integer(t, "entry_ms") && c[1].toLongLong() == integer(t, "exit_ms"),
            where.constData());
        QVERIFY2(c[2] == str(t, "side") && c[8] == str(t, "exit_reason"), where.constData());
        QVERIFY2(c[3].toDouble() == num(t, "entry_price") && c[4].toDouble() == num(t, "exit_price")
                && c[5].toDouble() == num(t, "qty") && c[6].toDouble() == num(t, "pnl")
                && c[7].toDouble() == num(t, "fees") && c[9].toDouble() == num(t, "score"),
            where.constData());
    }
}

void TestPaperCli::killFromAnotherTerminal()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("j.sqlite"));
    PaperProcess paper({ QStringLiteral("--simulate"), QStringLiteral("--speed"), QStringLiteral("600"),
        QStringLiteral("--journal"), journal });
    QVERIFY(!paper.waitForEvent(QStringLiteral("start"), 20000).isEmpty());
    // Trade first, so that there is something to flatten.
    QVERIFY2(!paper.waitFor(isEntryFill, 120000).isEmpty(), qPrintable(paper.stderrText()));

    // One session per journal.
    const CliRun second
        = runCli({ QStringLiteral("paper"), QStringLiteral("--simulate"), QStringLiteral("--journal"),
                     journal, QStringLiteral("--duration"), QStringLiteral("1") },
            30000);
    QVERIFY(second.exitCode != 0);
    QVERIFY2(second.err.contains(QLatin1String("another session is running")), qPrintable(second.err));

    const CliRun kill = runCli({ QStringLiteral("kill"), QStringLiteral("--journal"), journal }, 30000);
    QVERIFY2(kill.exitCode == 0, qPrintable(kill.err + kill.out));
    const QJsonObject reply = QJsonDocument::fromJson(kill.out.toUtf8()).object();
    QCOMPARE(reply.value(QLatin1String("flat")).toBool(), true);
    QCOMPARE(str(reply, "state"), QStringLiteral("halted"));
    QVERIFY(reply.contains(QLatin1String("flatten_latency_ms")));
    QVERIFY(kill.err.contains(QLatin1String("halted and flat")));

    const QJsonObject killed = paper.waitForEvent(QStringLiteral("kill"), 10000);
    QCOMPARE(killed.value(QLatin1String("flat")).toBool(), true);
    QCOMPARE(str(killed, "origin"), QStringLiteral("cli"));
    const QJsonObject bar = paper.waitFor(
        [](const QJsonObject& o) {
            return str(o, "event") == QLatin1String("bar") && str(o, "trading") == QLatin1String("halted");
        },
        10000);
    QCOMPARE(integer(bar, "positions"), qint64(0));

    const CliRun status = runCli(
        { QStringLiteral("kill"), QStringLiteral("--journal"), journal, QStringLiteral("--status") }, 30000);
    QCOMPARE(str(QJsonDocument::fromJson(status.out.toUtf8()).object(), "state"), QStringLiteral("halted"));

    // Still halted a while later: no entry after the kill.
    QTest::qWait(1500);
    ::kill(static_cast<pid_t>(paper.process().processId()), SIGINT);
    QVERIFY(paper.finish(20000));
    QCOMPARE(paper.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(paper.process().exitCode(), 0);
    // After the kill by the journal's order (seq), not by the order of the printed lines: the kill
    // event is printed from the safety thread the moment it happens, fills once the journal has
    // them, so an entry just before the kill can be printed after it. Positions flattened by the
    // kill and signals refused as "halted" mark when the halt took effect.
    qint64 haltedFrom = std::numeric_limits<qint64>::max();
    for (const QJsonObject& o : paper.lines())
        if (str(o, "reason") == QLatin1String("kill") || str(o, "reject_reason") == QLatin1String("halted"))
            haltedFrom = std::min(haltedFrom, integer(o, "seq"));
    QVERIFY2(haltedFrom < std::numeric_limits<qint64>::max(), "no flatten or halted signal after the kill");
    for (const QJsonObject& o : paper.lines())
        QVERIFY2(!(isEntryFill(o) && integer(o, "seq") > haltedFrom), "an entry after the kill switch");
    const QList<QJsonObject> ends = paper.events(QStringLiteral("end"));
    QCOMPARE(ends.size(), 1);
    QCOMPARE(str(ends.first(), "reason"), QStringLiteral("SIGINT"));
    QCOMPARE(integer(ends.first(), "positions"), qint64(0));
}

void TestPaperCli::restartAfterSigkillRestoresAccount()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("j.sqlite"));
    std::map<qint64, QJsonObject> acknowledgedOpen; // position id -> entry fill
    QList<QJsonObject> acknowledged;
    {
        PaperProcess paper({ QStringLiteral("--simulate"), QStringLiteral("--seed"), QStringLiteral("3"),
            QStringLiteral("--speed"), QStringLiteral("2000"), QStringLiteral("--journal"), journal });
        QVERIFY(!paper.waitForEvent(QStringLiteral("start"), 20000).isEmpty());
        // Kill while a position is open, right after its fill was acknowledged. Each round waits
        // for a new entry (positions on the simulator often last only seconds of market time,
        // milliseconds at this speed, so an old entry says little about now).
        bool open = false;
        std::set<qint64> entries;
        for (int i = 0; i < 2000 && !open; ++i) {
            const QJsonObject entry = paper.waitFor(
                [&](const QJsonObject& o) {
                    return isEntryFill(o) && !entries.count(integer(o, "position"));
                },
                5000);
            if (!entry.isEmpty())
                entries.insert(integer(entry, "position"));
            std::map<qint64, int> balance;
            for (const QJsonObject& o : paper.lines())
                if (str(o, "event") == QLatin1String("fill"))
                    balance[integer(o, "position")] += isEntryFill(o) ? 1 : -1;
            for (const auto& [id, n] : balance)
                open = open || n > 0;
            QVERIFY(paper.process().state() == QProcess::Running);
        }
        QVERIFY(open);
        ::kill(static_cast<pid_t>(paper.process().processId()), SIGKILL);
        paper.finish(10000);
        QCOMPARE(paper.process().exitStatus(), QProcess::CrashExit);
        QVERIFY(paper.events(QStringLiteral("end")).isEmpty());
        for (const QJsonObject& o : paper.lines()) {
            if (str(o, "event") != QLatin1String("fill"))
                continue;
            acknowledged.append(o);
            if (isEntryFill(o))
                acknowledgedOpen[integer(o, "position")] = o;
            else
                acknowledgedOpen.erase(integer(o, "position"));
        }
    }
    QVERIFY(!acknowledged.isEmpty());

    // Every acknowledged fill is in the journal; the journal's account is what must come back.
    std::map<qint64, bool> journalOpen;
    double journalCash = 0;
    qint64 lastSeq = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(journal);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QJsonObject& f : acknowledged) {
            QVERIFY(q.exec(
                QStringLiteral("SELECT price, cash_after FROM fills WHERE seq = %1").arg(integer(f, "seq"))));
            QVERIFY2(q.next(), "an acknowledged fill is missing from the journal");
            QCOMPARE(q.value(0).toDouble(), num(f, "price"));
            QCOMPARE(q.value(1).toDouble(), num(f, "cash"));
        }
        QVERIFY(q.exec(QStringLiteral("SELECT position_id, entry, cash_after, seq FROM fills ORDER BY seq")));
        while (q.next()) {
            if (q.value(1).toInt() == 1)
                journalOpen[q.value(0).toLongLong()] = true;
            else
                journalOpen.erase(q.value(0).toLongLong());
            journalCash = q.value(2).toDouble();
            lastSeq = q.value(3).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    // Anything acknowledged open is open in the journal unless a later, durable exit closed it.
    for (const auto& [id, fill] : acknowledgedOpen)
        if (!journalOpen.count(id))
            QVERIFY(lastSeq > integer(acknowledged.last(), "seq"));
    if (lastSeq == integer(acknowledged.last(), "seq"))
        QCOMPARE(journalCash, num(acknowledged.last(), "cash"));

    // Restart on the same journal: the same positions and cash, and trading goes on from there.
    PaperProcess again({ QStringLiteral("--simulate"), QStringLiteral("--seed"), QStringLiteral("3"),
        QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("1.5"),
        QStringLiteral("--journal"), journal });
    const QJsonObject start = again.waitForEvent(QStringLiteral("start"), 20000);
    QVERIFY(!start.isEmpty());
    const QJsonObject rec = start.value(QLatin1String("recovered")).toObject();
    QCOMPARE(rec.value(QLatin1String("cash")).toDouble(), journalCash);
    QList<qint64> ids;
    for (const QJsonValue& v : rec.value(QLatin1String("position_ids")).toArray())
        ids.append(static_cast<qint64>(v.toDouble()));
    QList<qint64> expected;
    for (const auto& [id, open] : journalOpen)
        expected.append(id);
    QCOMPARE(ids, expected);
    QVERIFY(!ids.isEmpty());
    QVERIFY(again.finish(30000));
    QCOMPARE(again.process().exitCode(), 0);
    const QList<QJsonObject> ends = again.events(QStringLiteral("end"));
    QCOMPARE(ends.size(), 1);
    QCOMPARE(str(ends.first(), "reason"), QStringLiteral("duration"));
    // The restored positions were in the account the session traded (closed ones show as trades).
    QCOMPARE(integer(ends.first(), "positions") + integer(ends.first(), "trades") >= ids.size(), true);
    QVERIFY(integer(ends.first(), "bars") > 0);
}

QTEST_GUILESS_MAIN(TestPaperCli)
#include "tst_papercli.moc"
