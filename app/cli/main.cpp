#include "cli.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("veloce-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELOCE_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    veloce::Cli cli;
    return cli.run(args);
}
