// The pure pieces of the Binance live source, without a network: Binance's JSON, the id
// sequencer (duplicates, reordering, gaps), the bar builder (finality, late trades, merging two
// markets), the request-weight budget, the reconnect back-off, the dump writer, market lists and
// the binance_* config keys.
#include "data/aggtradecsvwriter.h"
#include "data/aggtradejson.h"
#include "data/aggtradesequencer.h"
#include "data/aggtradewalk.h"
#include "data/barfile.h"
#include "data/binancevenue.h"
#include "data/dataerror.h"
#include "data/klineaggregator.h"
#include "data/livebarbuilder.h"
#include "data/reconnectbackoff.h"
#include "data/requestweightbudget.h"
#include "tradedata.h"
#include "types/configjson.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
AggTrade trade(qint64 id, qint64 t, const char* price = "100.5", const char* qty = "0.25", bool maker = false)
{
    AggTrade a;
    a.id = id;
    a.firstId = id * 2;
    a.lastId = id * 2 + 1;
    a.t = t;
    a.buyerMaker = maker;
    livetest::setTexts(a, QString::fromLatin1(price), QString::fromLatin1(qty));
    return a;
}

QString ids(const std::vector<AggTrade>& trades)
{
    QStringList out;
    for (const AggTrade& t : trades)
        out << QString::number(t.id);
    return out.join(QLatin1Char(' '));
}

bool sameBar(const Bar& a, const Bar& b)
{
    return a.t == b.t && a.open == b.open && a.high == b.high && a.low == b.low && a.close == b.close
        && a.vbuy == b.vbuy && a.vsell == b.vsell;
}
} // namespace

class TestBinanceUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamMessages_data();
    void streamMessages();
    void malformedMessages_data();
    void malformedMessages();
    void restReplies();
    void sequencer_data();
    void sequencer();
    void sequencerHoldIsBounded();
    void walkWarmUpLongerThanAnHour();
    void walkNothingTraded();
    void walkRepairs();
    void builderEqualsFileAggregation();
    void builderFinality();
    void builderMergesMarkets();
    void weightBudget();
    void backoff();
    void dumpWriter_data();
    void dumpWriter();
    void markets_data();
    void markets();
    void configKeys_data();
    void configKeys();
};

void TestBinanceUnits::streamMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<qint64>("eventMs");
    QTest::newRow("combined spot") << QByteArray(
        R"({"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1672515782136,"s":"BTCUSDT",)"
        R"("a":12345,"p":"0.001","q":"100","f":100,"l":105,"T":1672515782136,"m":true,"M":true}})")
                                   << int(AggTradeJson::Kind::Trade) << qint64(12345)
                                   << qint64(1672515782136);
    QTest::newRow("raw futures (no M)")
        << QByteArray(R"({"e":"aggTrade","E":123456789,"s":"BTCUSDT","a":5933014,"p":"0.001","q":"100",)"
                      R"("f":100,"l":105,"T":123456785,"m":true})")
        << int(AggTradeJson::Kind::Trade) << qint64(5933014) << qint64(123456789);
    QTest::newRow("serverShutdown, combined")
        << QByteArray(R"({"stream":"!serverShutdown","data":{"e":"serverShutdown","E":1770123456789}})")
        << int(AggTradeJson::Kind::ServerShutdown) << qint64(0) << qint64(1770123456789);
    QTest::newRow("serverShutdown, raw")
        << QByteArray(R"({"e":"serverShutdown","E":1770123456789})")
        << int(AggTradeJson::Kind::ServerShutdown) << qint64(0) << qint64(1770123456789);
    QTest::newRow("subscription reply") << QByteArray(R"({"result":null,"id":1})")
                                        << int(AggTradeJson::Kind::Other) << qint64(0) << qint64(0);
    QTest::newRow("another event") << QByteArray(R"({"e":"kline","E":1,"s":"BTCUSDT","k":{}})")
                                   << int(AggTradeJson::Kind::Other) << qint64(0) << qint64(1);
}

