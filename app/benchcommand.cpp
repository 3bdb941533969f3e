#include "benchcommand.h"

#include "cliparser.h"
#include "data/barfile.h"
#include "enginebench.h"
#include "strategy/naivescorer.h"
#include "strategy/strategy.h"
#include "types/numberformat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

namespace veloce {

namespace {
// Writes bars as Binance kline rows (12 columns, ms), the format the parser figure is quoted for.
void writeKlines(const QString& path, const std::vector<Bar>& bars, std::size_t rows)
{
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        throw std::runtime_error("cannot write the benchmark's temporary kline file");
    std::string line;
    for (std::size_t i = 0; i < rows; ++i) {
        const Bar& b = bars[i % bars.size()];
        const std::int64_t t = b.t + static_cast<std::int64_t>(i / bars.size()) * 1000 * 1000 * 1000;
        line.clear();
        appendInt(line, t);
        for (double v : { b.open, b.high, b.low, b.close, b.volume() }) {
            line += ',';
            appendDouble(line, v);
        }
        line += ',';
        appendInt(line, t + 999);
        line += ',';
        appendDouble(line, b.volume() * b.close);
        line += ",100,";
        appendDouble(line, b.vbuy);
        line += ',';
        appendDouble(line, b.vbuy * b.close);
        line += ",0\n";
        std::fwrite(line.data(), 1, line.size(), f);
    }
    std::fclose(f);
}

// Runs a reference tool to completion; returns its wall time in seconds and its stdout. The tools
// (sh, wc, gzip) belong to every Debian system; a failure is an error, not a missing figure.
double timeTool(const QString& program, const QStringList& args, QByteArray* out = nullptr)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    const bool finished = p.waitForFinished(-1);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw std::runtime_error(QStringLiteral("the reference command `%1 %2` failed: %3")
                                     .arg(program, args.join(QLatin1Char(' ')),
                                         p.error() == QProcess::FailedToStart
                                             ? p.errorString()
                                             : QString::fromLocal8Bit(p.readAllStandardError()).trimmed())
                                     .toStdString());
    if (out)
        *out = p.readAllStandardOutput();
    return seconds;
}

// Times a line count by a reference pipeline and checks it read every row (a short count would
// make the comparison flatter the parser).
double timeLineCount(const QString& program, const QStringList& args, std::int64_t rows)
{
    QByteArray out;
    const double seconds = timeTool(program, args, &out);
    const QByteArray count = out.trimmed().split(' ').value(0);
    if (count.toLongLong() != rows)
        throw std::runtime_error(QStringLiteral("`%1 %2` counted %3 lines, the file has %4 rows")
                                     .arg(program, args.join(QLatin1Char(' ')), QString::fromLatin1(count))
                                     .arg(rows)
                                     .toStdString());
    return seconds;
}

double parseSeconds(const QString& path, std::int64_t& rows)
{
    QElapsedTimer timer;
    timer.start();
    auto source = openBarFile(path, FileFormat::Klines, false);
    Bar bar;
    rows = 0;
    while (source->next(bar))
        ++rows;
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}
} // namespace

int BenchCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Measure the engine (strategy + portfolio over bars already in memory, one thread) "
                       "and the scorer alone against the naive from-scratch scorer, and the Binance kline "
                       "CSV parser against wc -l and gzip -dc | wc -l on the same file. Prints JSON (and "
                       "the ratios as text on stderr). Use a release build."));
    p.addOption(
        { QStringLiteral("bars"), QStringLiteral("Simulated bars for the engine figure (default 10000000)."),
            QStringLiteral("N"), QStringLiteral("10000000") });
    p.addOption({ QStringLiteral("naive-bars"),
        QStringLiteral("Bars for the naive scorer, the first of the same bars (default 1000000)."),
        QStringLiteral("N"), QStringLiteral("1000000") });
    p.addOption(
        { QStringLiteral("parse-rows"), QStringLiteral("Kline rows for the parser figure (default 3000000)."),
            QStringLiteral("N"), QStringLiteral("3000000") });
    p.addOption({ QStringLiteral("seed"), QStringLiteral("Simulator seed."), QStringLiteral("S"),
        QStringLiteral("42") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const auto n = p.integer(QStringLiteral("bars"), 1000, std::int64_t(1) << 32);
    const auto naiveBars = std::min(n, p.integer(QStringLiteral("naive-bars"), 1000, std::int64_t(1) << 32));
    const auto rows = p.integer(QStringLiteral("parse-rows"), 1000, std::int64_t(1) << 32);
    const auto seed
        = static_cast<quint64>(p.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
    const Config config = p.config();

    QElapsedTimer timer;
    timer.start();
    const std::vector<Bar> bars = EngineBench::simulate(n, seed);
    const double simSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const EngineBench::Figure engine = EngineBench::measure(bars, config);

    // Scoring alone (Strategy, what NaiveScorer computes too), then the reference the ratios are
    // quoted against: docs/strategy.md's windows summed from scratch on every bar (NaiveScorer),
    // over the first bars of the same stream.
    Strategy strategy(config);
    std::int64_t strategySignals = 0;
    timer.restart();
    for (const Bar& b : bars) {
        strategy.update(b);
        strategySignals += strategy.hasSignal();
    }
    const double strategySeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    NaiveScorer naive(config);
    std::int64_t naiveSignals = 0;
    timer.restart();
    for (std::int64_t i = 0; i < naiveBars; ++i) {
        naive.update(bars[static_cast<std::size_t>(i)]);
        naiveSignals += naive.hasSignal();
    }
    const double naiveSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    // Parsing, against the plainest tools reading the same bytes: `wc -l` on the CSV, and
    // `gzip -dc | wc -l` on its gzip-compressed copy (how Binance dumps are usually stored).
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("bench-klines.csv"));
    writeKlines(path, bars, static_cast<std::size_t>(rows));
    std::int64_t parsed = 0;
    const double parseTime = parseSeconds(path, parsed);
    const double wcTime = timeLineCount(QStringLiteral("wc"), { QStringLiteral("-l"), path }, parsed);
    timeTool(QStringLiteral("gzip"), { QStringLiteral("-k"), path });
    const QString gzPath = path + QStringLiteral(".gz");
    std::int64_t gzParsed = 0;
    const double gzParseTime = parseSeconds(gzPath, gzParsed);
    const double zcatTime = timeLineCount(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("gzip -dc -- \"$1\" | wc -l"), QStringLiteral("sh"), gzPath },
        gzParsed);

    const double engineRate = engine.barsPerSecond;
    const double strategyRate = static_cast<double>(n) / strategySeconds;
    const double naiveRate = static_cast<double>(naiveBars) / naiveSeconds;
    nlohmann::ordered_json out;
    out["engine_bars"] = engine.bars;
    out["engine_seconds"] = engine.seconds;
    out["engine_bars_per_second"] = engine.barsPerSecond;
    out["engine_signals"] = engine.signalCount;
    out["engine_trades"] = engine.trades;
    out["simulator_bars_per_second"] = static_cast<double>(n) / simSeconds;
    out["strategy_bars_per_second"] = strategyRate;
    out["strategy_signals"] = strategySignals;
    out["naive_scorer_bars"] = naiveBars;
    out["naive_scorer_signals"] = naiveSignals;
    out["naive_scorer_bars_per_second"] = naiveRate;
    out["engine_vs_naive_scorer"] = engineRate / naiveRate;
    out["strategy_vs_naive_scorer"] = strategyRate / naiveRate;
    out["parse_rows"] = parsed;
    out["parse_bytes"] = QFileInfo(path).size();
    out["parse_seconds"] = parseTime;
    out["parse_rows_per_second"] = static_cast<double>(parsed) / parseTime;
    out["wc_l_seconds"] = wcTime;
    out["parse_time_vs_wc_l"] = parseTime / wcTime;
    out["gz_parse_bytes"] = QFileInfo(gzPath).size();
    out["gz_parse_seconds"] = gzParseTime;
    out["gz_parse_rows_per_second"] = static_cast<double>(gzParsed) / gzParseTime;
    out["gzip_dc_wc_l_seconds"] = zcatTime;
    out["gz_parse_time_vs_gzip_dc_wc_l"] = gzParseTime / zcatTime;
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    // The same figures as sentences, on stderr so that stdout stays one JSON document.
    QTextStream(stderr) << QStringLiteral(
        "engine %1 M bars/s = %2x the naive scorer (%3 M bars/s); scoring alone %4 M bars/s "
        "= %5x\n"
        "kline parsing %6 M rows/s, %7x the time of `wc -l` on the same file\n"
        "gzip kline parsing %8 M rows/s, %9x the time of `gzip -dc | wc -l` on the same file\n")
                               .arg(engineRate / 1e6, 0, 'f', 1)
                               .arg(engineRate / naiveRate, 0, 'f', 1)
                               .arg(naiveRate / 1e6, 0, 'f', 2)
                               .arg(strategyRate / 1e6, 0, 'f', 1)
                               .arg(strategyRate / naiveRate, 0, 'f', 1)
                               .arg(static_cast<double>(parsed) / parseTime / 1e6, 0, 'f', 1)
                               .arg(parseTime / wcTime, 0, 'f', 1)
                               .arg(static_cast<double>(gzParsed) / gzParseTime / 1e6, 0, 'f', 1)
                               .arg(gzParseTime / zcatTime, 0, 'f', 1);
    return 0;
}

} // namespace veloce
