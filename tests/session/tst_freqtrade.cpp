// FreqTrade contract (issue 4), against FakeFreqtrade -- a loopback server written from
// FreqTrade's documented REST API: token expiry, refresh and re-login; both error shapes; null
// floats; a slow /forceenter is looked up by entry_tag instead of being sent again; a dropped
// one is sent once more only when /status proves it did not land; exits are confirmed by
// /status; the kill switch's "forceexit all" polls until flat and alarms when it is not.
#include "broker/freqtradebroker.h"
#include "broker/freqtradeclient.h"
#include "broker/freqtradeflattener.h"
#include "fakefreqtrade.h"
#include "freqtraderig.h"
#include "portfolio/portfolio.h"
#include "safety/killswitch.h"

#include <QTest>

using namespace veloce;
using namespace veloce::test;

// Every QTRY_* wait here is a deadline against a hang, at least ten times what the step takes on
// a busy 2-core machine (a loopback request takes milliseconds); none asserts a speed.
class TestFreqtrade : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expiredTokenIsRefreshedThenReloggedIn();
    void wrongPasswordIsAClearError();
    void errorShapes_data();
    void errorShapes();
    void slowEntryIsFoundByTagNotDoubled();
    void droppedEntryIsSentOnceMoreOnlyIfAbsent();
    void droppedAfterExecutingIsNotRepeated();
    void rejectedEntryLeavesNoPosition();
    void exitIsConfirmedByStatus();
    void adoptsOpenTradesWithNullFloats();
    void killSwitchExitsAllAndPollsUntilFlat();
    void killSwitchAlarmsWhenNotFlat();
    void startChecksTheBotsConfig_data();
    void startChecksTheBotsConfig();
};

void TestFreqtrade::expiredTokenIsRefreshedThenReloggedIn()
{
    FakeFreqtrade fake;
    FreqtradeClient client(settingsFor(fake));
    FreqtradeError e;
    QVERIFY(call(client, "GET", QStringLiteral("/status"), e).is_array());
    QVERIFY(!e);
    QCOMPARE(client.logins(), 1);
    fake.expireAccessTokens(); // 15 minutes later
    QVERIFY(call(client, "GET", QStringLiteral("/status"), e).is_array());
    QVERIFY2(!e, qPrintable(e.message));
    QCOMPARE(client.refreshes(), 1);
    QCOMPARE(client.logins(), 1);
    fake.expireAccessTokens(); // the bot restarted: refresh tokens are gone too
    fake.revokeRefreshTokens();
    QVERIFY(call(client, "GET", QStringLiteral("/show_config"), e).is_object());
    QVERIFY2(!e, qPrintable(e.message));
    QCOMPARE(client.logins(), 2);
    QCOMPARE(fake.logins(), 2);
}

void TestFreqtrade::wrongPasswordIsAClearError()
{
    FakeFreqtrade fake;
    FreqtradeClient::Settings s = settingsFor(fake);
    s.password = QStringLiteral("wrong-pw");
    FreqtradeClient client(s);
    FreqtradeError e;
    call(client, "GET", QStringLiteral("/status"), e);
    QCOMPARE(e.kind, FreqtradeError::Kind::Auth);
    QVERIFY2(e.message.contains(QLatin1String("Incorrect username or password")), qPrintable(e.message));
    QVERIFY(!e.message.contains(QLatin1String("wrong-pw")));
}

