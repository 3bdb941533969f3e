// Soak (issue 11): `veloce-cli paper --simulate --speed max` under random SIGKILLs. After every
// kill the journal must equal an independent replay of the same bars -- the simulator's bars from
// where each session started up to the last bar the journal committed, through the strategy and
// the account from scratch, restored at each restart the way a restart restores -- fill for fill,
// bit for bit: nothing lost, nothing duplicated. The session's memory stays under 300 MB however
// long it runs (the feed waits for the journal; nothing queues up).
//
// The suite runs a few seconds; the benchmark runs 10 minutes with 50 kills (QtTest's own limit of
// 300 s per test function raised), one command line:
//   QTEST_FUNCTION_TIMEOUT=3600000 VELOCE_SOAK_SECONDS=600 VELOCE_SOAK_CYCLES=50
//       build/dev/tests/session/tst_sessionsoak
#include "data/marketsimulator.h"
#include "engine/backtestsink.h"
#include "engine/barprocessor.h"
#include "paperprocess.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <csignal>
#include <map>

using namespace veloce;

namespace {
constexpr quint64 kSeed = 5;
constexpr double kMaxRssMb = 300;

double rssMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

struct JournalFill
{
    qint64 session, t, position, entry, side;
    double price, qty, fee, cash;
};

struct SessionRow
{
    qint64 id = 0;
    qint64 feedStartMs = 0;
    double feedStartPrice = 0;
    qint64 lastBarMs = 0; // 0: nothing committed
    qint64 resumedAfterMs = 0;
};

class FillSink : public BacktestSink
{
public:
    void onFill(const Fill& f) override { fills.push_back(f); }
    void onEquity(const EquityPoint& p) override { peak = std::max(peak, p.equity); }
    std::vector<Fill> fills;
    double peak = 0;
};

// The account the replay carries from one session to the next, as Journal recovery rebuilds it.
struct Account
{
    bool any = false;
    double cash = 0;
    double peak = 0;
    std::vector<Position> open;
    qint64 nextId = 1;
    qint64 lastEntryMs = 0;
};

// Replays one session's bars (simulator from its recorded start, up to its last committed bar)
// on top of `acc`, the way Session::restore continues an account. Returns its fills.
std::vector<Fill> replay(const Config& config, const SessionRow& s, Account& acc, qint64* bars)
{
    FillSink sink;
    Config c = config;
    if (acc.any)
        c.initialCapital = std::max(acc.peak, acc.cash);
    BarProcessor proc(c, sink);
    if (acc.any)
        proc.portfolio().restore(acc.cash, acc.open, acc.nextId, acc.lastEntryMs);
    SimulatorConfig sim;
    sim.seed = kSeed;
    sim.startMs = s.feedStartMs;
    sim.startPrice = s.feedStartPrice;
    MarketSimulator market(sim);
    Bar bar;
    while (market.next(bar) && bar.t <= s.lastBarMs) {
        proc.process(bar);
        ++*bars;
    }
    for (const Fill& f : sink.fills) {
        acc.any = true;
        acc.cash = f.cashAfter;
        if (f.entry)
            acc.lastEntryMs = f.t;
    }
    acc.open = proc.portfolio().positions();
    acc.nextId = proc.portfolio().nextId();
    acc.peak = std::max({ acc.peak, sink.peak, acc.cash });
    return sink.fills;
}

bool readJournal(const QString& path, std::vector<SessionRow>* sessions, std::vector<JournalFill>* fills)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("soak"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        ok = db.open()
            && q.exec(QStringLiteral("SELECT id, feed_start_ms, feed_start_price, COALESCE(last_bar_ms, 0),"
                                     " COALESCE(resumed_after_ms, 0) FROM sessions ORDER BY id"));
        while (ok && q.next())
            sessions->push_back({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toDouble(),
                q.value(3).toLongLong(), q.value(4).toLongLong() });
        ok = ok
            && q.exec(
                QStringLiteral("SELECT session_id, t, position_id, entry, side, price, qty, fee, cash_after"
                               " FROM fills ORDER BY session_id, seq"));
        while (ok && q.next())
            fills->push_back({ q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toDouble(),
                q.value(6).toDouble(), q.value(7).toDouble(), q.value(8).toDouble() });
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("soak"));
    return ok;
}
} // namespace

class TestSessionSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void journalEqualsReplayAfterEveryKill();
};