void TestBinanceUnits::streamMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QFETCH(qint64, id);
    QFETCH(qint64, eventMs);
    const auto m
        = AggTradeJson::parseStreamMessage(std::string_view(text.constData(), std::size_t(text.size())));
    QCOMPARE(int(m.kind), kind);
    QCOMPARE(m.eventMs, eventMs);
    if (m.kind != AggTradeJson::Kind::Trade)
        return;
    QCOMPARE(m.trade.id, id);
    QCOMPARE(m.symbol, std::string("BTCUSDT"));
    QCOMPARE(m.trade.price, 0.001);
    QCOMPARE(m.trade.qty, 100.0);
    QCOMPARE(m.trade.tick().count, qint64(6)); // trades 100..105
    QVERIFY(m.trade.buyerMaker);
    QCOMPARE(
        QByteArray(m.trade.priceText.view().data(), qsizetype(m.trade.priceText.size)), QByteArray("0.001"));
}

void TestBinanceUnits::malformedMessages_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("{\"e\":") << QStringLiteral("not JSON");
    QTest::newRow("price not a string")
        << QByteArray(R"({"e":"aggTrade","E":1,"s":"X","a":1,"p":1.5,"q":"1","f":1,"l":1,"T":1,"m":true})")
        << QStringLiteral("\"p\"");
    QTest::newRow("price not a number")
        << QByteArray(R"({"e":"aggTrade","E":1,"s":"X","a":1,"p":"1.5x","q":"1","f":1,"l":1,"T":1,"m":true})")
        << QStringLiteral("\"p\"");
    QTest::newRow("id missing") << QByteArray(
        R"({"e":"aggTrade","E":1,"s":"X","p":"1","q":"1","f":1,"l":1,"T":1,"m":true})")
                                << QStringLiteral("\"a\"");
    QTest::newRow("last below first")
        << QByteArray(R"({"e":"aggTrade","E":1,"s":"X","a":1,"p":"1","q":"1","f":5,"l":4,"T":1,"m":true})")
        << QStringLiteral("impossible");
}

void TestBinanceUnits::malformedMessages()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    try {
        AggTradeJson::parseStreamMessage(std::string_view(text.constData(), std::size_t(text.size())));
        QFAIL("no error");
    } catch (const DataError& e) {
        QVERIFY2(e.message().contains(says), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("malformed")), qPrintable(e.message()));
    }
}

void TestBinanceUnits::restReplies()
{
    std::vector<AggTrade> page;
    AggTradeJson::parseRestPage(R"([{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,)"
                                R"("T":1498793709153,"m":true,"M":true},{"a":26130,"p":"0.01633103","q":"1",)"
                                R"("f":27782,"l":27784,"T":1498793709154,"m":false}])",
        page);
    QCOMPARE(ids(page), QStringLiteral("26129 26130"));
    QCOMPARE(page[1].tick().count, qint64(3));
    QVERIFY(!page[1].buyerMaker);
    QCOMPARE(AggTradeJson::parseServerTime(R"({"serverTime":1499827319559})"), qint64(1499827319559));
    QCOMPARE(AggTradeJson::errorText(R"({"code":-1121,"msg":"Invalid symbol."})"),
        QStringLiteral("Invalid symbol. (code -1121)"));
    QCOMPARE(AggTradeJson::errorText("<html>"), QString());
    QVERIFY_THROWS_EXCEPTION(DataError, AggTradeJson::parseRestPage(R"({"code":-1})", page));
}

