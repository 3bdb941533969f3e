#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <QCommandLineParser>

namespace veloce {

// QCommandLineParser with the options several commands share (source, config, range), so that
// each is spelled and validated once.
class CliParser
{
public:
    CliParser(const QString& command, const QString& description);

    // `live`: also the live-only sources (--binance, --venue).
    void addSourceOptions(bool allowSimulatorCount, bool live = false);
    // --binance and --venue alone (the recorder).
    void addBinanceOptions();
    void addConfigOption();
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    void addPositional(const QString& name, const QString& description);
    // Lets --name be given several times (values() returns them all); every other option given
    // twice is refused by parse().
    void allowRepeated(const QString& name) { m_repeatable << name; }

    // Parses; prints help and returns false for --help; throws UsageError for anything wrong,
    // including what QCommandLineParser lets through: an option given twice (unless
    // allowRepeated()), an empty value,
    // more positional arguments than addPositional() declared.
    bool parse(const QStringList& arguments);
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // The value of --name checked against [min, max]; throws UsageError naming the option.
    std::int64_t integer(const QString& name, std::int64_t min, std::int64_t max) const;
    double number(const QString& name, double min, double max) const;
    // The one check of numeric arguments, also used by the GUI's options: NaN, infinities,
    // trailing junk and values outside [min, max] are refused.
    static std::int64_t parseInteger(
        const QString& option, const QString& text, std::int64_t min, std::int64_t max);
    static double parseNumber(const QString& option, const QString& text, double min, double max);

    Config config() const; // defaults, or the --config file
    SourceSpec source(const Config& config) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_hasSource = false;
    bool m_hasBinance = false;
    qsizetype m_positionals = 0;
    QStringList m_repeatable;
};

} // namespace veloce
