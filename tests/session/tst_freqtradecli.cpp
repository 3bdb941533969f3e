// `veloce-cli paper --broker freqtrade` end to end against FakeFreqtrade (issue 11,
// docs/freqtrade.md): the session starts only when the bot's mode is the configured one (live
// also needs --confirm-live), the journal records the bot's actual mode, order lines carry
// FreqTrade's price and base amount -- and a bot that echoes the request's credentials in its
// errors gets none of them printed (stdout, stderr) or stored (any byte of the journal files).
#include "clirunner.h"
#include "fakefreqtrade.h"
#include "secretleaks.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The last lines of a run's output without its signal lines (thousands of them at --speed max,
// they would push the end, alerts and state out of a failure message), at most ~1,500 characters.
QString endLines(const QString& out)
{
    QStringList kept;
    qsizetype size = 0;
    const QStringList all = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = all.crbegin(); it != all.crend() && size < 1500; ++it) {
        if (it->contains(QLatin1String("\"event\":\"signal\"")))
            continue;
        kept.prepend(it->left(400));
        size += kept.front().size();
    }
    return kept.join(QLatin1Char('\n'));
}

QList<QJsonObject> lines(const QString& out, const QString& event)
{
    QList<QJsonObject> found;
    for (const QString& l : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(l.toUtf8()).object();
        if (o.value(QLatin1String("event")).toString() == event)
            found << o;
    }
    return found;
}

// The journal's venue rows (events.kind = 'venue'): their text is the bot's mode.
QStringList journaledModes(const QString& path)
{
    QStringList modes;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT text FROM events WHERE kind = 'venue' ORDER BY id"));
            while (q.next())
                modes << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return modes;
}

// Every byte the journal left on disk (database, WAL, shared memory).
QByteArray journalBytes(const QString& path)
{
    QByteArray all;
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}
} // namespace

class TestFreqtradeCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeConfig(const QString& name, const nlohmann::json& config)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray::fromStdString(config.dump()));
        return path;
    }

private Q_SLOTS:
    void modes_data();
    void modes();
    void echoedSecretsNeverLeave_data();
    void echoedSecretsNeverLeave();
};

void TestFreqtradeCli::modes_data()
{
    QTest::addColumn<QString>("mode"); // config "mode"
    QTest::addColumn<bool>("botLive");
    QTest::addColumn<bool>("confirm");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said"); // in stdout or stderr
    QTest::addColumn<QString>("venue"); // journaled mode, empty: none
    QTest::newRow("dry_run, dry-run bot") << "dry_run" << false << false << 0 << "\"event\":\"venue\""
                                          << "dry_run";
    QTest::newRow("dry_run, live bot: refused")
        << "dry_run" << true << false << 2 << "trades LIVE on binance (real money)" << QString();
    QTest::newRow("live without --confirm-live: refused before connecting")
        << "live" << true << false << 2 << "add --confirm-live to confirm" << QString();
    QTest::newRow("live, confirmed, live bot") << "live" << true << true << 0 << "\"mode\":\"live\""
                                               << "live";
    QTest::newRow("live, confirmed, dry-run bot: refused")
        << "live" << false << true << 2 << "is in dry-run, but this session's mode is \\\"live\\\""
        << QString();
}

