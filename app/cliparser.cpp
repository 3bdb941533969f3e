#include "cliparser.h"

#include "clicommand.h"
#include "configloader.h"
#include "timeargument.h"

#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace veloce {

CliParser::CliParser(const QString& command, const QString& description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

void CliParser::addBinanceOptions()
{
    m_hasBinance = true;
    m_parser.addOption({ QStringLiteral("binance"),
        QStringLiteral(
            "Binance market(s), live: e.g. btcusdt, or btcusdt,spot:btcusdt (the first gives OHLC, "
            "volumes are summed)."),
        QStringLiteral("M[,M2...]") });
    m_parser.addOption({ QStringLiteral("venue"),
        QStringLiteral(
            "Venue of --binance markets without a prefix: spot or futures (default: binance_venue, "
            "futures)."),
        QStringLiteral("venue") });
}

void CliParser::addSourceOptions(bool allowSimulatorCount, bool live)
{
    if (live)
        addBinanceOptions();
    m_hasSource = true;
    m_parser.addOption({ QStringLiteral("data"), QStringLiteral("Read bars from a CSV or CSV.gz file."),
        QStringLiteral("file") });
    m_parser.addOption({ QStringLiteral("format"),
        QStringLiteral("File format: auto (default), klines, aggtrades, trades, bars."),
        QStringLiteral("format"), QStringLiteral("auto") });
    m_parser.addOption({ QStringLiteral("skip-bad-rows"),
        QStringLiteral("Skip malformed rows (counted and reported) instead of stopping.") });
    if (allowSimulatorCount)
        m_parser.addOption({ QStringLiteral("simulate"),
            QStringLiteral("Use N bars of the built-in market simulator."), QStringLiteral("N") });
    else
        m_parser.addOption(
            { QStringLiteral("simulate"), QStringLiteral("Use the built-in market simulator.") });
    m_parser.addOption({ QStringLiteral("seed"),
        QStringLiteral("Simulator seed (default: simulator_seed, 42)."), QStringLiteral("S") });
    m_parser.addOption({ QStringLiteral("influx"),
        QStringLiteral("InfluxDB 1.x URL, e.g. http://127.0.0.1:8086."), QStringLiteral("url") });
    m_parser.addOption({ QStringLiteral("db"),
        QStringLiteral("InfluxDB database (default: influx_database)."), QStringLiteral("name") });
    m_parser.addOption({ QStringLiteral("market"),
        QStringLiteral("aggr-server market(s), comma separated; the first gives OHLC."),
        QStringLiteral("M[,M2...]") });
    m_parser.addOption({ QStringLiteral("from"),
        QStringLiteral("Start time, ISO 8601, inclusive (UTC if no zone)."), QStringLiteral("time") });
    m_parser.addOption({ QStringLiteral("to"),
        QStringLiteral("End time, ISO 8601, exclusive (UTC if no zone)."), QStringLiteral("time") });
}

void CliParser::addConfigOption()
{
    m_parser.addOption({ QStringLiteral("config"),
        QStringLiteral("JSON config file (defaults: docs/strategy.md §8)."), QStringLiteral("file") });
}

void CliParser::addPositional(const QString& name, const QString& description)
{
    m_parser.addPositionalArgument(name, description);
    ++m_positionals;
}

bool CliParser::parse(const QStringList& arguments)
{
    QStringList args = arguments;
    args.prepend(QStringLiteral("veloce-cli %1").arg(m_command));
    if (!m_parser.parse(args))
        throw UsageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << m_parser.helpText();
        return false;
    }
    // The same rules for every command: QCommandLineParser itself would keep the last of two
    // --out, accept --out "" (and later make an unnamed folder) and ignore a stray word.
    const QStringList names = m_parser.optionNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.indexOf(names[i], i + 1) > 0 && !m_repeatable.contains(names[i]))
            throw UsageError(QStringLiteral("--%1 is given more than once").arg(names[i]));
    }
    for (const QString& name : names) {
        const QStringList values = m_parser.values(name);
        if (std::any_of(values.begin(), values.end(), [](const QString& v) { return v.trimmed().isEmpty(); }))
            throw UsageError(QStringLiteral("--%1 needs a value, got an empty one").arg(name));
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > m_positionals)
        throw UsageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(m_positionals)));
    return true;
}