void TestFreqtrade::errorShapes_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("502 error: trader not running")
        << QStringLiteral("stopped") << QStringLiteral("/forceenter")
        << QByteArray(R"({"pair":"BTC/USDT:USDT","side":"long"})") << int(FreqtradeError::Kind::Business)
        << QStringLiteral("trader is not running");
    QTest::newRow("502 error: max trades")
        << QStringLiteral("full") << QStringLiteral("/forceenter")
        << QByteArray(R"({"pair":"BTC/USDT:USDT","side":"long"})") << int(FreqtradeError::Kind::Business)
        << QStringLiteral("Maximum number of trades is reached.");
    QTest::newRow("422 detail list") << QString() << QStringLiteral("/forceenter")
                                     << QByteArray(R"({"pair":"BTC/USDT:USDT","side":"up"})")
                                     << int(FreqtradeError::Kind::Validation)
                                     << QStringLiteral("body.side: Input should be 'long' or 'short'");
    QTest::newRow("404 detail string")
        << QString() << QStringLiteral("/trade/999") << QByteArray() << int(FreqtradeError::Kind::NotFound)
        << QStringLiteral("Trade not found.");
}

void TestFreqtrade::errorShapes()
{
    QFETCH(QString, setup);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, message);
    FakeFreqtrade fake;
    if (setup == QLatin1String("stopped"))
        fake.state = QStringLiteral("stopped");
    if (setup == QLatin1String("full"))
        fake.maxOpenTrades = 0;
    FreqtradeClient client(settingsFor(fake));
    FreqtradeError e;
    call(client, body.isEmpty() ? "GET" : "POST", path, e,
        body.isEmpty() ? nlohmann::json() : nlohmann::json::parse(body.toStdString()));
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.message, message);
}

void TestFreqtrade::slowEntryIsFoundByTagNotDoubled()
{
    FakeFreqtrade fake;
    fake.delayNext(QStringLiteral("/forceenter"), 1500);
    BrokerRig rig(fake, 400);
    QTRY_VERIFY(rig.broker->ready());
    const std::int64_t id = rig.enter(Side::Long, 64990).id;
    QTRY_VERIFY_WITH_TIMEOUT(rig.statuses().contains(OrderEvent::Status::Confirmed), 30000);
    QVERIFY(rig.statuses().contains(OrderEvent::Status::TimedOut));
    QTest::qWait(1500); // the late answer arrives, and nothing more happens
    QCOMPARE(fake.requests(QStringLiteral("/forceenter")), 1);
    QCOMPARE(fake.openCount(), 1);
    const QString tag = QString::fromStdString(
        fake.bodies(QStringLiteral("/forceenter")).first()["entry_tag"].get<std::string>());
    QCOMPARE(fake.trades().first().tag, tag);
    // The account now holds FreqTrade's fill, not the estimate.
    QTRY_COMPARE(rig.portfolio.positions().size(), std::size_t(1));
    QCOMPARE(rig.portfolio.positions().front().id, id);
    QCOMPARE(rig.portfolio.positions().front().entry, fake.price);
    QCOMPARE(rig.portfolio.positions().front().qty, fake.trades().first().amount);
}

void TestFreqtrade::droppedEntryIsSentOnceMoreOnlyIfAbsent()
{
    FakeFreqtrade fake;
    fake.dropNext(QStringLiteral("/forceenter"), false);
    BrokerRig rig(fake);
    QTRY_VERIFY(rig.broker->ready());
    rig.enter(Side::Short, 65010);
    QTRY_VERIFY_WITH_TIMEOUT(fake.openCount() == 1, 30000);
    QTest::qWait(500);
    QCOMPARE(fake.requests(QStringLiteral("/forceenter")), 2);
    QCOMPARE(fake.openCount(), 1);
    const auto bodies = fake.bodies(QStringLiteral("/forceenter"));
    QVERIFY(bodies[0]["entry_tag"] == bodies[1]["entry_tag"]); // the same order, not a new one
    QVERIFY(fake.requests(QStringLiteral("/status")) >= 1); // looked up before the retry
    QCOMPARE(fake.trades().first().isShort, true);
}

