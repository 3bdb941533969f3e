#include "cli.h"

#include "alertscommand.h"
#include "backtestcommand.h"
#include "benchcommand.h"
#include "data/dataerror.h"
#include "influxbenchcommand.h"
#include "influximportcommand.h"
#include "killcommand.h"
#include "marketscommand.h"
#include "papercommand.h"
#include "rearmcommand.h"
#include "recordcommand.h"
#include "reportcommand.h"
#include "research/slurmdriver.h"
#include "safety/journalerror.h"
#include "sessionbenchcommand.h"
#include "simulatecommand.h"
#include "statscommand.h"
#include "sweepbenchcommand.h"
#include "sweepcommand.h"
#include "sweepmergecommand.h"
#include "types/configjson.h"
#include "walkforwardcommand.h"

#include <QTextStream>
#include <cstdio>
#include <exception>

namespace veloce {

Cli::Cli()
{
    add(std::make_unique<BacktestCommand>());
    add(std::make_unique<SweepCommand>());
    add(std::make_unique<SweepMergeCommand>());
    add(std::make_unique<WalkForwardCommand>());
    add(std::make_unique<ReportCommand>());
    add(std::make_unique<SimulateCommand>());
    add(std::make_unique<StatsCommand>());
    add(std::make_unique<BenchCommand>());
    add(std::make_unique<SessionBenchCommand>());
    add(std::make_unique<SweepBenchCommand>());
    add(std::make_unique<InfluxImportCommand>());
    add(std::make_unique<MarketsCommand>());
    add(std::make_unique<InfluxBenchCommand>());
    add(std::make_unique<PaperCommand>());
    add(std::make_unique<RecordCommand>());
    add(std::make_unique<KillCommand>());
    add(std::make_unique<RearmCommand>());
    add(std::make_unique<AlertsCommand>());
}

void Cli::printUsage() const
{
    QTextStream out(stdout);
    out << "Usage: veloce-cli <command> [options]   (veloce-cli <command> --help for its "
           "options)\n\nCommands:\n";
    for (const auto& c : m_commands)
        out << QStringLiteral("  %1%2\n").arg(c->name().leftJustified(16), c->summary());
    out << "\n  --version       Print the version\n  --help          Print this help\n"
           "\nExit codes: 0 ok, 2 bad input (usage, config, data, a journal that is refused), 1 internal "
           "error,\n"
           "3 a session ended with an open alarm (veloce-cli alerts --ack acknowledges it).\n";
}

int Cli::run(const QStringList& arguments)
{
    QTextStream err(stderr);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        printUsage();
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.first() == QLatin1String("--version")) {
        QTextStream(stdout) << "veloce-cli " << VELOCE_VERSION << '\n';
        return 0;
    }
    CliCommand* command = nullptr;
    for (const auto& c : m_commands)
        if (c->name() == arguments.first())
            command = c.get();
    if (!command) {
        err << QStringLiteral("veloce-cli: unknown command \"%1\" (try veloce-cli --help)\n")
                   .arg(printable(arguments.first()));
        return 2;
    }
    const QString prefix = QStringLiteral("veloce-cli %1: ").arg(command->name());
    try {
        return command->run(arguments.mid(1));
    } catch (const UsageError& e) {
        err << prefix << e.what() << QStringLiteral(" (see veloce-cli %1 --help)\n").arg(command->name());
    } catch (const ConfigError& e) {
        err << prefix << "config error: " << e.what() << '\n';
    } catch (const DataError& e) {
        err << prefix << "data error: " << e.message() << '\n';
    } catch (const JournalError& e) {
        if (!e.refused()) {
            err << prefix << "journal error: " << printable(QString::fromUtf8(e.what())) << '\n';
            return 1;
        }
        // Bad input: a file that is not a usable journal. It was not changed.
        err << prefix << "journal refused: " << printable(QString::fromUtf8(e.what()))
            << "\n  The file was left as it is. Choose another journal with --journal FILE (a new file "
               "starts a new journal), or move this one away.\n";
    } catch (const SlurmError& e) {
        err << prefix << "Slurm: " << printable(QString::fromUtf8(e.what())) << '\n';
        return 1;
    } catch (const std::exception& e) {
        err << prefix << "error: " << printable(QString::fromUtf8(e.what())) << '\n';
        return 1;
    }
    return 2;
}

} // namespace veloce
