// FreqTrade guards (issue 11, docs/freqtrade.md), against FakeFreqtrade and a misbehaving
// loopback server: the bot's mode is verified before any order (dry_run needs a dry-run bot,
// live a live bot and a confirmation); order events carry FreqTrade's price and base amount,
// never the stake; errors of a bot that echoes the request's credentials never contain them;
// an answer that never ends or trickles fails with a clear message, with memory bounded.
#include "broker/freqtradebotinfo.h"
#include "data/networkreplyguard.h"
#include "fakefreqtrade.h"
#include "freqtraderig.h"
#include "loopbackhttpserver.h"
#include "processmemory.h"
#include "secretleaks.h"

#include <QTest>

using namespace veloce;
using namespace veloce::test;

class TestFreqtradeGuards : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modeIsVerifiedBeforeAnyOrder_data();
    void modeIsVerifiedBeforeAnyOrder();
    void orderEventsCarryPriceAndQuantity_data();
    void orderEventsCarryPriceAndQuantity();
    void echoedSecretsAreRedacted_data();
    void echoedSecretsAreRedacted();
    void repliesAreBounded_data();
    void repliesAreBounded();
};

void TestFreqtradeGuards::modeIsVerifiedBeforeAnyOrder_data()
{
    QTest::addColumn<int>("wanted"); // TradingMode
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<QString>("bot"); // dry_run | live | no-flag | contradicts | wrong-password
    QTest::addColumn<QString>("refusal"); // empty: accepted
    QTest::addColumn<QString>("venueMode");
    const int dry = int(TradingMode::DryRun);
    const int live = int(TradingMode::Live);
    QTest::newRow("dry_run session, dry-run bot") << dry << false << "dry_run" << QString() << "dry_run";
    QTest::newRow("dry_run session, live bot")
        << dry << false << "live"
        << "trades LIVE on binance (real money), but this session's mode is \"dry_run\"" << QString();
    QTest::newRow("dry_run session, live bot, confirmed anyway")
        << dry << true << "live"
        << "but this session's mode is \"dry_run\"" << QString();
    QTest::newRow("live session, live bot, confirmed") << live << true << "live" << QString() << "live";
    QTest::newRow("live session, live bot, not confirmed")
        << live << false << "live"
        << "not starting without an explicit confirmation" << QString();
    QTest::newRow("live session, dry-run bot")
        << live << true << "dry_run"
        << "is in dry-run, but this session's mode is \"live\"" << QString();
    QTest::newRow("no dry_run in show_config") << dry << false << "no-flag"
                                               << "does not say clearly whether it trades live" << QString();
    QTest::newRow("runmode contradicts dry_run") << dry << false << "contradicts"
                                                 << "dry_run true, runmode \"live\"" << QString();
    QTest::newRow("mode cannot be read (wrong password)")
        << dry << false << "wrong-password"
        << "cannot verify the bot's mode (GET /show_config" << QString();
}