void TestBinanceUnits::sequencer_data()
{
    // Offers (ids; "s<n>" = start at n, "k<n>" = skipTo n) and what must come out.
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<qint64>("duplicates");
    QTest::addColumn<bool>("gap");
    QTest::newRow("in order") << "s1 1 2 3 4"
                              << "1 2 3 4" << qint64(0) << false;
    QTest::newRow("duplicates") << "s1 1 2 2 1 3 3"
                                << "1 2 3" << qint64(3) << false;
    QTest::newRow("reordered") << "s1 1 3 2 5 4"
                               << "1 2 3 4 5" << qint64(0) << false;
    QTest::newRow("gap stays open") << "s1 1 2 4 5"
                                    << "1 2" << qint64(0) << true;
    QTest::newRow("gap filled later (REST)") << "s1 1 2 4 5 3"
                                             << "1 2 3 4 5" << qint64(0) << false;
    QTest::newRow("gap declared empty") << "s1 1 2 4 5 k4"
                                        << "1 2 4 5" << qint64(0) << false;
    QTest::newRow("held before start") << "7 8 5 s5 6"
                                       << "5 6 7 8" << qint64(0) << false;
    QTest::newRow("start drops older held") << "3 4 5 s5 6"
                                            << "5 6" << qint64(2) << false;
    QTest::newRow("held duplicate") << "s2 3 3 2"
                                    << "2 3" << qint64(1) << false;
    QTest::newRow("gap before held ones") << "s1 3 2"
                                          << "" << qint64(0) << true;
}

void TestBinanceUnits::sequencer()
{
    QFETCH(QString, script);
    QFETCH(QString, delivered);
    QFETCH(qint64, duplicates);
    QFETCH(bool, gap);
    std::vector<AggTrade> out;
    AggTradeSequencer seq(100, [&](const AggTrade& t) { out.push_back(t); });
    for (const QString& step : script.split(QLatin1Char(' '))) {
        if (step.startsWith(QLatin1Char('s')))
            seq.start(step.mid(1).toLongLong());
        else if (step.startsWith(QLatin1Char('k')))
            seq.skipTo(step.mid(1).toLongLong());
        else
            seq.offer(trade(step.toLongLong(), 1000));
    }
    QCOMPARE(ids(out), delivered);
    QCOMPARE(seq.duplicates(), duplicates);
    QCOMPARE(seq.hasGap(), gap);
    if (!gap)
        QCOMPARE(seq.heldCount(), std::size_t(0));
}

void TestBinanceUnits::sequencerHoldIsBounded()
{
    std::vector<AggTrade> out;
    AggTradeSequencer seq(3, [&](const AggTrade& t) { out.push_back(t); });
    seq.start(1);
    for (qint64 id : { 5, 4, 3, 6, 2 }) // 6 does not fit; 2 is kept (needed first), 5 goes
        seq.offer(trade(id, 1000));
    QCOMPARE(seq.heldCount(), std::size_t(3));
    QCOMPARE(seq.deferred(), qint64(2));
    QCOMPARE(seq.firstHeld(), qint64(2));
    seq.offer(trade(1, 1000));
    QCOMPARE(ids(out), QStringLiteral("1 2 3 4")); // 5 and 6 come again from REST
    QVERIFY(!seq.hasGap());
}

namespace {
// A walk with its requests captured, answered by hand.
struct WalkRig
{
    std::vector<AggTrade> delivered;
    AggTradeSequencer seq { 100, [this](const AggTrade& t) { delivered.push_back(t); } };
    std::vector<BinanceRestRequest> sent;
    AggTradeWalk walk;
    explicit WalkRig(int warmupS)
        : walk(0, QStringLiteral("BTCUSDT"), seq, AggTradeWalk::Options { warmupS, 3, 100 },
            [this](const BinanceRestRequest& r) { sent.push_back(r); })
    {
    }
    AggTradeWalk::Outcome answer(std::vector<AggTrade> trades, qint64 nowMs)
    {
        BinanceRestReply r;
        r.request = sent.back();
        r.ok = true;
        r.trades = std::move(trades);
        return walk.onPage(r, nowMs, nowMs);
    }
};
} // namespace