std::int64_t CliParser::integer(const QString& name, std::int64_t min, std::int64_t max) const
{
    return parseInteger(QStringLiteral("--") + name, m_parser.value(name), min, max);
}

double CliParser::number(const QString& name, double min, double max) const
{
    return parseNumber(QStringLiteral("--") + name, m_parser.value(name), min, max);
}

std::int64_t CliParser::parseInteger(
    const QString& option, const QString& text, std::int64_t min, std::int64_t max)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw UsageError(QStringLiteral("%1: \"%2\" must be a whole number from %3 to %4")
                             .arg(option, text)
                             .arg(min)
                             .arg(max));
    return v;
}

double CliParser::parseNumber(const QString& option, const QString& text, double min, double max)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    // "nan" parses (and compares false with both bounds), "inf" too: finite numbers only.
    if (!ok || !std::isfinite(v) || v < min || v > max)
        throw UsageError(QStringLiteral("%1: \"%2\" must be a finite number from %3 to %4")
                             .arg(option, text)
                             .arg(min)
                             .arg(max));
    return v;
}

Config CliParser::config() const
{
    if (m_parser.isSet(QStringLiteral("config")))
        return ConfigLoader::load(m_parser.value(QStringLiteral("config")));
    return ConfigLoader::defaults();
}

SourceSpec CliParser::source(const Config& config) const
{
    SourceSpec s;
    const bool data = isSet(QStringLiteral("data"));
    const bool sim = isSet(QStringLiteral("simulate"));
    const bool influx = isSet(QStringLiteral("influx"));
    const bool binance = m_hasBinance && isSet(QStringLiteral("binance"));
    if (int(data) + int(sim) + int(influx) + int(binance) != 1)
        throw UsageError(m_hasBinance
                ? QStringLiteral(
                    "choose exactly one source: --data FILE, --simulate, --influx URL or --binance M")
                : QStringLiteral("choose exactly one source: --data FILE, --simulate or --influx URL"));
    if (m_hasBinance && isSet(QStringLiteral("venue")) && !binance)
        throw UsageError(QStringLiteral("--venue goes with --binance"));
    s.seed = config.simulatorSeed;
    if (isSet(QStringLiteral("seed")))
        s.seed = static_cast<quint64>(integer(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
    if (data) {
        s.kind = SourceSpec::Kind::File;
        s.path = value(QStringLiteral("data"));
        s.format = value(QStringLiteral("format"));
        s.skipBadRows = isSet(QStringLiteral("skip-bad-rows"));
    } else if (sim) {
        s.kind = SourceSpec::Kind::Simulator;
        if (!value(QStringLiteral("simulate")).isEmpty())
            s.simulateBars = integer(QStringLiteral("simulate"), 1, std::int64_t(1) << 40);
    } else if (binance) {
        s.kind = SourceSpec::Kind::Binance;
        s.binanceMarkets = value(QStringLiteral("binance"));
        s.binanceVenue = value(QStringLiteral("venue"));
    } else {
        s.kind = SourceSpec::Kind::Influx;
        s.influxUrl = value(QStringLiteral("influx"));
        s.influxDatabase = isSet(QStringLiteral("db")) ? value(QStringLiteral("db")) : config.influxDatabase;
        s.markets = isSet(QStringLiteral("market")) ? value(QStringLiteral("market")).split(QLatin1Char(','))
                                                    : config.influxMarkets;
        if (s.markets.isEmpty())
            throw UsageError(QStringLiteral("--influx needs --market (or influx_markets in the config)"));
    }
    if (isSet(QStringLiteral("from")))
        s.fromMs = TimeArgument::parse(value(QStringLiteral("from")), QStringLiteral("--from"));
    if (isSet(QStringLiteral("to")))
        s.toMs = TimeArgument::parse(value(QStringLiteral("to")), QStringLiteral("--to"));
    if (s.fromMs >= s.toMs)
        throw UsageError(QStringLiteral("--from must be before --to"));
    return s;
}

} // namespace veloce
