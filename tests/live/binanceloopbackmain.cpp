// binance-loopback: the tests' loopback Binance as a program, for looking at the live source
// without the exchange (the README's screenshot, demos): serves a market in real time -- the
// shipped aggTrades sample or synthetic trades -- with its trade times moved so that it plays
// now. Prints one JSON line with the config keys to use, then serves until killed.
//
//   binance-loopback [--data FILE | --seconds N] [--venue spot|futures] [--symbol S]
//                    [--history S] [--speed X] [--port-file F] [--drop-after S]
#include "loopbackbinance.h"
#include "tradedata.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <nlohmann/json.hpp>

using namespace veloce;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("A loopback Binance (spot and USD-M futures public market data) "
                       "serving one market in real time."));
    p.addHelpOption();
    p.addOptions({
        { QStringLiteral("data"), QStringLiteral("aggTrades dump to serve."), QStringLiteral("file") },
        { QStringLiteral("seconds"), QStringLiteral("Synthetic seconds to serve (default 7200)."),
            QStringLiteral("N"), QStringLiteral("7200") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the synthetic market (default 7)."),
            QStringLiteral("S"), QStringLiteral("7") },
        { QStringLiteral("venue"), QStringLiteral("spot or futures (default futures)."),
            QStringLiteral("venue"), QStringLiteral("futures") },
        { QStringLiteral("symbol"), QStringLiteral("Symbol (default BTCUSDT)."), QStringLiteral("S"),
            QStringLiteral("BTCUSDT") },
        { QStringLiteral("history"),
            QStringLiteral("Seconds of the market already past at start (default 900)."), QStringLiteral("S"),
            QStringLiteral("900") },
        { QStringLiteral("speed"), QStringLiteral("Exchange clock speed, x real time (default 1)."),
            QStringLiteral("X"), QStringLiteral("1") },
        { QStringLiteral("port-file"), QStringLiteral("Also write the JSON line to this file."),
            QStringLiteral("F") },
        { QStringLiteral("drop-after"), QStringLiteral("Abort the stream connections once, after S seconds."),
            QStringLiteral("S") },
    });
    p.process(app);
    BinanceVenue venue = BinanceVenue::Futures;
    if (!BinanceVenues::parse(p.value(QStringLiteral("venue")), venue)) {
        QTextStream(stderr) << "binance-loopback: --venue is spot or futures\n";
        return 2;
    }
    const qint64 history = p.value(QStringLiteral("history")).toLongLong() * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<AggTrade> trades = p.isSet(QStringLiteral("data"))
        ? livetest::readAggTrades(p.value(QStringLiteral("data")))
        : livetest::syntheticTrades(p.value(QStringLiteral("seed")).toULongLong(),
            p.value(QStringLiteral("seconds")).toInt(), 0, 1'000'000'000, 0);
    if (trades.empty()) {
        QTextStream(stderr) << "binance-loopback: no trades to serve\n";
        return 2;
    }
    // Whole seconds shifted so that `history` of the market lies before now.
    const qint64 shift
        = (now - history) - (trades.front().t - trades.front().t % 1000) - (now - history) % 1000;
    livetest::shiftTimes(trades, shift);
    LoopbackBinance server;
    server.wholeSeconds = false; // each trade at its own time, as the exchange pushes it
    QString error;
    if (!server.listen(&error)) {
        QTextStream(stderr) << "binance-loopback: " << error << '\n';
        return 1;
    }
    server.addMarket(venue, p.value(QStringLiteral("symbol")), std::move(trades));
    server.startClock(now, p.value(QStringLiteral("speed")).toDouble());
    nlohmann::ordered_json line;
    line["binance_ws_url"] = server.wsUrl().toStdString();
    line["binance_rest_url"] = server.restUrl().toStdString();
    line["binance_venue"] = BinanceVenues::name(venue).toStdString();
    const QByteArray text = QByteArray::fromStdString(line.dump()) + '\n';
    QTextStream(stdout) << text;
    if (p.isSet(QStringLiteral("port-file"))) {
        QFile f(p.value(QStringLiteral("port-file")));
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
    }
    if (p.isSet(QStringLiteral("drop-after")))
        QTimer::singleShot(int(p.value(QStringLiteral("drop-after")).toDouble() * 1000), &server,
            [&server] { server.dropConnections(); });
    return app.exec();
}
