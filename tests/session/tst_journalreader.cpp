// Session history (issue 15): the journal read back through JournalReader, the read-only reader
// the GUI's Sessions browser uses. A file replayed through a real paper Session into a real
// Journal reads back with the very trades the Backtester makes on the same file (the oracle),
// each with the phase scores the engine had at its entry; the metrics built from the journal
// agree with the backtest's; "ended halted" follows kills and re-arms across sessions; reading
// never changes the file, works beside a writer, and bad files are named in the error.
#include "broker/paperbroker.h"
#include "data/barfile.h"
#include "engine/backtester.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "recordingsink.h"
#include "report/journalresult.h"
#include "safety/journal.h"
#include "safety/journalreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace veloce;

namespace {
const QString kOctober
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

Journal::SessionInfo continuing(std::int64_t from)
{
    Journal::SessionInfo info;
    info.mode = QStringLiteral("paper");
    info.broker = QStringLiteral("paper");
    info.recoveredFrom = from;
    return info;
}

// The end row, written before the caller's flush().
void endSession(Journal& journal, const QString& reason)
{
    journal.endSession(reason, [](const QString&) {});
}

KillReport killReport()
{
    KillReport r;
    r.reason = QStringLiteral("operator");
    r.origin = QStringLiteral("test");
    r.flat = true;
    return r;
}
} // namespace

class TestJournalReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayedSessionReadsBackAsTheBacktest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        const Config config;
        RecordingSink backtest;
        QElapsedTimer timer;
        timer.start();
        const BacktestSummary want = Backtester(config).run(*openBarFile(kOctober), backtest, timer);
        QVERIFY2(backtest.trades.size() > 10, "the data must trade, or the comparison proves nothing");

        {
            Journal journal(path);
            journal.open({});
            Journal::SessionInfo info;
            info.mode = QStringLiteral("paper");
            info.broker = QStringLiteral("paper");
            info.source = QStringLiteral("replay of October 2025");
            info.configHash = QStringLiteral("abc123");
            info.configJson = QStringLiteral("{\"initial_capital\": 100000, \"min_entry_score\": 4}");
            journal.beginSession(info);
            QThread engine;
            auto* session = new Session(config, std::make_unique<PaperBroker>(config),
                new PacedFeed(openBarFile(kOctober), 0), Session::Options());
            session->setRecorder(&journal);
            session->moveToThread(&engine);
            QSignalSpy finished(session, &Session::finished);
            engine.start();
            QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
            QVERIFY(finished.wait(120000));
            engine.quit();
            engine.wait();
            delete session;
            endSession(journal, QStringLiteral("finished"));
            journal.flush();
        }

        const JournalReader reader(path);
        const std::vector<JournalSessionInfo> list = reader.sessions();
        QCOMPARE(list.size(), std::size_t(1));
        const JournalSessionInfo& info = list.front();
        QCOMPARE(info.id, std::int64_t(1));
        QCOMPARE(info.source, QStringLiteral("replay of October 2025"));
        QCOMPARE(info.mode, QStringLiteral("paper"));
        QCOMPARE(info.endReason, QStringLiteral("finished"));
        QVERIFY(info.endedMs >= info.startedMs && info.startedMs > 0);
        QCOMPARE(info.trades, std::int64_t(backtest.trades.size()));
        double pnl = 0;
        for (const Trade& t : backtest.trades)
            pnl += t.pnl;
        QVERIFY(qAbs(info.pnl - pnl) < 1e-6 * qMax(1.0, qAbs(pnl)));
        QVERIFY(!info.endedHalted);

        const JournalSession s = reader.session(1);
        QCOMPARE(s.trades.size(), backtest.trades.size());
        for (std::size_t i = 0; i < s.trades.size(); ++i) {
            const Trade& a = s.trades[i];
            const Trade& b = backtest.trades[i];
            const QByteArray where = QByteArray("trade ") + QByteArray::number(qulonglong(i));
            QVERIFY2(a.entryMs == b.entryMs && a.exitMs == b.exitMs && a.side == b.side
                    && a.reason == b.reason && a.pnl == b.pnl && a.entryPrice == b.entryPrice
                    && a.exitPrice == b.exitPrice,
                where.constData());
            // Why it entered: the engine's phase scores at the entry bar, as journaled with its signal.
            QVERIFY2(b.hasEntryScores() && b.entryScores.total == b.score, where.constData());
            for (int p = 0; p < PhaseScores::Count; ++p)
                QVERIFY2(a.entryScores.phase(p) == b.entryScores.phase(p), where.constData());
            QCOMPARE(a.entryScores.total, b.entryScores.total);
        }
        QCOMPARE(s.signalCount, std::int64_t(backtest.signalRecords.size()));
        QVERIFY(!s.equity.empty());
        QCOMPARE(s.closes.size(), s.equity.size());
        QCOMPARE(s.startingEquity, 100000.0);
        QCOMPARE(s.minEntryScore, 4.0);

        // The dashboard's numbers from the journal: the trade and signal metrics are the
        // backtest's exactly (same Metrics code, same trades); the rest is said to be missing.
        const BacktestResult r = JournalResult::result(s);
        QCOMPARE(r.journalSessionId, std::int64_t(1));
        QCOMPARE(r.summary.totalTrades, want.totalTrades);
        QCOMPARE(r.summary.winningTrades, want.winningTrades);
        QCOMPARE(r.summary.losingTrades, want.losingTrades);
        QCOMPARE(r.summary.winRate, want.winRate);
        QCOMPARE(r.summary.profitFactor.has_value(), want.profitFactor.has_value());
        if (want.profitFactor)
            QCOMPARE(*r.summary.profitFactor, *want.profitFactor);
        QCOMPARE(r.summary.signalCount, want.signalCount);
        QCOMPARE(r.summary.rejectedSignals, want.rejectedSignals);
        QCOMPARE(r.summary.bars, std::int64_t(0));
        QCOMPARE(r.bars.size(), s.equity.size());
        const ReportData report = JournalResult::report(s, r);
        QCOMPARE(report.tradeCount, want.totalTrades);
        QVERIFY(report.scores.points.empty());
    }

    void endedHaltedFollowsKillsAndRearms()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            Journal j(path);
            j.open({});
            j.beginSession(continuing(0)); // 1: killed, never re-armed
            j.recordKill(killReport());
            endSession(j, QStringLiteral("stopped"));
            j.beginSession(continuing(1)); // 2: started halted (carried over), nothing happened
            endSession(j, QStringLiteral("stopped"));
            j.beginSession(continuing(2)); // 3: re-armed
            j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("gui"));
            j.flush();
            // Read while the writer is open (a session running on the same journal).
            const std::vector<JournalSessionInfo> live = JournalReader(path).sessions();
            QCOMPARE(live.size(), std::size_t(3));
            QCOMPARE(live.front().endedMs, std::int64_t(0)); // session 3 has no end row yet
        }
        const QByteArray before = fileHash(path);
        {
            const JournalReader reader(path);
            const std::vector<JournalSessionInfo> list = reader.sessions(); // newest first
            QCOMPARE(list.size(), std::size_t(3));
            QCOMPARE(list[0].id, std::int64_t(3));
            QVERIFY(!list[0].endedHalted);
            QVERIFY(list[1].endedHalted);
            QVERIFY(list[2].endedHalted);
            QCOMPARE(list[1].recoveredFrom, std::int64_t(1));
            QVERIFY(reader.session(2).trades.empty());
            QVERIFY_THROWS_EXCEPTION(JournalError, reader.session(99));
        }
        QCOMPARE(fileHash(path), before); // reading changed nothing
    }

    // `veloce-cli rearm` on a stopped journal writes its re-arm outside any session: the session
    // that was halted stays "ended halted", the next one starts (and here ends) armed. File ->
    // Sessions showed the next one as halted too, whatever it did.
    void aRearmBetweenSessionsArmsTheNextOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            Journal j(path);
            j.open({});
            j.beginSession(continuing(0)); // 1: killed
            j.recordKill(killReport());
            endSession(j, QStringLiteral("stopped"));
        }
        {
            Journal j(path); // as veloce-cli rearm does it: no session
            QVERIFY(j.open({}).account.halted);
            j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("cli"));
            j.flush();
        }
        {
            Journal j(path);
            QVERIFY(!j.open({}).account.halted);
            j.beginSession(continuing(1)); // 2: traded armed
            endSession(j, QStringLiteral("stopped"));
            j.beginSession(continuing(2)); // 3: killed again
            j.recordKill(killReport());
            endSession(j, QStringLiteral("stopped"));
        }
        {
            Journal j(path); // re-armed again, and no session has started since
            j.open({});
            j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("cli"));
            j.flush();
        }
        const std::vector<JournalSessionInfo> list = JournalReader(path).sessions(); // newest first
        QCOMPARE(list.size(), std::size_t(3));
        QVERIFY(list[0].endedHalted); // 3 ended halted; the later re-arm is the next one's
        QVERIFY(!list[1].endedHalted);
        QVERIFY(list[2].endedHalted);
    }

    void modeAsJournaled_data()
    {
        QTest::addColumn<QString>("journaled");
        QTest::addColumn<QString>("broker");
        QTest::addColumn<QString>("shown");
        QTest::newRow("paper") << QStringLiteral("paper") << QStringLiteral("paper")
                               << QStringLiteral("paper");
        QTest::newRow("FreqTrade live")
            << QStringLiteral("live") << QStringLiteral("freqtrade") << QStringLiteral("live");
        // Journals of earlier versions recorded the config's default for live sessions.
        QTest::newRow("old paper row")
            << QStringLiteral("backtest") << QStringLiteral("paper") << QStringLiteral("paper");
        QTest::newRow("old FreqTrade row")
            << QStringLiteral("backtest") << QStringLiteral("freqtrade") << QStringLiteral("dry_run");
    }
    // File -> Sessions never calls a journaled session a backtest.
    void modeAsJournaled()
    {
        QFETCH(QString, journaled);
        QFETCH(QString, broker);
        QFETCH(QString, shown);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            Journal j(path);
            j.open({});
            Journal::SessionInfo info;
            info.mode = journaled;
            info.broker = broker;
            j.beginSession(info);
            endSession(j, QStringLiteral("stopped"));
            j.flush();
        }
        const std::vector<JournalSessionInfo> list = JournalReader(path).sessions();
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list.front().mode, shown);
        QCOMPARE(list.front().broker, broker);
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addColumn<QString>("expect");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("no such journal");
        QTest::newRow("not a journal") << QByteArray("date,price\n1,2\n") << QStringLiteral("journal");
    }
    void badFilesAreNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expect);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.sqlite"));
        if (!content.isEmpty()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        try {
            JournalReader reader(path);
            reader.sessions();
            QFAIL("no error");
        } catch (const JournalError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(path) && message.contains(expect), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestJournalReader)
#include "tst_journalreader.moc"
