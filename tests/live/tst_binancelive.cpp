// A paper session on Binance's live trade streams, against a loopback Binance written from the
// documented API (loopbackbinance.h), in every situation the exchange and the network can
// produce: a clean run, a connection dying in the middle of a second, serverShutdown, the
// 24-hour limit (handed over before it, or repaired after it), duplicated, lost and reordered
// messages, pings that must be answered, REST 429 with Retry-After, and several markets merged
// -- on one combined stream, and spot with the perpetual.
//
// For each, with history served by REST (warm-up) and the rest streamed in compressed time:
// - the session's bars equal, bar for bar and to the bit, the bars `veloce-cli backtest --data`
//   reads from the trades the loopback served (openBarFile is that reader);
// - the session's signals and trades equal the backtest's signals.csv and trades.csv (positions
//   still open when the session stops are the backtest's "end" trades);
// - the recording (the feed's own, as the GUI makes it) equals the served trades row for row.
#include "broker/paperbroker.h"
#include "clirunner.h"
#include "data/aggtraderecorder.h"
#include "data/barcsvwriter.h"
#include "data/barfile.h"
#include "engine/binancefeed.h"
#include "engine/session.h"
#include "loopbackbinance.h"
#include "report/resultwriter.h"
#include "sessiontesthelpers.h"
#include "tradedata.h"
#include "types/backtestsummary.h"
#include "types/configjson.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <mutex>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
const QString kSample
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz");
// Short windows, so that the 12 minutes of the real sample give signals and trades.
const QByteArray kConfig = R"({"squeeze_length": 10, "divergence_lookback": 20, "min_entry_score": 1.5,
    "position_size_by_score": {"0-3.9": 0.5}, "max_open_positions": 3, "fee_rate": 0.0004,
    "heartbeat_timeout_s": 600, "binance_warmup_s": 120})";

struct Served
{
    BinanceMarket market;
    std::vector<AggTrade> trades; // everything the loopback has
};

// The bars the backtest reads from a dump.
std::vector<Bar> fileBars(const QString& path)
{
    std::vector<Bar> out;
    auto src = openBarFile(path);
    Bar b;
    while (src->next(b))
        out.push_back(b);
    return out;
}

// The InfluxDB source's merge, written out independently: OHLC from the first market, volumes of
// every market summed, no bar for a second the first market did not trade.
std::vector<Bar> mergedBars(const std::vector<std::vector<Bar>>& markets)
{
    std::vector<Bar> out;
    for (const Bar& first : markets[0]) {
        Bar b = first;
        b.vbuy = 0;
        b.vsell = 0;
        for (const auto& bars : markets)
            for (const Bar& x : bars)
                if (x.t == first.t) {
                    b.vbuy += x.vbuy;
                    b.vsell += x.vsell;
                }
        out.push_back(b);
    }
    return out;
}

QString firstDifference(const std::vector<Bar>& got, const std::vector<Bar>& want)
{
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
        const Bar& a = got[i];
        const Bar& b = want[i];
        if (a.t != b.t || a.open != b.open || a.high != b.high || a.low != b.low || a.close != b.close
            || a.vbuy != b.vbuy || a.vsell != b.vsell)
            return QStringLiteral(
                "bar %1: got t=%2 o=%3 h=%4 l=%5 c=%6 vb=%7 vs=%8, want t=%9 o=%10 c=%11 vb=%12 vs=%13")
                .arg(i)
                .arg(a.t)
                .arg(a.open, 0, 'g', 17)
                .arg(a.high, 0, 'g', 17)
                .arg(a.low, 0, 'g', 17)
                .arg(a.close, 0, 'g', 17)
                .arg(a.vbuy, 0, 'g', 17)
                .arg(a.vsell, 0, 'g', 17)
                .arg(b.t)
                .arg(b.open, 0, 'g', 17)
                .arg(b.close, 0, 'g', 17)
                .arg(b.vbuy, 0, 'g', 17)
                .arg(b.vsell, 0, 'g', 17);
    }
    if (got.size() != want.size())
        return QStringLiteral("%1 bars, want %2 (last got %3, last want %4)")
            .arg(got.size())
            .arg(want.size())
            .arg(got.empty() ? 0 : got.back().t)
            .arg(want.empty() ? 0 : want.back().t);
    return {};
}

QStringList fileLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return { QStringLiteral("cannot read ") + path };
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace

class TestBinanceLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sessionEqualsBacktest_data();
    void sessionEqualsBacktest();

private:
    std::vector<AggTrade> m_sample;
};

void TestBinanceLive::initTestCase()
{
    m_sample = livetest::readAggTrades(kSample);
    QCOMPARE(m_sample.size(), std::size_t(5000));
}