void TestFreqtrade::droppedAfterExecutingIsNotRepeated()
{
    FakeFreqtrade fake;
    fake.dropNext(QStringLiteral("/forceenter"), true);
    BrokerRig rig(fake);
    QTRY_VERIFY(rig.broker->ready());
    rig.enter(Side::Long, 65000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.statuses().contains(OrderEvent::Status::Confirmed), 30000);
    QTest::qWait(300);
    // Veloce sends it once; Qt's HTTP layer may re-send a POST whose connection died before any
    // answer, and the bot refuses that copy -- either way FreqTrade holds exactly one trade.
    QVERIFY(fake.requests(QStringLiteral("/forceenter")) <= 2);
    QVERIFY(!rig.statuses().contains(OrderEvent::Status::Rejected));
    QCOMPARE(fake.openCount(), 1);
    QTRY_COMPARE(rig.portfolio.positions().size(), std::size_t(1));
}

void TestFreqtrade::rejectedEntryLeavesNoPosition()
{
    FakeFreqtrade fake;
    fake.maxOpenTrades = 0;
    BrokerRig rig(fake);
    QTRY_VERIFY(rig.broker->ready());
    rig.enter(Side::Long, 65000);
    QCOMPARE(rig.portfolio.positions().size(), std::size_t(1)); // provisional, while in flight
    QTRY_VERIFY_WITH_TIMEOUT(rig.statuses().contains(OrderEvent::Status::Rejected), 30000);
    QTRY_COMPARE(rig.portfolio.positions().size(), std::size_t(0));
    QString said;
    for (const auto& o : rig.update.orders)
        if (o.status == OrderEvent::Status::Rejected)
            said = o.message;
    QCOMPARE(said, QStringLiteral("Maximum number of trades is reached."));
}

void TestFreqtrade::exitIsConfirmedByStatus()
{
    FakeFreqtrade fake;
    fake.exitAfterPolls = 2;
    BrokerRig rig(fake);
    QTRY_VERIFY(rig.broker->ready());
    rig.enter(Side::Long, 65000);
    QTRY_VERIFY_WITH_TIMEOUT(!rig.update.fills.empty(), 30000); // entry confirmed at FreqTrade's fill
    QVERIFY(rig.update.fills.front().entry);
    fake.price = 66300;
    rig.broker->placeExit(rig.portfolio.positions().front(), ExitReason::Target);
    rig.broker->placeExit(rig.portfolio.positions().front(), ExitReason::Target); // next bar: no second order
    QCOMPARE(rig.portfolio.positions().size(), std::size_t(1)); // placed, not filled
    QTRY_VERIFY_WITH_TIMEOUT(!rig.update.trades.empty(), 30000);
    QCOMPARE(fake.requests(QStringLiteral("/forceexit")), 1);
    const Trade& t = rig.update.trades.front();
    QCOMPARE(t.exitPrice, 66300.0);
    QCOMPARE(t.reason, ExitReason::Target);
    QVERIFY(rig.portfolio.flat());
    QVERIFY(rig.portfolio.cash() > rig.config.initialCapital);
}

void TestFreqtrade::adoptsOpenTradesWithNullFloats()
{
    FakeFreqtrade fake;
    const qint64 id = fake.addOpenTrade(QStringLiteral("BTC/USDT:USDT"), true, 0.5, 64000);
    Q_UNUSED(id);
    BrokerRig rig(fake);
    QTRY_COMPARE_WITH_TIMEOUT(rig.portfolio.positions().size(), std::size_t(1), 30000);
    const Position& p = rig.portfolio.positions().front();
    QCOMPARE(p.side, Side::Short);
    QCOMPARE(p.qty, 0.5);
    QCOMPARE(p.entry, 64000.0);
    QCOMPARE(p.stop, 64000 * 1.1); // FreqTrade's stop is kept as the position's stop
    QVERIFY(rig.failures.isEmpty());
}

