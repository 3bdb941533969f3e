#include "influxbenchcommand.h"

#include "cliparser.h"
#include "data/influxclient.h"
#include "data/influxql.h"
#include "data/influxsource.h"
#include "influxoptions.h"
#include "timeargument.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace veloce {

int InfluxBenchCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Stream bars of --market from InfluxDB and print bars per second as JSON. "
                       "With --raw, only receive the bytes of the same query (no parsing), for "
                       "comparison with curl. Use a release build and a local influxd."));
    InfluxOptions::add(p);
    p.addOption({ QStringLiteral("market"), QStringLiteral("Market(s), comma separated."),
        QStringLiteral("M[,M2...]") });
    p.addOption({ QStringLiteral("from"), QStringLiteral("Start time (ISO 8601)."), QStringLiteral("time") });
    p.addOption(
        { QStringLiteral("to"), QStringLiteral("End time (ISO 8601), exclusive."), QStringLiteral("time") });
    p.addOption({ QStringLiteral("chunk-size"), QStringLiteral("Rows per chunk (default 10000)."),
        QStringLiteral("N"), QStringLiteral("10000") });
    p.addOption({ QStringLiteral("page-hours"), QStringLiteral("Hours per query (default 24)."),
        QStringLiteral("H"), QStringLiteral("24") });
    p.addOption({ QStringLiteral("raw"),
        QStringLiteral("Print the bytes-only figure of one query over the range.") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("market")))
        throw UsageError(QStringLiteral("--market is required"));
    const Config config = p.config();
    const InfluxSettings settings = InfluxOptions::settings(p, config);
    const QStringList markets = p.value(QStringLiteral("market")).split(QLatin1Char(','));
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::int64_t to = std::numeric_limits<std::int64_t>::max();
    if (p.isSet(QStringLiteral("from")))
        from = TimeArgument::parse(p.value(QStringLiteral("from")), QStringLiteral("--from"));
    if (p.isSet(QStringLiteral("to")))
        to = TimeArgument::parse(p.value(QStringLiteral("to")), QStringLiteral("--to"));
    InfluxSource::Options options;
    options.chunkSize = static_cast<int>(p.integer(QStringLiteral("chunk-size"), 1, 1000000));
    options.pageMs = p.integer(QStringLiteral("page-hours"), 1, 24 * 365 * 100) * 3600 * 1000;

    nlohmann::ordered_json out;
    QElapsedTimer timer;
    timer.start();
    InfluxSource source(settings, markets, from, to, options);
    Bar bar;
    std::int64_t bars = 0;
    double checksum = 0; // keeps the loop from being optimised away
    while (source.next(bar)) {
        ++bars;
        checksum += bar.close;
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    out["bars"] = bars;
    out["rows"] = source.stats().rows;
    out["seconds"] = seconds;
    out["bars_per_second"] = static_cast<double>(bars) / seconds;
    out["retries"] = source.retries();
    out["checksum"] = checksum;

    if (p.isSet(QStringLiteral("raw"))) {
        // The same SELECT the source sends for one market, as a single chunked query.
        InfluxClient client(settings);
        const QString q
            = QStringLiteral("SELECT open,high,low,close,vbuy,vsell,lbuy,lsell FROM %1 WHERE market = $m "
                             "AND time >= $from AND time < $to")
                  .arg(settings.qualifiedMeasurement());
        const nlohmann::json params = { { "m", markets.first().toStdString() },
            { "from", InfluxQl::rfc3339(from) }, { "to", InfluxQl::rfc3339(to) } };
        timer.restart();
        std::unique_ptr<QNetworkReply> reply(
            client.get(InfluxClient::queryUrl(settings, q, params, options.chunkSize)));
        qint64 bytes = 0;
        while (!reply->isFinished() || reply->bytesAvailable() > 0) {
            client.waitForActivity(reply.get());
            bytes += reply->readAll().size();
        }
        const double rawSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        out["raw_bytes"] = bytes;
        out["raw_seconds"] = rawSeconds;
    }
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    return 0;
}

} // namespace veloce
