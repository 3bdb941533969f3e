// binance-bench: latency of a paper session on Binance's live streams, from the moment a trade
// message is received to the bar it makes final, to the signal and the paper fill -- through the
// real composition (SessionHost: feed, engine thread, paper broker, journal), fed by the loopback
// Binance in this process with synthetic trades (4 per second, the simulator's market) in
// compressed time. Prints JSON. Use a release build; the figures are the process's own work, not
// the network's (loopback). Options: --seconds N (default 30000), --speed X (default 1000).
#include "engine/latencyprobe.h"
#include "loopbackbinance.h"
#include "quantile.h"
#include "sessionhost.h"
#include "tradedata.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
double us(const std::vector<std::int64_t>& ns, double q)
{
    return double(quantile(ns, q)) / 1000.0;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({ { QStringLiteral("seconds"), QStringLiteral("Seconds of market (default 30000)."),
                       QStringLiteral("N"), QStringLiteral("30000") },
        { QStringLiteral("speed"), QStringLiteral("Exchange clock, x real time (default 1000)."),
            QStringLiteral("X"), QStringLiteral("1000") } });
    p.process(app);
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const double speed = p.value(QStringLiteral("speed")).toDouble();

    const qint64 start = 1'767'225'600'000; // 2026-01-01
    std::vector<AggTrade> trades = livetest::syntheticTrades(7, seconds, start, 1'000'000, 0);
    const qint64 lastSecond = trades.back().t - trades.back().t % 1000;
    LoopbackBinance server;
    QString error;
    if (!server.listen(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    server.addMarket(BinanceVenue::Futures, QStringLiteral("BTCUSDT"), trades);
    server.startClock(start, speed, true);

    QTemporaryDir dir;
    SessionSetup setup;
    setup.config.mode = TradingMode::Paper;
    setup.config.binanceWsUrl = server.wsUrl();
    setup.config.binanceRestUrl = server.restUrl();
    setup.config.binanceWarmupS = 0; // every bar comes from the stream
    setup.config.heartbeatTimeoutS = 3600;
    setup.source.kind = SourceSpec::Kind::Binance;
    setup.source.binanceMarkets = QStringLiteral("btcusdt");
    setup.journalPath = dir.filePath(QStringLiteral("bench.sqlite"));
    setup.killSocket = false;
    LatencyProbe probe(std::size_t(seconds) + 16);
    SessionHost host(setup);
    host.open();
    host.session()->setLatencyProbe(&probe);
    SessionSnapshotPtr last;
    QObject::connect(
        &host, &SessionHost::snapshotReady, &host, [&](const SessionSnapshotPtr& s) { last = s; });
    QElapsedTimer wall;
    wall.start();
    host.start();
    const bool done = QTest::qWaitFor([&] { return last && last->lastBarMs >= lastSecond; }, 3'600'000);
    const double elapsedS = double(wall.elapsed()) / 1000.0;
    bool over = false;
    QObject::connect(&host, &SessionHost::finished, &host, [&] { over = true; });
    host.stop(QStringLiteral("benchmark"));
    if (!QTest::qWaitFor([&] { return over; }, 30000))
        QTextStream(stderr) << "binance-bench: the session did not stop within 30 s\n";
    if (!done) {
        QTextStream(stderr) << "binance-bench: the session did not reach the last bar\n";
        return 1;
    }

    nlohmann::ordered_json out;
    out["trades"] = trades.size();
    out["bars"] = probe.all.size();
    out["fills"] = probe.withFill.size();
    out["exchange_speed"] = speed;
    out["wall_s"] = elapsedS;
    out["message_to_bar_final_us_p50"] = us(probe.finality, 0.5);
    out["message_to_bar_final_us_p99"] = us(probe.finality, 0.99);
    out["message_to_bar_done_us_p50"] = us(probe.all, 0.5);
    out["message_to_bar_done_us_p99"] = us(probe.all, 0.99);
    out["message_to_fill_us_p50"] = us(probe.withFill, 0.5);
    out["message_to_fill_us_p99"] = us(probe.withFill, 0.99);
    out["feed_reconnects"] = last ? last->feed.reconnects : -1;
    out["late_trades"] = last ? last->feed.lateTrades : -1;
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    return 0;
}
