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

    void addSourceOptions(bool allowSimulatorCount);
    void addConfigOption();
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    void addPositional(const QString& name, const QString& description);

    // Parses; prints help and returns false for --help; throws UsageError otherwise.
    bool parse(const QStringList& arguments);
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    std::int64_t integer(const QString& name, std::int64_t min, std::int64_t max) const;
    double number(const QString& name, double min, double max) const;

    Config config() const; // defaults, or the --config file
    SourceSpec source(const Config& config) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    bool m_hasSource = false;
};

} // namespace veloce
