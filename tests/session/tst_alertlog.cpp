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