void TestBinanceLive::sessionEqualsBacktest_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("data"); // "sample" (real trades) or "synthetic"
    QTest::addColumn<QString>("markets"); // --binance syntax
    QTest::newRow("clean run, spot, real trades") << "clean"
                                                  << "sample"
                                                  << "spot:btcusdt";
    QTest::newRow("clean run, futures, synthetic") << "clean"
                                                   << "synthetic"
                                                   << "futures:btcusdt";
    QTest::newRow("disconnect mid-second") << "disconnect"
                                           << "sample"
                                           << "futures:btcusdt";
    QTest::newRow("serverShutdown") << "shutdown"
                                    << "sample"
                                    << "spot:btcusdt";
    QTest::newRow("24-hour limit, handed over before") << "rollover"
                                                       << "synthetic"
                                                       << "spot:btcusdt";
    QTest::newRow("24-hour limit, repaired after") << "rollover-repair"
                                                   << "sample"
                                                   << "futures:btcusdt";
    QTest::newRow("duplicated, dropped and reordered messages") << "messages"
                                                                << "synthetic"
                                                                << "spot:btcusdt";
    QTest::newRow("pings that must be answered") << "pings"
                                                 << "sample"
                                                 << "spot:btcusdt";
    QTest::newRow("REST 429 with Retry-After") << "ratelimit"
                                               << "sample"
                                               << "futures:btcusdt";
    QTest::newRow("two markets, one combined stream") << "merged"
                                                      << "synthetic"
                                                      << "spot:btcusdt,spot:btcusdc";
    QTest::newRow("spot and perpetual merged") << "merged"
                                               << "synthetic"
                                               << "futures:btcusdt,spot:btcusdt";
}