void TestBinanceUnits::walkWarmUpLongerThanAnHour()
{
    const qint64 now = 10 * 3600'000 + 500;
    WalkRig rig(7200);
    rig.walk.begin(now);
    // Two hours back, by windows of an hour minus a millisecond: the first is empty.
    QCOMPARE(rig.sent.back().startTime, qint64(8 * 3600'000));
    QCOMPARE(rig.sent.back().endTime, qint64(9 * 3600'000 - 1));
    QCOMPARE(int(rig.answer({}, now)), int(AggTradeWalk::Outcome::Continue));
    QCOMPARE(rig.sent.back().startTime, qint64(9 * 3600'000));
    // The second window has trades (a short page) -- but it ends before now: on by id.
    QCOMPARE(int(rig.answer({ trade(50, 9 * 3600'000 + 10), trade(51, 9 * 3600'000 + 20) }, now)),
        int(AggTradeWalk::Outcome::Continue));
    QCOMPARE(rig.sent.back().fromId, qint64(52));
    QCOMPARE(rig.sent.back().startTime, qint64(-1));
    QCOMPARE(int(rig.answer({ trade(52, now - 100), trade(53, now - 50), trade(54, now - 10) }, now)),
        int(AggTradeWalk::Outcome::Continue)); // a full page (limit 3): more may follow
    QCOMPARE(rig.sent.back().fromId, qint64(55));
    QCOMPARE(int(rig.answer({}, now)), int(AggTradeWalk::Outcome::Finished));
    QVERIFY(rig.walk.warm());
    QCOMPARE(ids(rig.delivered), QStringLiteral("50 51 52 53 54"));
    QCOMPARE(rig.walk.warmupTrades(), qint64(5));
    QCOMPARE(rig.walk.gapsRepaired(), qint64(0));
}

void TestBinanceUnits::walkNothingTraded()
{
    const qint64 now = 10 * 3600'000;
    WalkRig rig(300);
    rig.seq.offer(trade(900, now + 100)); // the stream's first trade, waiting
    rig.walk.begin(now);
    QCOMPARE(int(rig.answer({}, now)), int(AggTradeWalk::Outcome::Finished));
    QVERIFY(rig.walk.startsFromStream());
    QCOMPARE(ids(rig.delivered), QStringLiteral("900"));
}

void TestBinanceUnits::walkRepairs()
{
    const qint64 now = 10 * 3600'000;
    WalkRig rig(60);
    rig.walk.begin(now);
    rig.answer({ trade(10, now - 5000) }, now);
    rig.answer({}, now);
    QVERIFY(rig.walk.warm());
    // The stream lost trades 11..13 and delivers 14: a gap. REST is behind the stream at first.
    rig.seq.offer(trade(14, now + 10));
    rig.walk.want();
    rig.walk.begin(now);
    QCOMPARE(rig.sent.back().fromId, qint64(11));
    QCOMPARE(int(rig.answer({}, now)), int(AggTradeWalk::Outcome::Continue)); // gap still open: later
    const std::size_t asked = rig.sent.size();
    rig.walk.retryIfDue(now + 50);
    QCOMPARE(rig.sent.size(), asked); // not yet
    rig.walk.retryIfDue(now + 100);
    QCOMPARE(rig.sent.size(), asked + 1);
    QCOMPARE(rig.sent.back().fromId, qint64(11));
    // Id 11 does not exist (REST starts at 12); 12 and 13 come, 14 follows from the hold.
    QCOMPARE(
        int(rig.answer({ trade(12, now), trade(13, now + 5) }, now)), int(AggTradeWalk::Outcome::Finished));
    QCOMPARE(ids(rig.delivered), QStringLiteral("10 12 13 14"));
    QCOMPARE(rig.walk.repairedTrades(), qint64(2));
    QCOMPARE(rig.walk.gapsRepaired(), qint64(1));
    // A check that finds nothing missing is not a repaired gap.
    rig.walk.want();
    rig.walk.begin(now);
    QCOMPARE(int(rig.answer({}, now)), int(AggTradeWalk::Outcome::Finished));
    QCOMPARE(rig.walk.gapsRepaired(), qint64(1));
}

void TestBinanceUnits::builderEqualsFileAggregation()
{
    // The real sample through the live builder (trade by trade, then one final flush) and
    // through the aggTrades file reader: the same bars, to the bit.
    const QString sample
        = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz");
    const std::vector<AggTrade> trades = livetest::readAggTrades(sample);
    QCOMPARE(trades.size(), std::size_t(5000));
    LiveBarBuilder builder(1);
    std::vector<Bar> live;
    Bar b;
    for (const AggTrade& t : trades) {
        QVERIFY(builder.addTrade(0, t.tick()));
        while (builder.nextBar(b))
            live.push_back(b);
    }
    builder.finalizeBefore(0, trades.back().t + 1000);
    while (builder.nextBar(b))
        live.push_back(b);
    auto file = openBarFile(sample, FileFormat::AggTrades);
    std::vector<Bar> fromFile;
    while (file->next(b))
        fromFile.push_back(b);
    QCOMPARE(live.size(), fromFile.size());
    for (std::size_t i = 0; i < live.size(); ++i)
        QVERIFY2(sameBar(live[i], fromFile[i]), qPrintable(QStringLiteral("bar %1").arg(i)));
}

void TestBinanceUnits::builderFinality()
{
    LiveBarBuilder builder(1);
    Bar b;
    QVERIFY(builder.addTrade(0, trade(1, 10'100).tick()));
    QVERIFY(builder.addTrade(0, trade(2, 10'900).tick()));
    QVERIFY(!builder.nextBar(b)); // second 10 still open: no later trade, no grace yet
    builder.finalizeBefore(0, 10'999);
    QVERIFY(!builder.nextBar(b)); // not before the second's end
    builder.finalizeBefore(0, 11'000);
    QVERIFY(builder.nextBar(b));
    QCOMPARE(b.t, qint64(10'000));
    QVERIFY(!builder.nextBar(b)); // once
    QVERIFY(!builder.addTrade(0, trade(3, 10'950).tick())); // late: its second is final
    QCOMPARE(builder.lateTrades(), qint64(1));
    QVERIFY(builder.addTrade(0, trade(4, 12'100).tick()));
    QVERIFY(builder.addTrade(0, trade(5, 14'100).tick())); // a later second closes 12 at once
    QVERIFY(builder.nextBar(b));
    QCOMPARE(b.t, qint64(12'000));
    QVERIFY(!builder.nextBar(b));
}

void TestBinanceUnits::builderMergesMarkets()
{
    // Second 1: both markets trade; second 2: only market 1 (no bar: market 0 gives the price);
    // second 3: only market 0. Market 1 lags: nothing is final before it catches up.
    LiveBarBuilder builder(2);
    Bar b;
    builder.addTrade(0, trade(1, 1'100, "10", "1").tick());
    builder.addTrade(0, trade(2, 1'200, "12", "2", true).tick());
    builder.addTrade(0, trade(3, 3'500, "11", "1").tick());
    QVERIFY(!builder.nextBar(b));
    builder.addTrade(1, trade(1, 1'300, "99", "5").tick());
    builder.addTrade(1, trade(2, 1'400, "98", "7", true).tick());
    builder.addTrade(1, trade(3, 2'500, "97", "3").tick());
    QVERIFY(builder.nextBar(b)); // market 1 reached second 2: second 1 is final everywhere
    QCOMPARE(b.t, qint64(1'000));
    QCOMPARE(b.open, 10.0);
    QCOMPARE(b.high, 12.0);
    QCOMPARE(b.close, 12.0);
    QCOMPARE(b.vbuy, 1.0 + 5.0);
    QCOMPARE(b.vsell, 2.0 + 7.0);
    QVERIFY(!builder.nextBar(b)); // market 1's second 2 is still open
    builder.finalizeBefore(1, 4'000);
    QVERIFY(!builder.nextBar(b)); // second 2: no price from market 0; second 3 open in market 0
    QCOMPARE(builder.skippedNoPrice(), qint64(1));
    builder.finalizeBefore(0, 4'000);
    QVERIFY(builder.nextBar(b));
    QCOMPARE(b.t, qint64(3'000));
    QCOMPARE(b.vbuy, 1.0);
}

void TestBinanceUnits::weightBudget()
{
    RequestWeightBudget budget(100, 0.5); // 50 per minute for us
    QCOMPARE(budget.allowance(), 50);
    qint64 t = 1'000'000;
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(budget.waitMs(20, t), qint64(0));
        budget.spend(20, t);
        t += 1000;
    }
    QCOMPARE(budget.spent(t), 40);
    // A third 20 would make 60 > 50: wait until the first spending has left the minute.
    QCOMPARE(budget.waitMs(20, t), qint64(1'000'000 + 60'000 + 1 - t));
    QCOMPARE(budget.waitMs(10, t), qint64(0));
    t = 1'000'000 + 60'001;
    QCOMPARE(budget.waitMs(20, t), qint64(0));
    // Retry-After holds everything back, whatever the budget.
    budget.pauseUntil(t + 5000);
    QCOMPARE(budget.waitMs(1, t), qint64(5000));
    // The server counts more than we did (other programs on the IP): its minute decides.
    RequestWeightBudget shared(100, 0.5);
    shared.observeServerUsage(45, 120'500);
    QVERIFY(shared.waitMs(10, 120'500) > 0);
    QCOMPARE(shared.waitMs(10, 120'500), qint64(180'000 + 1000 - 120'500));
    QCOMPARE(shared.waitMs(5, 120'500), qint64(0));
}

void TestBinanceUnits::backoff()
{
    ReconnectBackoff b(100, 1000);
    int previousMax = 0;
    for (int i = 0; i < 8; ++i) {
        const int full = std::min(1000, 100 << i);
        const int d = b.nextDelayMs();
        QVERIFY2(d >= full / 2 && d <= full, qPrintable(QStringLiteral("attempt %1: %2 ms").arg(i).arg(d)));
        previousMax = full;
    }
    QCOMPARE(previousMax, 1000); // capped
    b.reset();
    QVERIFY(b.nextDelayMs() <= 100);
}

void TestBinanceUnits::dumpWriter_data()
{
    QTest::addColumn<bool>("spot");
    QTest::addColumn<QString>("name");
    QTest::newRow("spot, plain") << true << QStringLiteral("rec.csv");
    QTest::newRow("futures, gzip") << false << QStringLiteral("rec.csv.gz");
}

void TestBinanceUnits::dumpWriter()
{
    QFETCH(bool, spot);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    const std::vector<AggTrade> trades = livetest::syntheticTrades(3, 120, 1'767'225'600'000, 1000);
    {
        AggTradeCsvWriter w(path, spot);
        for (const AggTrade& t : trades) {
            w.write(t);
            if (t.id % 100 == 0)
                w.sync();
        }
        w.close();
    }
    const QStringList lines = livetest::readLines(path);
    QCOMPARE(lines.size(), qsizetype(trades.size()) + (spot ? 0 : 1));
    const AggTrade& first = trades.front();
    QCOMPARE(lines[spot ? 0 : 1],
        QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                .arg(first.id)
                .arg(QString::fromStdString(std::string(first.priceText.view())),
                    QString::fromStdString(std::string(first.qtyText.view())))
                .arg(first.firstId)
                .arg(first.lastId)
                .arg(first.t)
                .arg(spot ? QStringLiteral("False") : QStringLiteral("false"))
            + (spot ? QStringLiteral(",True") : QString()));
    if (!spot)
        QVERIFY(lines[0].startsWith(QLatin1String("agg_trade_id,price,quantity")));
    // Detected as aggTrades and read back into the bars of the same trades.
    QCOMPARE(detectFileFormat(path), FileFormat::AggTrades);
    auto file = openBarFile(path);
    LiveBarBuilder builder(1);
    for (const AggTrade& t : trades)
        builder.addTrade(0, t.tick());
    builder.finalizeBefore(0, trades.back().t + 1000);
    Bar a, b;
    int n = 0;
    while (builder.nextBar(a)) {
        QVERIFY(file->next(b));
        QVERIFY2(sameBar(a, b), qPrintable(QStringLiteral("bar %1").arg(n)));
        ++n;
    }
    QVERIFY(!file->next(b));
    QVERIFY(n > 100);
}

void TestBinanceUnits::markets_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("parsed"); // labels, or the error's start
    QTest::newRow("one, default venue") << "btcusdt"
                                        << "futures:BTCUSDT";
    QTest::newRow("spot and perpetual") << "btcusdt, spot:btcusdt"
                                        << "futures:BTCUSDT spot:BTCUSDT";
    QTest::newRow("venue in capitals") << "SPOT:ethusdt"
                                       << "spot:ETHUSDT";
    QTest::newRow("unknown venue") << "margin:btcusdt"
                                   << "error: unknown venue";
    QTest::newRow("empty entry") << "btcusdt,"
                                 << "error: a symbol is";
    QTest::newRow("bad symbol") << "btc-usdt"
                                << "error: a symbol is";
    QTest::newRow("twice") << "btcusdt,futures:BTCUSDT"
                           << "error: Binance market \"futures:BTCUSDT\" is listed twice";
}

void TestBinanceUnits::markets()
{
    QFETCH(QString, list);
    QFETCH(QString, parsed);
    try {
        QStringList labels;
        for (const BinanceMarket& m : BinanceVenues::parseMarkets(list, BinanceVenue::Futures))
            labels << m.label();
        QCOMPARE(labels.join(QLatin1Char(' ')), parsed);
    } catch (const DataError& e) {
        QVERIFY2(parsed.startsWith(QLatin1String("error: ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(parsed.mid(7)), qPrintable(e.message()));
    }
    const QList<BinanceMarket> two
        = BinanceVenues::parseMarkets(QStringLiteral("btcusdt,btcusdc"), BinanceVenue::Spot);
    QCOMPARE(BinanceVenues::streamUrl(QUrl(QStringLiteral("wss://stream.binance.com:9443")), two).toString(),
        QStringLiteral("wss://stream.binance.com:9443/stream?streams=btcusdt@aggTrade/btcusdc@aggTrade"));
}

void TestBinanceUnits::configKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("defaults") << QByteArray("{}") << QString();
    QTest::newRow("spot, proxy") << QByteArray(
        R"({"binance_venue":"spot","binance_ws_url":"wss://proxy:9443",)"
        R"("binance_rest_url":"https://proxy/{venue}","binance_warmup_s":0})")
                                 << QString();
    QTest::newRow("venue") << QByteArray(R"({"binance_venue":"margin"})") << QStringLiteral("binance_venue");
    QTest::newRow("ws scheme") << QByteArray(R"({"binance_ws_url":"http://x"})")
                               << QStringLiteral("ws:// or wss://");
    QTest::newRow("rest scheme") << QByteArray(R"({"binance_rest_url":"ws://x"})")
                                 << QStringLiteral("http:// or https://");
    QTest::newRow("warm-up range") << QByteArray(R"({"binance_warmup_s":-1})")
                                   << QStringLiteral("binance_warmup_s");
}

void TestBinanceUnits::configKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    try {
        const Config c
            = ConfigJson::apply(nlohmann::json::parse(json.toStdString()), QStringLiteral("cfg.json"));
        QVERIFY2(error.isEmpty(), "accepted");
        if (json == "{}") {
            QCOMPARE(c.binanceVenue, QStringLiteral("futures"));
            QCOMPARE(c.binanceWarmupS, 300);
            QVERIFY(c.binanceWsUrl.isEmpty() && c.binanceRestUrl.isEmpty());
        }
        // Round trip through the JSON the journal and the settings store.
        const Config back = ConfigJson::apply(ConfigJson::toJson(c, false), QStringLiteral("again"));
        QCOMPARE(back.binanceRestUrl, c.binanceRestUrl);
        QCOMPARE(back.binanceVenue, c.binanceVenue);
    } catch (const ConfigError& e) {
        QVERIFY2(!error.isEmpty(), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(error), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("cfg.json")), e.what());
    }
}

QTEST_GUILESS_MAIN(TestBinanceUnits)
#include "tst_binanceunits.moc"
