#include "recordcommand.h"

#include "binancesetup.h"
#include "cliparser.h"
#include "data/aggtraderecorder.h"
#include "data/binancelivesource.h"
#include "data/dataerror.h"
#include "sessionjson.h"
#include "unixsignalwatcher.h"

#include <QEventLoop>
#include <QTimer>

namespace veloce {

int RecordCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral(
            "Record the aggregated trades of Binance markets, live, in Binance's aggTrades dump "
            "layout (spot: 8 columns without header; futures: header and 7 columns; gzip when FILE "
            "ends in .gz), starting binance_warmup_s seconds back. Several markets write one file "
            "each (FILE with -<venue>-<SYMBOL> before the extension). Stop with Ctrl-C or "
            "--duration; the files are complete up to the stop."));
    p.addBinanceOptions();
    p.addConfigOption();
    p.addOption({ QStringLiteral("out"), QStringLiteral("File to write (.csv or .csv.gz)."),
        QStringLiteral("file") });
    p.addOption({ QStringLiteral("duration"), QStringLiteral("Stop after S seconds (wall time)."),
        QStringLiteral("S") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("binance")))
        throw UsageError(QStringLiteral("--binance M is required"));
    if (!p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--out FILE is required"));
    const double durationS
        = p.isSet(QStringLiteral("duration")) ? p.number(QStringLiteral("duration"), 0.001, 1e9) : 0;
    const Config config = p.config();
    SourceSpec spec;
    spec.kind = SourceSpec::Kind::Binance;
    spec.binanceMarkets = p.value(QStringLiteral("binance"));
    spec.binanceVenue = p.value(QStringLiteral("venue"));
    BinanceLiveSource source(BinanceSetup::settings(config, spec));
    AggTradeRecorder recorder(p.value(QStringLiteral("out")), source.markets());

    using SessionJson::print;
    QEventLoop loop;
    QString failure;
    QString stopReason;
    FeedHealth lastFeed;
    QObject::connect(&source, &BinanceLiveSource::tradeAccepted, &recorder, &AggTradeRecorder::record);
    QObject::connect(&source, &BinanceLiveSource::healthChanged, &loop, [&](const FeedHealth& h) {
        if (SessionJson::feedChanged(lastFeed, h))
            print(SessionJson::feedHealth(h));
        lastFeed = h;
    });
    QObject::connect(&source, &BinanceLiveSource::trouble, &loop, [](const QString& message) {
        nlohmann::ordered_json j;
        j["event"] = "alert";
        j["message"] = message.toStdString();
        print(j);
    });
    const auto finish = [&](const QString& reason) {
        if (stopReason.isEmpty())
            stopReason = reason;
        loop.quit();
    };
    QObject::connect(&source, &BinanceLiveSource::failed, &loop, [&](const QString& message) {
        failure = message;
        finish(QStringLiteral("failed"));
    });
    QObject::connect(&recorder, &AggTradeRecorder::failed, &loop, [&](const QString& message) {
        failure = message;
        finish(QStringLiteral("failed"));
    });
    UnixSignalWatcher watcher;
    QObject::connect(
        &watcher, &UnixSignalWatcher::received, &loop, [&](int, const QString& sig) { finish(sig); });
    if (durationS > 0)
        QTimer::singleShot(
            static_cast<int>(durationS * 1000), &loop, [&] { finish(QStringLiteral("duration")); });

    nlohmann::ordered_json start;
    start["event"] = "start";
    start["source"] = source.description().toStdString();
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const QString& f : recorder.paths())
        files.push_back(f.toStdString());
    start["files"] = files;
    start["warmup_s"] = config.binanceWarmupS;
    start["version"] = VELOCE_VERSION;
    print(start);

    source.start();
    loop.exec();
    source.stop();
    recorder.close(); // throws DataError (exit code 2) if the files could not be completed

    nlohmann::ordered_json end;
    end["event"] = "end";
    end["reason"] = stopReason.toStdString();
    end["trades"] = recorder.trades();
    end["files"] = files;
    end["feed"] = SessionJson::feedHealth(source.health());
    if (!failure.isEmpty())
        end["error"] = failure.toStdString();
    print(end);
    if (!failure.isEmpty())
        throw DataError(failure);
    return 0;
}

} // namespace veloce
