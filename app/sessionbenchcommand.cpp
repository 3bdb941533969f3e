#include "sessionbenchcommand.h"

#include "cliparser.h"
#include "engine/latencyprobe.h"
#include "engine/session.h"
#include "quantile.h"
#include "safety/killswitch.h"
#include "sessionhost.h"
#include "threadreaper.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
double quantileUs(const std::vector<std::int64_t>& ns, double q)
{
    return static_cast<double>(quantile(ns, q)) / 1000.0;
}

SessionSetup setupFor(const Config& config, const QString& journal, std::int64_t bars, double speed)
{
    SessionSetup s;
    s.config = config;
    s.config.mode = TradingMode::Paper;
    s.source.kind = SourceSpec::Kind::Simulator;
    s.source.simulateBars = bars;
    s.source.seed = config.simulatorSeed;
    s.speed = speed;
    s.journalPath = journal;
    s.killSocket = false;
    return s;
}

// Waits on this thread's event loop until `done` or the timeout; false on timeout.
template<typename Pred> bool waitFor(Pred done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

int SessionBenchCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Measure a paper session on the simulator: per-bar latency from bar arrival to "
                       "signal and paper fill (engine thread, journal on), and kill switch -> flat (in "
                       "memory, and reported once committed to the journal) while the engine thread is "
                       "stalled. Prints JSON. Use a release build."));
    p.addOption({ QStringLiteral("bars"), QStringLiteral("Bars for the latency figure (default 300000)."),
        QStringLiteral("N"), QStringLiteral("300000") });
    p.addOption({ QStringLiteral("kills"), QStringLiteral("Kill-switch trials (default 20)."),
        QStringLiteral("K"), QStringLiteral("20") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const auto bars = p.integer(QStringLiteral("bars"), 1000, std::int64_t(1) << 32);
    const auto kills = static_cast<int>(p.integer(QStringLiteral("kills"), 1, 1000));
    const Config config = p.config();
    QTemporaryDir dir;

    // 1. Latency: the whole session at full speed, every bar timed inside Session::onBar.
    LatencyProbe probe(static_cast<std::size_t>(bars));
    {
        SessionHost host(
            setupFor(config, QDir(dir.path()).filePath(QStringLiteral("latency.sqlite")), bars, 0));
        host.open();
        host.session()->setLatencyProbe(&probe);
        bool over = false;
        QObject::connect(&host, &SessionHost::finished, &host, [&] { over = true; });
        host.start();
        if (!waitFor([&] { return over; }, 600000))
            throw std::runtime_error("the latency session did not finish within 10 minutes");
    }

    // 2. Kill switch: a session at 50x holding a position, engine thread stalled, then the trigger.
    // Two figures: the account flat in memory, and the report (flat and committed to the journal).
    std::vector<std::int64_t> flatNs;
    std::vector<std::int64_t> durableNs;
    int flattened = 0;
    for (int i = 0; i < kills; ++i) {
        Config c = config;
        c.simulatorSeed = config.simulatorSeed + static_cast<quint64>(i);
        SessionHost host(
            setupFor(c, QDir(dir.path()).filePath(QStringLiteral("kill%1.sqlite").arg(i)), 0, 50));
        host.open();
        KillReport report;
        bool reported = false;
        QObject::connect(&host, &SessionHost::killReport, &host, [&](const KillReport& r) {
            report = r;
            reported = true;
        });
        host.start();
        if (!waitFor([&] { return host.session()->openPositions() > 0; }, 120000))
            throw std::runtime_error("no position opened within 2 minutes");
        QMetaObject::invokeMethod(host.session(), "stall", Qt::QueuedConnection, Q_ARG(int, 1000));
        waitFor([&] { return host.session()->stalled(); }, 5000);
        QElapsedTimer t;
        t.start();
        host.kill(QStringLiteral("benchmark"), QStringLiteral("bench"));
        if (!waitFor([&] { return reported; }, 10000))
            throw std::runtime_error("the kill switch did not report within 10 s");
        flatNs.push_back(static_cast<std::int64_t>(report.flatLatencyMs * 1e6));
        durableNs.push_back(static_cast<std::int64_t>(report.flattenLatencyMs * 1e6));
        flattened += report.closed;
        if (!report.flat || !report.durable)
            throw std::runtime_error("kill switch: not flat: " + report.message.toStdString());
        host.stop(QStringLiteral("benchmark"));
        bool over = false;
        QObject::connect(&host, &SessionHost::finished, &host, [&] { over = true; });
        waitFor([&] { return over; }, 10000);
    }
    // The sessions' journals are closed on the reaper's threads: before their folder goes.
    ThreadReaper::instance().drain(30000);

    nlohmann::ordered_json out;
    out["session_bars"] = probe.all.size();
    out["bar_latency_us_p50"] = quantileUs(probe.all, 0.5);
    out["bar_latency_us_p99"] = quantileUs(probe.all, 0.99);
    out["fills"] = probe.withFill.size();
    out["bar_to_fill_latency_us_p50"] = quantileUs(probe.withFill, 0.5);
    out["bar_to_fill_latency_us_p99"] = quantileUs(probe.withFill, 0.99);
    out["kill_trials"] = kills;
    out["kill_positions_flattened"] = flattened;
    out["kill_to_flat_ms_p50"] = quantileUs(flatNs, 0.5) / 1000.0;
    out["kill_to_flat_ms_max"] = quantileUs(flatNs, 1.0) / 1000.0;
    out["kill_to_durable_report_ms_p50"] = quantileUs(durableNs, 0.5) / 1000.0;
    out["kill_to_durable_report_ms_max"] = quantileUs(durableNs, 1.0) / 1000.0;
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    return 0;
}

} // namespace veloce
