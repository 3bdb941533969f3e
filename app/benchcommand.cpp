#include "benchcommand.h"

#include "cliparser.h"
#include "data/barfile.h"
#include "enginebench.h"
#include "types/numberformat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
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
} // namespace

int BenchCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Measure the engine (strategy + portfolio over bars already in memory, one "
                       "thread) and the Binance kline CSV parser. Prints JSON. Use a release build."));
    p.addOption(
        { QStringLiteral("bars"), QStringLiteral("Simulated bars for the engine figure (default 10000000)."),
            QStringLiteral("N"), QStringLiteral("10000000") });
    p.addOption(
        { QStringLiteral("parse-rows"), QStringLiteral("Kline rows for the parser figure (default 3000000)."),
            QStringLiteral("N"), QStringLiteral("3000000") });
    p.addOption({ QStringLiteral("seed"), QStringLiteral("Simulator seed."), QStringLiteral("S"),
        QStringLiteral("42") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const auto n = p.integer(QStringLiteral("bars"), 1000, std::int64_t(1) << 32);
    const auto rows = p.integer(QStringLiteral("parse-rows"), 1000, std::int64_t(1) << 32);
    const auto seed
        = static_cast<quint64>(p.integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
    const Config config = p.config();

    QElapsedTimer timer;
    timer.start();
    const std::vector<Bar> bars = EngineBench::simulate(n, seed);
    const double simSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const EngineBench::Figure engine = EngineBench::measure(bars, config);

    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("bench-klines.csv"));
    writeKlines(path, bars, static_cast<std::size_t>(rows));
    timer.restart();
    auto source = openBarFile(path, FileFormat::Klines, false);
    Bar bar;
    std::int64_t parsed = 0;
    while (source->next(bar))
        ++parsed;
    const double parseSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    nlohmann::ordered_json out;
    out["engine_bars"] = engine.bars;
    out["engine_seconds"] = engine.seconds;
    out["engine_bars_per_second"] = engine.barsPerSecond;
    out["engine_signals"] = engine.signalCount;
    out["engine_trades"] = engine.trades;
    out["simulator_bars_per_second"] = static_cast<double>(n) / simSeconds;
    out["parse_rows"] = parsed;
    out["parse_seconds"] = parseSeconds;
    out["parse_rows_per_second"] = static_cast<double>(parsed) / parseSeconds;
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
    return 0;
}

} // namespace veloce
