// The alert log (issue 11, docs/safety.md "Alerts"): ids are unique and increasing across threads,
// alarms stay open until acknowledged and are never dropped by the size bound, the recorder (the
// journal) sees every raise and acknowledgement in order, and views are told through signals.
#include "safety/alertlog.h"

#include <QSignalSpy>
#include <QTest>
#include <mutex>
#include <set>
#include <thread>

using namespace veloce;

namespace {
class Recorder : public AlertRecorder
{
public:
    void recordAlert(const Alert& a) override
    {
        std::lock_guard lock(mutex);
        rows.push_back(a);
    }
    std::mutex mutex;
    std::vector<Alert> rows;
};
} // namespace

class TestAlertLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alarmsStayOpenUntilAcknowledged();
    void raisedFromManyThreads();
    void boundKeepsOpenAlarms();
    void namesRoundTrip();
    void acknowledgeThrough_data();
    void acknowledgeThrough();
};

void TestAlertLog::alarmsStayOpenUntilAcknowledged()
{
    AlertLog log;
    Recorder rec;
    log.setRecorder(&rec);
    QSignalSpy raised(&log, &AlertLog::raised);
    QSignalSpy acknowledged(&log, &AlertLog::acknowledged);
    const std::int64_t info
        = log.raise(AlertKind::Rearm, AlertSeverity::Info, QStringLiteral("gui"), QStringLiteral("re-armed"));
    const std::int64_t alarm = log.raise(
        AlertKind::Journal, AlertSeverity::Alarm, QStringLiteral("journal"), QStringLiteral("disk full"));
    QCOMPARE(raised.count(), 2);
    QCOMPARE(log.openAlarmCount(), 1);
    QCOMPARE(log.openAlarms().front().message, QStringLiteral("disk full"));
    QVERIFY(!log.acknowledge(9999, QStringLiteral("gui")));
    QVERIFY(log.acknowledge(alarm, QStringLiteral("gui")));
    QVERIFY(!log.acknowledge(alarm, QStringLiteral("gui"))); // once
    QCOMPARE(acknowledged.count(), 1);
    QCOMPARE(log.openAlarmCount(), 0);
    QCOMPARE(log.alerts().size(), std::size_t(2));
    QCOMPARE(rec.rows.size(), std::size_t(3)); // two raises, one acknowledgement (same id)
    QCOMPARE(rec.rows[2].id, alarm);
    QVERIFY(rec.rows[2].acknowledged);
    QCOMPARE(rec.rows[2].acknowledgedBy, QStringLiteral("gui"));
    QVERIFY(info < alarm);
}

void TestAlertLog::acknowledgeThrough_data()
{
    // Four alerts (ids 1..4: info, warning, alarm, warning); alert 2 acknowledged beforehand.
    QTest::addColumn<qint64>("through");
    QTest::addColumn<int>("acknowledged");
    QTest::addColumn<int>("left");
    QTest::newRow("nothing seen yet") << qint64(0) << 0 << 3;
    QTest::newRow("the first two") << qint64(2) << 1 << 2;
    QTest::newRow("up to the alarm") << qint64(3) << 2 << 1;
    QTest::newRow("all of them") << qint64(4) << 3 << 0;
    QTest::newRow("an id not raised yet") << qint64(99) << 3 << 0;
}

// The Alerts dock's "acknowledge all": every severity (not only alarms), only what the person has
// seen (ids up to the newest shown), each acknowledgement recorded once.
void TestAlertLog::acknowledgeThrough()
{
    QFETCH(qint64, through);
    QFETCH(int, acknowledged);
    QFETCH(int, left);
    AlertLog log;
    Recorder rec;
    log.setRecorder(&rec);
    log.raise(AlertKind::Rearm, AlertSeverity::Info, QStringLiteral("gui"), QStringLiteral("re-armed"));
    log.raise(AlertKind::Kill, AlertSeverity::Warning, QStringLiteral("gui"), QStringLiteral("killed"));
    log.raise(
        AlertKind::Journal, AlertSeverity::Alarm, QStringLiteral("journal"), QStringLiteral("disk full"));
    log.raise(
        AlertKind::Feed, AlertSeverity::Warning, QStringLiteral("feed"), QStringLiteral("reconnecting"));
    QVERIFY(log.acknowledge(2, QStringLiteral("cli")));
    QCOMPARE(log.unacknowledgedCount(), 3);
    QCOMPARE(log.acknowledgeThrough(through, QStringLiteral("gui")), acknowledged);
    QCOMPARE(log.unacknowledgedCount(), left);
    QCOMPARE(log.openAlarmCount(), through >= 3 ? 0 : 1);
    QCOMPARE(rec.rows.size(), std::size_t(5 + acknowledged)); // 4 raises, the cli's ack, ours
    for (std::size_t i = 5; i < rec.rows.size(); ++i) {
        QVERIFY(rec.rows[i].acknowledged);
        QCOMPARE(rec.rows[i].acknowledgedBy, QStringLiteral("gui"));
        QVERIFY(rec.rows[i].id <= through);
    }
}

void TestAlertLog::raisedFromManyThreads()
{
    AlertLog log;
    Recorder rec;
    log.setRecorder(&rec);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                log.raise(
                    AlertKind::Feed, AlertSeverity::Warning, QStringLiteral("feed"), QStringLiteral("x"));
        });
    for (auto& t : threads)
        t.join();
    std::set<std::int64_t> ids;
    std::int64_t last = 0;
    for (const Alert& a : rec.rows) {
        QVERIFY(a.id > last); // the recorder sees them in id order
        last = a.id;
        ids.insert(a.id);
    }
    QCOMPARE(ids.size(), std::size_t(1600));
}

void TestAlertLog::boundKeepsOpenAlarms()
{
    AlertLog log;
    log.raise(AlertKind::NotFlat, AlertSeverity::Alarm, QStringLiteral("cli"), QStringLiteral("not flat"));
    for (std::size_t i = 0; i < 3 * AlertLog::kCapacity; ++i)
        log.raise(
            AlertKind::Heartbeat, AlertSeverity::Info, QStringLiteral("watchdog"), QStringLiteral("tick"));
    QCOMPARE(log.alerts().size(), AlertLog::kCapacity);
    QCOMPARE(log.openAlarmCount(), 1);
    QCOMPARE(log.alerts().front().message, QStringLiteral("not flat"));
    QCOMPARE(log.acknowledgeAll(QStringLiteral("test")), 1);
}

void TestAlertLog::namesRoundTrip()
{
    for (AlertKind k :
        { AlertKind::Kill, AlertKind::Halt, AlertKind::Rearm, AlertKind::NotFlat, AlertKind::Breaker,
            AlertKind::Heartbeat, AlertKind::Stale, AlertKind::Journal, AlertKind::Feed, AlertKind::Venue }) {
        AlertKind back = AlertKind::Feed;
        QVERIFY(alertKindFromName(QString::fromLatin1(alertKindName(k)), &back));
        QCOMPARE(back, k);
    }
    AlertSeverity s = AlertSeverity::Info;
    QVERIFY(alertSeverityFromName(QStringLiteral("alarm"), &s));
    QCOMPARE(s, AlertSeverity::Alarm);
    QVERIFY(!alertSeverityFromName(QStringLiteral("panic"), &s));
}

QTEST_GUILESS_MAIN(TestAlertLog)
#include "tst_alertlog.moc"