void TestFreqtradeGuards::modeIsVerifiedBeforeAnyOrder()
{
    QFETCH(int, wanted);
    QFETCH(bool, confirmed);
    QFETCH(QString, bot);
    QFETCH(QString, refusal);
    QFETCH(QString, venueMode);
    FakeFreqtrade fake;
    fake.dryRun = bot != QLatin1String("live");
    fake.showDryRun = bot != QLatin1String("no-flag");
    if (bot == QLatin1String("contradicts"))
        fake.runmode = QStringLiteral("live");
    const QString password = fake.password;
    if (bot == QLatin1String("wrong-password"))
        fake.password = QStringLiteral("another-one");
    BrokerRig rig(fake, 2000, TradingMode(wanted), confirmed); // logs in with fake.password now
    fake.password = password; // ... which the bot no longer accepts in the wrong-password row
    if (refusal.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(rig.broker->ready(), 5000);
        QVERIFY2(rig.fatal.isEmpty(), qPrintable(rig.fatal.join(QLatin1Char('\n'))));
        QCOMPARE(rig.update.venueMode, venueMode);
        const auto detail = nlohmann::json::parse(rig.update.venueDetail.toStdString());
        QCOMPARE(QString::fromStdString(detail.value("url", std::string())), fake.url());
        QCOMPARE(QString::fromStdString(detail.value("exchange", std::string())), QStringLiteral("binance"));
        rig.enter(Side::Long, 65000);
        QTRY_COMPARE_WITH_TIMEOUT(fake.requests(QStringLiteral("/forceenter")), 1, 5000);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(rig.fatal.size(), 1, 5000);
    QVERIFY2(rig.fatal.first().contains(refusal), qPrintable(rig.fatal.first()));
    QVERIFY2(rig.fatal.first().contains(fake.url()), qPrintable(rig.fatal.first()));
    // Nothing reaches the bot: an entry now is refused here, not sent.
    rig.enter(Side::Long, 65000);
    QTest::qWait(300);
    QVERIFY(!rig.broker->ready());
    QCOMPARE(fake.requests(QStringLiteral("/forceenter")), 0);
    QCOMPARE(fake.requests(QStringLiteral("/forceexit")), 0);
    QVERIFY(rig.statuses().contains(OrderEvent::Status::Rejected));
    QVERIFY(rig.update.venueMode.isEmpty());
}

void TestFreqtradeGuards::orderEventsCarryPriceAndQuantity_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<double>("botPrice");
    QTest::addColumn<double>("signalPrice");
    QTest::newRow("long") << int(Side::Long) << 65000.0 << 64990.0;
    QTest::newRow("short") << int(Side::Short) << 3012.5 << 3010.0;
}

void TestFreqtradeGuards::orderEventsCarryPriceAndQuantity()
{
    QFETCH(int, side);
    QFETCH(double, botPrice);
    QFETCH(double, signalPrice);
    FakeFreqtrade fake;
    fake.price = botPrice;
    BrokerRig rig(fake);
    QTRY_VERIFY_WITH_TIMEOUT(rig.broker->ready(), 5000);
    const Position provisional = rig.enter(Side(side), signalPrice);
    QTRY_VERIFY_WITH_TIMEOUT(rig.statuses().contains(OrderEvent::Status::Confirmed), 5000);
    const double stake = provisional.qty * provisional.entry; // leverage 1
    const FakeFreqtrade::Trade venue = fake.trades().first();
    for (const OrderEvent& o : rig.update.orders) {
        QVERIFY2(o.price != stake, "the stake is not a price");
        if (o.status == OrderEvent::Status::Placed) {
            // A market order: what was asked for, sized at Veloce's estimate.
            QCOMPARE(o.qty, provisional.qty);
            QCOMPARE(o.price, provisional.entry);
            QVERIFY2(
                o.message.contains(QStringLiteral("stake %1").arg(stake, 0, 'f', 2)), qPrintable(o.message));
        } else if (o.status == OrderEvent::Status::Confirmed) {
            // FreqTrade's answer: the trade's amount (base currency) and open_rate.
            QCOMPARE(o.qty, venue.amount);
            QCOMPARE(o.price, botPrice);
            QCOMPARE(o.venueId, venue.id);
        }
    }
    // The exit: the whole amount, at the close Veloce decided on.
    QTRY_COMPARE_WITH_TIMEOUT(rig.update.fills.size(), std::size_t(1), 5000);
    Position p = rig.portfolio.positions().front();
    p.last = botPrice * 1.01;
    rig.broker->placeExit(p, ExitReason::Target);
    QTRY_VERIFY_WITH_TIMEOUT(rig.update.orders.back().kind == OrderEvent::Kind::Exit, 5000);
    const OrderEvent& exit = rig.update.orders.back();
    QCOMPARE(exit.kind, OrderEvent::Kind::Exit);
    QCOMPARE(exit.qty, venue.amount);
    QCOMPARE(exit.price, p.last);
}