void TestBinanceLive::sessionEqualsBacktest()
{
    QFETCH(QString, scenario);
    QFETCH(QString, data);
    QFETCH(QString, markets);
    QTemporaryDir dir;
    Config config = ConfigJson::apply(nlohmann::json::parse(kConfig.toStdString()), QStringLiteral("test"));
    const QList<BinanceMarket> list = BinanceVenues::parseMarkets(markets, BinanceVenue::Futures);

    // The market: real trades, or several thousand synthetic seconds (one series per market).
    LoopbackBinance server;
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    std::vector<Served> served;
    for (int i = 0; i < list.size(); ++i) {
        Served s;
        s.market = list[i];
        if (data == QLatin1String("sample") && i == 0)
            s.trades = m_sample;
        else
            s.trades = livetest::syntheticTrades(11 + quint64(i), 1800,
                m_sample.front().t - m_sample.front().t % 1000, 3'800'000'000LL + i * 1'000'000LL);
        server.addMarket(s.market.venue, s.market.symbol, s.trades);
        served.push_back(std::move(s));
    }
    const std::vector<AggTrade>& main = served[0].trades;
    // 300 s of history before the session starts (120 s of it warm the strategy up), the rest
    // streamed ~200 times faster than real time.
    const qint64 startMs = main.front().t - main.front().t % 1000 + 300'000;
    const qint64 spanMs = main.back().t - startMs;
    const double speed = double(spanMs) / 3000.0;
    const auto liveIds = [&](double fraction) {
        // A trade in the middle of a second (its successor shares it), `fraction` into the stream.
        auto it = std::lower_bound(main.begin(), main.end(), startMs + qint64(double(spanMs) * fraction),
            [](const AggTrade& t, qint64 ms) { return t.t < ms; });
        while (it + 1 != main.end() && (it + 1)->t / 1000 != it->t / 1000)
            ++it;
        return it->id;
    };

    BinanceLiveSource::Settings settings;
    settings.markets = list;
    settings.spotStreamUrl = QUrl(server.wsUrl().replace(QStringLiteral("{venue}"), QStringLiteral("spot")));
    settings.futuresStreamUrl
        = QUrl(server.wsUrl().replace(QStringLiteral("{venue}"), QStringLiteral("futures")));
    settings.spotRestUrl = QUrl(server.restUrl().replace(QStringLiteral("{venue}"), QStringLiteral("spot")));
    settings.futuresRestUrl
        = QUrl(server.restUrl().replace(QStringLiteral("{venue}"), QStringLiteral("futures")));
    BinanceLiveSource::Options& o = settings.options;
    o.warmupS = config.binanceWarmupS;
    o.graceMs = 1000;
    o.reorderWaitMs = 150;
    o.restLimit = 200; // several pages per warm-up and repair
    o.stream.reconnectBaseMs = 100;
    o.stream.reconnectMaxMs = 400;
    o.rest.retryBaseMs = 50;

    if (scenario == QLatin1String("disconnect")) {
        server.faults.disconnectAfter = { liveIds(0.3), liveIds(0.7) };
    } else if (scenario == QLatin1String("shutdown")) {
        server.faults.shutdownAfter = { liveIds(0.4) };
        server.faults.shutdownCloseMs = 400;
    } else if (scenario == QLatin1String("rollover")) {
        server.faults.maxConnectionAgeMs = 1400; // "24 hours"
        o.stream.lifetimeMs = 900; // we hand over before the mark
        o.stream.handoverMs = 300;
    } else if (scenario == QLatin1String("rollover-repair")) {
        server.faults.maxConnectionAgeMs = 900; // and we do not see it coming
    } else if (scenario == QLatin1String("messages")) {
        server.faults.dropEvery = 97;
        server.faults.duplicateEvery = 89;
        server.faults.reorderEvery = 83;
    } else if (scenario == QLatin1String("pings")) {
        server.faults.pingIntervalMs = 100;
        server.faults.pongTimeoutMs = 2000;
    } else if (scenario == QLatin1String("ratelimit")) {
        server.faults.fail429 = 2;
        server.faults.retryAfterS = 1;
    }
    server.startClock(startMs, speed, true);

    // The session, on its engine thread, with the recording started as the GUI starts it.
    auto* feed = new BinanceFeed(settings);
    std::mutex barsMutex;
    std::vector<Bar> bars;
    connect(
        feed, &LiveFeed::barReady, feed,
        [&](const Bar& b) {
            std::lock_guard lock(barsMutex);
            bars.push_back(b);
        },
        Qt::DirectConnection);
    config.mode = TradingMode::Paper;
    QThread engine;
    // Whatever happens below, the engine thread ends before it goes out of scope.
    const auto joinEngine = qScopeGuard([&engine] {
        engine.quit();
        engine.wait();
    });
    test::RecordingRecorder events;
    auto* session = new Session(config, std::make_unique<PaperBroker>(config), feed, Session::Options());
    session->setRecorder(&events);
    session->moveToThread(&engine);
    // Its sockets and timers live on the engine thread: they are deleted there too.
    connect(&engine, &QThread::finished, session, &QObject::deleteLater);
    QSignalSpy finished(session, &Session::finished);
    QSignalSpy recording(session, &Session::recordingChanged);
    engine.start();
    const QString recordPath = dir.filePath(QStringLiteral("recorded.csv.gz"));
    QMetaObject::invokeMethod(session, "start", Qt::QueuedConnection);
    QMetaObject::invokeMethod(feed, "startRecording", Qt::QueuedConnection, Q_ARG(QString, recordPath));

    // What the session must end up with: every trade from the warm-up start on.
    QTRY_VERIFY_WITH_TIMEOUT(server.firstServerTime() >= 0, 30000);
    QCOMPARE(server.firstServerTime(), startMs); // the clock waits for the warm-up to begin
    const qint64 warmStart = startMs - qint64(config.binanceWarmupS) * 1000;
    std::vector<std::vector<Bar>> marketBars;
    QStringList dumps;
    for (std::size_t i = 0; i < served.size(); ++i) {
        const bool spot = served[i].market.venue == BinanceVenue::Spot;
        const QString dump = dir.filePath(QStringLiteral("served-%1.csv").arg(i));
        QVERIFY(livetest::writeDump(
            dump, server.tradesFrom(served[i].market.venue, served[i].market.symbol, warmStart), spot));
        dumps << dump;
        marketBars.push_back(fileBars(dump));
    }
    const std::vector<Bar> want = served.size() == 1 ? marketBars[0] : mergedBars(marketBars);
    QVERIFY(want.size() > 300);

    QTRY_VERIFY_WITH_TIMEOUT(server.allReleased(), 60000);
    const auto caughtUp = [&] {
        std::lock_guard lock(barsMutex);
        return !bars.empty() && bars.back().t >= want.back().t;
    };
    QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 60000);
    // Still running: a feed that failed (and took the session down) says why here.
    QVERIFY2(session->state() == SessionState::Running, qPrintable(session->snapshot()->lastAlert));
    QMetaObject::invokeMethod(session, "stop", Qt::QueuedConnection, Q_ARG(QString, QStringLiteral("test")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000); // emitted on the engine thread, maybe already
    const SessionSnapshotPtr snap = session->snapshot();
    engine.quit();
    engine.wait();

    // 1. Bars: bar for bar, to the bit.
    {
        std::lock_guard lock(barsMutex);
        const QString diff = firstDifference(bars, want);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // 2. Signals and trades: those of `veloce-cli backtest --data` on the same market.
    QString backtestData = dumps[0];
    if (served.size() > 1) {
        backtestData = dir.filePath(QStringLiteral("merged.csv"));
        BarCsvWriter w(backtestData);
        for (const Bar& b : want)
            w.write(b);
        w.close();
    }
    const QString configPath = dir.filePath(QStringLiteral("config.json"));
    {
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kConfig);
    }
    const CliRun bt = runCli(
        { QStringLiteral("backtest"), QStringLiteral("--data"), backtestData, QStringLiteral("--config"),
            configPath, QStringLiteral("--out"), dir.filePath(QStringLiteral("bt")) });
    QVERIFY2(bt.exitCode == 0, qPrintable(bt.err));
    {
        ResultWriter live(dir.filePath(QStringLiteral("live")), false);
        for (const SessionEvent& e : events.of(SessionEvent::Kind::Signal))
            live.onSignal(e.signal);
        for (const SessionEvent& e : events.of(SessionEvent::Kind::Trade))
            live.onTrade(e.trade);
        live.finish(BacktestSummary(), ReportData());
    }
    const QStringList wantSignals = fileLines(dir.filePath(QStringLiteral("bt/signals.csv")));
    QVERIFY2(wantSignals.size() > 3, "the market must give signals, or the comparison proves nothing");
    QCOMPARE(fileLines(dir.filePath(QStringLiteral("live/signals.csv"))), wantSignals);
    QStringList wantTrades;
    int endTrades = 0;
    for (const QString& row : fileLines(dir.filePath(QStringLiteral("bt/trades.csv")))) {
        if (row.contains(QLatin1String(",end,")))
            ++endTrades;
        else
            wantTrades << row;
    }
    QVERIFY2(wantTrades.size() > 1, "the market must trade, or the comparison proves nothing");
    QCOMPARE(fileLines(dir.filePath(QStringLiteral("live/trades.csv"))), wantTrades);
    QCOMPARE(int(snap->positions.size()), endTrades);

    // 3. The recording: the served trades, row for row.
    QTRY_VERIFY_WITH_TIMEOUT(recording.size() >= 2, 10000); // started, then closed by stop()
    QCOMPARE(recording.last().at(0).toBool(), false);
    for (std::size_t i = 0; i < served.size(); ++i) {
        const QString path = AggTradeRecorder::pathFor(recordPath, list, int(i));
        QCOMPARE(livetest::readLines(path), livetest::readLines(dumps[int(i)]));
    }

    // 4. What the scenario was about happened, and the session says so.
    const FeedHealth& h = snap->feed;
    QCOMPARE(h.lateTrades, qint64(0));
    QCOMPARE(server.answered(418), 0); // never banned
    if (scenario == QLatin1String("clean") || scenario == QLatin1String("merged")) {
        QCOMPARE(server.connectionsOpened(), served.size() == 1 || list[0].venue == list[1].venue ? 1 : 2);
        QCOMPARE(h.reconnects, qint64(0));
        QCOMPARE(h.gapsRepaired, qint64(0));
    } else if (scenario == QLatin1String("disconnect")) {
        QVERIFY(h.reconnects >= 2);
        QVERIFY(h.gapsRepaired >= 2);
        QVERIFY(h.tradesRepaired > 0);
    } else if (scenario == QLatin1String("shutdown")) {
        QCOMPARE(server.shutdownsSent(), 1);
        QCOMPARE(h.handovers, qint64(1));
        QCOMPARE(server.connectionsOpened(), 2);
    } else if (scenario == QLatin1String("rollover")) {
        QVERIFY2(h.handovers >= 2, qPrintable(QString::number(h.handovers)));
        QCOMPARE(h.reconnects, qint64(0)); // never cut off: always handed over in time
    } else if (scenario == QLatin1String("rollover-repair")) {
        QVERIFY(h.reconnects >= 2);
        QVERIFY(h.gapsRepaired >= 1);
    } else if (scenario == QLatin1String("messages")) {
        QVERIFY(h.duplicates > 0);
        QVERIFY(h.gapsRepaired > 0);
        QVERIFY(h.tradesRepaired > 0);
    } else if (scenario == QLatin1String("pings")) {
        QVERIFY2(server.pingsSent() >= 10, qPrintable(QString::number(server.pingsSent())));
        QVERIFY(server.pongsMatched() >= server.pingsSent() - 1); // the last may be under way
        QCOMPARE(server.pongFailures(), 0);
        QCOMPARE(server.connectionsOpened(), 1);
    } else if (scenario == QLatin1String("ratelimit")) {
        QCOMPARE(server.answered(429), 2);
        QCOMPARE(h.rateLimited, qint64(2));
    }
}

QTEST_GUILESS_MAIN(TestBinanceLive)
#include "tst_binancelive.moc"
