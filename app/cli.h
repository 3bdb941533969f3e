#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace veloce {

// veloce-cli: dispatches to sub-commands and maps errors to exit codes and messages.
class Cli
{
public:
    Cli();
    int run(const QStringList& arguments);
    void add(std::unique_ptr<CliCommand> command) { m_commands.push_back(std::move(command)); }

private:
    void printUsage() const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace veloce
