#pragma once

#include "types/printable.h"

#include <QString>
#include <QStringList>
#include <stdexcept>

namespace veloce {

// Wrong command-line usage; the CLI prints it with the command's --help hint, exit code 2.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString& message)
        : std::runtime_error(printable(message).toStdString())
    {
    }
};

// One `veloce-cli <name>` sub-command. run() returns the process exit code:
// 0 ok, 2 bad input (usage, config, data), 1 internal error.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual int run(const QStringList& arguments) = 0;
};

} // namespace veloce
