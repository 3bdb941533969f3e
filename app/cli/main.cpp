#include "cli.h"
#include "threadreaper.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("veloce-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELOCE_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    veloce::Cli cli;
    const int code = cli.run(args);
    // A session's threads are wound down by the reaper (journal closed, engine stopped); a stuck
    // engine is not waited for beyond this: everything acknowledged is in the journal already.
    if (!veloce::ThreadReaper::instance().drain(2000)) {
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return code;
}