void TestFreqtradeGuards::echoedSecretsAreRedacted_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("useful"); // what the message must still say
    QTest::newRow("login refused (Basic credentials echoed)") << "wrong-password"
                                                              << "/status"
                                                              << "Incorrect username or password";
    QTest::newRow("business error (Bearer token echoed)") << "full"
                                                          << "/forceenter"
                                                          << "Maximum number of trades is reached.";
    QTest::newRow("validation error list (Bearer token echoed)")
        << "bad-side"
        << "/forceenter"
        << "body.side: Input should be 'long' or 'short'";
    QTest::newRow("not found (Bearer token echoed)") << ""
                                                     << "/trade/999"
                                                     << "Trade not found.";
    QTest::newRow("plain-text 500 from a proxy (Basic credentials echoed)") << "proxy"
                                                                            << "/status"
                                                                            << "HTTP 500";
}

void TestFreqtradeGuards::echoedSecretsAreRedacted()
{
    QFETCH(QString, scenario);
    QFETCH(QString, path);
    QFETCH(QString, useful);
    FakeFreqtrade fake;
    fake.echoCredentials = true;
    fake.password = QStringLiteral("Pa55-w0rd-xyz");
    fake.maxOpenTrades = scenario == QLatin1String("full") ? 0 : 3;
    LoopbackHttpServer proxy({ LoopbackHttpServer::Mode::Echo, 500, false, 100 });
    FreqtradeClient::Settings s = settingsFor(fake);
    if (scenario == QLatin1String("wrong-password"))
        s.password = QStringLiteral("Wr0ng-pa55word");
    if (scenario == QLatin1String("proxy"))
        s.baseUrl = QUrl(proxy.url());
    FreqtradeClient client(s);
    FreqtradeError e;
    nlohmann::json body;
    if (path == QLatin1String("/forceenter"))
        body = { { "pair", "BTC/USDT:USDT" },
            { "side", scenario == QLatin1String("bad-side") ? "up" : "long" } };
    call(client, body.is_null() ? "GET" : "POST", path, e, body);
    QVERIFY(e);
    QVERIFY2(e.message.contains(useful), qPrintable(e.message));
    QVERIFY2(e.message.contains(QLatin1String("***")), qPrintable(e.message));
    const QStringList secrets
        = QStringList { s.password, basicCredentials(s.username, s.password) } + fake.issuedTokens();
    const QStringList found = leakedSecrets(e.message, secrets);
    QVERIFY2(
        found.isEmpty(), qPrintable(QStringLiteral("%1 leaked in: %2").arg(found.join(u','), e.message)));
}

void TestFreqtradeGuards::repliesAreBounded_data()
{
    QTest::addColumn<int>("mode"); // LoopbackHttpServer::Mode
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("endless answer") << int(LoopbackHttpServer::Mode::Flood) << 600000
                                    << int(FreqtradeError::Kind::TooLarge)
                                    << "POST /token/login reply exceeded 64 MiB";
    QTest::newRow("a byte every 100 ms")
        << int(LoopbackHttpServer::Mode::Trickle) << 700 << int(FreqtradeError::Kind::Timeout)
        << "POST /token/login did not complete within 700 ms (freqtrade_timeout_ms)";
}

void TestFreqtradeGuards::repliesAreBounded()
{
    QFETCH(int, mode);
    QFETCH(int, timeoutMs);
    QFETCH(int, kind);
    QFETCH(QString, message);
    LoopbackHttpServer server({ LoopbackHttpServer::Mode(mode), 200, true, 100 });
    FreqtradeClient::Settings s;
    s.baseUrl = QUrl(server.url());
    s.username = QStringLiteral("freqtrader");
    s.password = QStringLiteral("irrelevant");
    s.timeoutMs = timeoutMs;
    FreqtradeClient client(s);
    const qint64 before = peakRss();
    FreqtradeError e;
    call(client, "GET", QStringLiteral("/status"), e);
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(
        e.message == QStringLiteral("FreqTrade at %1: %2").arg(server.url(), message), qPrintable(e.message));
    QVERIFY(e.unknownOutcome()); // an entry answered like this is looked up by tag, not resent
    // The endless answer was cut at the cap, not buffered until memory ran out.
    QVERIFY2(peakRss() - before < 4 * NetworkReplyGuard::kMaxReplyBytes,
        qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg((peakRss() - before) >> 20)));
}

QTEST_GUILESS_MAIN(TestFreqtradeGuards)
#include "tst_freqtradeguards.moc"