void TestFreqtradeCli::modes()
{
    QFETCH(QString, mode);
    QFETCH(bool, botLive);
    QFETCH(bool, confirm);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    QFETCH(QString, venue);
    FakeFreqtrade fake;
    fake.dryRun = !botLive;
    fake.price = 61234.5; // far from the simulator's prices: a confirmed price can only be the bot's
    const QString journal
        = m_dir.filePath(QStringLiteral("modes-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag())));
    const QString config = writeConfig(QStringLiteral("modes.json"),
        { { "mode", mode.toStdString() }, { "freqtrade_url", fake.url().toStdString() } });
    QStringList args { QStringLiteral("paper"), QStringLiteral("--simulate"), QStringLiteral("--speed"),
        QStringLiteral("max"), QStringLiteral("--broker"), QStringLiteral("freqtrade"),
        QStringLiteral("--config"), config, QStringLiteral("--journal"), journal,
        QStringLiteral("--duration"), QStringLiteral("3") };
    if (confirm)
        args << QStringLiteral("--confirm-live");
    QProcessEnvironment env;
    env.insert(QStringLiteral("VELOCE_FREQTRADE_PASSWORD"), fake.password);
    const CliRun run = runCliServing(args, env);
    QVERIFY2(run.exitCode == exitCode,
        qPrintable(QStringLiteral("exit %1; stderr: %2; the end of the output: %3")
                       .arg(run.exitCode)
                       .arg(run.err.left(1500), endLines(run.out))));
    QVERIFY2((run.out + run.err).contains(said), qPrintable(run.err + run.out.right(2000)));
    if (venue.isEmpty()) {
        // Refused: not one order reached the bot.
        QCOMPARE(fake.requests(QStringLiteral("/forceenter")), 0);
        QCOMPARE(fake.requests(QStringLiteral("/forceexit")), 0);
        QVERIFY(lines(run.out, QStringLiteral("venue")).isEmpty());
        QVERIFY(journaledModes(journal).isEmpty());
        return;
    }
    QCOMPARE(journaledModes(journal), QStringList { venue });
    const QList<QJsonObject> v = lines(run.out, QStringLiteral("venue"));
    QCOMPARE(v.size(), 1);
    QCOMPARE(v.first().value(QLatin1String("mode")).toString(), venue);
    QCOMPARE(v.first().value(QLatin1String("url")).toString(), fake.url());
    // Confirmed entries carry FreqTrade's fill: its open_rate and the trade's base amount.
    int confirmed = 0;
    for (const QJsonObject& o : lines(run.out, QStringLiteral("order"))) {
        if (o.value(QLatin1String("status")).toString() != QLatin1String("confirmed"))
            continue;
        ++confirmed;
        QCOMPARE(o.value(QLatin1String("price")).toDouble(), fake.price);
        bool found = false;
        for (const FakeFreqtrade::Trade& t : fake.trades())
            if (t.id == o.value(QLatin1String("venue_id")).toInteger()) {
                QCOMPARE(o.value(QLatin1String("qty")).toDouble(), t.amount);
                found = true;
            }
        QVERIFY(found);
    }
    QVERIFY2(confirmed > 0, qPrintable(run.out.right(2000)));
}

void TestFreqtradeCli::echoedSecretsNeverLeave_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    QTest::newRow("entries refused, Bearer token echoed")
        << "full" << 0 << "Maximum number of trades is reached.";
    QTest::newRow("login refused, Basic credentials echoed")
        << "wrong-password" << 2 << "Incorrect username or password";
}

void TestFreqtradeCli::echoedSecretsNeverLeave()
{
    QFETCH(QString, scenario);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    FakeFreqtrade fake;
    fake.echoCredentials = true;
    fake.password = QStringLiteral("Ech0ed-Secret-42");
    fake.maxOpenTrades = scenario == QLatin1String("full") ? 0 : 3;
    const QString sent
        = scenario == QLatin1String("wrong-password") ? QStringLiteral("N0t-the-Secret-17") : fake.password;
    const QString journal = m_dir.filePath(QStringLiteral("secrets-%1.sqlite").arg(scenario));
    const QString config = writeConfig(QStringLiteral("secrets.json"),
        { { "mode", "dry_run" }, { "freqtrade_url", fake.url().toStdString() } });
    QProcessEnvironment env;
    env.insert(QStringLiteral("VELOCE_FREQTRADE_PASSWORD"), sent);
    const CliRun run
        = runCliServing({ QStringLiteral("paper"), QStringLiteral("--simulate"), QStringLiteral("--speed"),
                            QStringLiteral("max"), QStringLiteral("--broker"), QStringLiteral("freqtrade"),
                            QStringLiteral("--config"), config, QStringLiteral("--journal"), journal,
                            QStringLiteral("--duration"), QStringLiteral("3") },
            env);
    QVERIFY2(run.exitCode == exitCode,
        qPrintable(QStringLiteral("exit %1; stderr: %2; the end of the output: %3")
                       .arg(run.exitCode)
                       .arg(run.err.left(1500), endLines(run.out))));
    // The bot's words reached the user, with the echoed credentials replaced.
    QVERIFY2(run.out.contains(said), qPrintable(run.out.right(2000)));
    QVERIFY2(run.out.contains(QLatin1String("***")), qPrintable(run.out.right(2000)));
    const QStringList secrets
        = QStringList { sent, veloce::test::basicCredentials(fake.username, sent) } + fake.issuedTokens();
    const QByteArray stored = journalBytes(journal);
    QVERIFY(!stored.isEmpty());
    const QStringList shown = veloce::test::leakedSecrets(run.out + run.err, secrets);
    QVERIFY2(shown.isEmpty(), qPrintable(QStringLiteral("printed: %1").arg(shown.join(u','))));
    // Latin-1 keeps every byte: a secret stored as UTF-8 text is found as is.
    const QStringList kept = veloce::test::leakedSecrets(QString::fromLatin1(stored), secrets);
    QVERIFY2(kept.isEmpty(), qPrintable(QStringLiteral("the journal stores: %1").arg(kept.join(u','))));
}

QTEST_GUILESS_MAIN(TestFreqtradeCli)
#include "tst_freqtradecli.moc"
