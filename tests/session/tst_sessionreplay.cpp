// Replay-equals-backtest (issue 4): a file replayed through a paper Session at full speed, on
// its own engine thread, gives exactly -- bit for bit -- the trades and signals of the
// Backtester on the same data.
#include "broker/paperbroker.h"
#include "data/barfile.h"
#include "data/marketsimulator.h"
#include "engine/backtester.h"
#include "engine/backtestsink.h"
#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "sessiontesthelpers.h"
#include "types/configjson.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
class CollectSink : public BacktestSink
{
public:
    void onSignal(const SignalRecord& r) override { signalRecords.push_back(r); }
    void onTrade(const Trade& t) override { trades.push_back(t); }
    std::vector<SignalRecord> signalRecords;
    std::vector<Trade> trades;
};

using SourceMaker = std::function<std::unique_ptr<BarSource>()>;
} // namespace

Q_DECLARE_METATYPE(SourceMaker)

class TestSessionReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayEqualsBacktest_data();
    void replayEqualsBacktest();
};

void TestSessionReplay::replayEqualsBacktest_data()
{
    QTest::addColumn<SourceMaker>("source");
    QTest::addColumn<QByteArray>("configJson");
    const QString oct = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2025-10-01_2025-10-31.csv.gz");
    const QString q1 = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2024-01-01_2024-03-31.csv.gz");
    QTest::newRow("btc-2025-10 defaults")
        << SourceMaker([oct] { return openBarFile(oct); }) << QByteArray("{}");
    QTest::newRow("btc-2025-10 atr, fees, slippage")
        << SourceMaker([oct] { return openBarFile(oct); })
        << QByteArray(R"({"squeeze_keltner": "atr", "fee_rate": 0.0004, "slippage_bps": 1})");
    QTest::newRow("btc-2024-q1 cooldown, 3 positions")
        << SourceMaker([q1] { return openBarFile(q1); })
        << QByteArray(R"({"entry_cooldown_s": 600, "max_open_positions": 3, "slippage_bps": 2})");
    QTest::newRow("simulator 1 s bars") << SourceMaker([] {
        SimulatorConfig c;
        c.seed = 7;
        c.bars = 300000;
        return std::make_unique<MarketSimulator>(c);
    }) << QByteArray(R"({"fee_rate": 0.0002})");
}

void TestSessionReplay::replayEqualsBacktest()
{
    QFETCH(SourceMaker, source);
    QFETCH(QByteArray, configJson);
    const Config config
        = ConfigJson::apply(nlohmann::json::parse(configJson.toStdString()), QStringLiteral("test"));

    CollectSink backtest;
    QElapsedTimer timer;
    timer.start();
    auto src = source();
    Backtester(config).run(*src, backtest, timer);
    QVERIFY2(backtest.trades.size() > 10, "the data must trade, or the comparison proves nothing");

    QThread engine;
    test::RecordingRecorder recorder;
    auto* session = new Session(
        config, std::make_unique<PaperBroker>(config), new PacedFeed(source(), 0), Session::Options());
    session->setRecorder(&recorder);
    session->moveToThread(&engine);
    QSignalSpy finished(session, &Session::finished);
    engine.start();
    QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
    QVERIFY(finished.wait(120000));
    QCOMPARE(session->state(), SessionState::Finished);
    engine.quit();
    engine.wait();
    delete session;

    const auto trades = recorder.of(SessionEvent::Kind::Trade);
    QCOMPARE(trades.size(), backtest.trades.size());
    for (std::size_t i = 0; i < trades.size(); ++i) {
        const Trade& a = trades[i].trade;
        const Trade& b = backtest.trades[i];
        const QByteArray where = QByteArray("trade ") + QByteArray::number(qulonglong(i));
        QVERIFY2(a.entryMs == b.entryMs && a.exitMs == b.exitMs && a.side == b.side && a.reason == b.reason,
            where.constData());
        // Exactly equal: the same code computed them, in the same order.
        QVERIFY2(a.entryPrice == b.entryPrice && a.exitPrice == b.exitPrice && a.qty == b.qty
                && a.pnl == b.pnl && a.fees == b.fees && a.score == b.score,
            where.constData());
    }
    const auto sigs = recorder.of(SessionEvent::Kind::Signal);
    QCOMPARE(sigs.size(), backtest.signalRecords.size());
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        QCOMPARE(sigs[i].signal.signal.t, backtest.signalRecords[i].signal.t);
        QCOMPARE(sigs[i].signal.accepted, backtest.signalRecords[i].accepted);
        QCOMPARE(int(sigs[i].signal.reason), int(backtest.signalRecords[i].reason));
    }
    // Every trade's fills are there too, the exit carrying the cash the journal restores.
    QCOMPARE(recorder.of(SessionEvent::Kind::Fill).size(), 2 * trades.size());
}

QTEST_GUILESS_MAIN(TestSessionReplay)
#include "tst_sessionreplay.moc"