void TestSessionSoak::journalEqualsReplayAfterEveryKill()
{
    const double seconds = qEnvironmentVariableIsSet("VELOCE_SOAK_SECONDS")
        ? qEnvironmentVariable("VELOCE_SOAK_SECONDS").toDouble()
        : 8;
    const int cycles = qEnvironmentVariableIsSet("VELOCE_SOAK_CYCLES")
        ? qEnvironmentVariableIntValue("VELOCE_SOAK_CYCLES")
        : 4;
    QVERIFY(seconds > 0 && cycles > 0);
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("soak.sqlite"));
    QRandomGenerator random(20240601);
    const Config config;
    Account acc;
    acc.peak = config.initialCapital;
    std::size_t checkedSessions = 0;
    std::size_t checkedFills = 0;
    qint64 bars = 0;
    double maxRss = 0;
    QElapsedTimer total;
    total.start();

    for (int cycle = 0; cycle < cycles; ++cycle) {
        // Each session runs a random share of the time, then dies without warning.
        const double share = seconds / cycles;
        const qint64 lifeMs = static_cast<qint64>(1000 * share * (0.5 + random.generateDouble()));
        {
            PaperProcess paper(
                { QStringLiteral("--simulate"), QStringLiteral("--seed"), QString::number(kSeed),
                    QStringLiteral("--speed"), QStringLiteral("max"), QStringLiteral("--journal"), journal });
            // A restart first validates the whole journal, which grows with the run (about 4 s
            // per minute of full speed on a 2-core machine): a generous bound for a hung start.
            const QJsonObject start = paper.waitForEvent(QStringLiteral("start"), 600000);
            QVERIFY2(!start.isEmpty(), qPrintable(paper.stderrText()));
            // The restart took over exactly the replayed account.
            const QJsonObject rec = start.value(QLatin1String("recovered")).toObject();
            QCOMPARE(rec.value(QLatin1String("positions")).toInt(), static_cast<int>(acc.open.size()));
            if (acc.any)
                QCOMPARE(rec.value(QLatin1String("cash")).toDouble(), acc.cash);
            QElapsedTimer life;
            life.start();
            while (life.elapsed() < lifeMs) {
                paper.process().waitForReadyRead(200);
                paper.poll();
                maxRss = std::max(maxRss, rssMb(paper.process().processId()));
                QVERIFY2(paper.process().state() == QProcess::Running, qPrintable(paper.stderrText()));
            }
            ::kill(static_cast<pid_t>(paper.process().processId()), SIGKILL);
            paper.finish(10000);
            QCOMPARE(paper.process().exitStatus(), QProcess::CrashExit);
        }
        std::vector<SessionRow> sessions;
        std::vector<JournalFill> fills;
        QVERIFY(readJournal(journal, &sessions, &fills));
        QCOMPARE(sessions.size(), std::size_t(cycle + 1));
        // Replay the sessions not checked yet and compare their fills with the journal's.
        for (; checkedSessions < sessions.size(); ++checkedSessions) {
            const SessionRow& s = sessions[checkedSessions];
            QVERIFY(s.feedStartMs > 0 && s.feedStartPrice > 0);
            std::vector<Fill> want;
            if (s.lastBarMs > s.resumedAfterMs)
                want = replay(config, s, acc, &bars);
            std::vector<JournalFill> have;
            for (const JournalFill& f : fills)
                if (f.session == s.id)
                    have.push_back(f);
            const QByteArray where = "session " + QByteArray::number(s.id);
            QVERIFY2(have.size() == want.size(),
                qPrintable(QStringLiteral("%1: journal %2 fills, replay %3")
                               .arg(QString::fromLatin1(where))
                               .arg(have.size())
                               .arg(want.size())));
            for (std::size_t i = 0; i < have.size(); ++i) {
                const JournalFill& h = have[i];
                const Fill& w = want[i];
                const QByteArray at = where + " fill " + QByteArray::number(qulonglong(i));
                QVERIFY2(h.t == w.t && h.position == w.positionId && h.entry == (w.entry ? 1 : 0)
                        && h.side == sign(w.side),
                    at.constData());
                QVERIFY2(h.price == w.price && h.qty == w.qty && h.fee == w.fee && h.cash == w.cashAfter,
                    at.constData());
            }
            checkedFills += have.size();
        }
    }
    qInfo("soak: %.0f s, %d SIGKILL/restart cycles, %lld bars replayed, %zu fills equal, max RSS %.1f MB",
        static_cast<double>(total.elapsed()) / 1000.0, cycles, static_cast<long long>(bars), checkedFills,
        maxRss);
    QVERIFY2(checkedFills > 0, "the sessions must trade, or the comparison proves nothing");
    QVERIFY2(maxRss < kMaxRssMb, qPrintable(QString::number(maxRss)));
}

QTEST_GUILESS_MAIN(TestSessionSoak)
#include "tst_sessionsoak.moc"