void TestFreqtrade::killSwitchExitsAllAndPollsUntilFlat()
{
    FakeFreqtrade fake;
    fake.exitAfterPolls = 3; // placed now, filled three /status polls later
    fake.addOpenTrade(QStringLiteral("BTC/USDT:USDT"), false, 0.1, 65000);
    fake.addOpenTrade(QStringLiteral("ETH/USDT:USDT"), true, 2, 3000);
    KillSwitch kill;
    auto flattener = std::make_shared<FreqtradeFlattener>(settingsFor(fake));
    // The flatten deadline is part of what is checked (flat before it), so it is generous: about 40
    // times the ~0.7 s three /status polls take here.
    kill.setFlattener([flattener](int left) { return flattener->flatten(left); }, 30000);
    std::atomic<bool> done { false };
    KillReport report;
    connect(
        &kill, &KillSwitch::flattened, &kill,
        [&](const KillReport& r) {
            report = r;
            done = true;
        },
        Qt::DirectConnection);
    kill.trigger(QStringLiteral("test"), QStringLiteral("test"));
    QVERIFY(kill.halted());
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);
    QVERIFY2(report.flat, qPrintable(report.message));
    QCOMPARE(report.closed, 2);
    QCOMPARE(fake.openCount(), 0);
    QVERIFY(fake.requests(QStringLiteral("/status")) >= 4);
    QCOMPARE(QString::fromStdString(
                 fake.bodies(QStringLiteral("/forceexit")).first()["tradeid"].get<std::string>()),
        QStringLiteral("all"));
    kill.setFlattener(nullptr);
}

void TestFreqtrade::killSwitchAlarmsWhenNotFlat()
{
    FakeFreqtrade fake;
    fake.state = QStringLiteral("stopped"); // /forceexit refused: "trader is not running"
    fake.addOpenTrade(QStringLiteral("BTC/USDT:USDT"), false, 0.1, 65000);
    KillSwitch kill;
    auto flattener = std::make_shared<FreqtradeFlattener>(settingsFor(fake));
    kill.setFlattener([flattener](int left) { return flattener->flatten(left); }, 1200);
    std::atomic<bool> done { false };
    KillReport report;
    connect(
        &kill, &KillSwitch::flattened, &kill,
        [&](const KillReport& r) {
            report = r;
            done = true;
        },
        Qt::DirectConnection);
    kill.trigger(QStringLiteral("test"), QStringLiteral("test"));
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);
    QVERIFY(!report.flat);
    QVERIFY2(report.message.startsWith(QLatin1String("NOT FLAT")), qPrintable(report.message));
    QVERIFY2(report.message.contains(QLatin1String("still open"))
            || report.message.contains(QLatin1String("not running")),
        qPrintable(report.message));
    QVERIFY(kill.halted());
    kill.setFlattener(nullptr);
}

void TestFreqtrade::startChecksTheBotsConfig_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("failure"); // empty: none expected
    QTest::newRow("ready") << QString() << QString();
    QTest::newRow("force entries off")
        << QStringLiteral("noforce") << QStringLiteral("force_entry_enable is off");
    QTest::newRow("position adjustment on")
        << QStringLiteral("adjust") << QStringLiteral("position_adjustment_enable is on");
    QTest::newRow("bot stopped") << QStringLiteral("stopped") << QStringLiteral("not running");
}

void TestFreqtrade::startChecksTheBotsConfig()
{
    QFETCH(QString, setup);
    QFETCH(QString, failure);
    FakeFreqtrade fake;
    fake.forceEntryEnable = setup != QLatin1String("noforce");
    fake.positionAdjustment = setup == QLatin1String("adjust");
    if (setup == QLatin1String("stopped"))
        fake.state = QStringLiteral("stopped");
    BrokerRig rig(fake);
    QTRY_VERIFY(rig.broker->ready());
    QTRY_VERIFY(fake.requests(QStringLiteral("/show_config")) == 1);
    QTest::qWait(200);
    if (failure.isEmpty()) {
        QVERIFY2(rig.failures.isEmpty(), qPrintable(rig.failures.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(rig.failures.size(), 1);
        QVERIFY2(rig.failures.first().contains(failure), qPrintable(rig.failures.first()));
    }
}

QTEST_GUILESS_MAIN(TestFreqtrade)
#include "tst_freqtrade.moc"
