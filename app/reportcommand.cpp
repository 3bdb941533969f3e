#include "reportcommand.h"

#include "cliparser.h"
#include "report/htmlreport.h"
#include "report/resultfolder.h"
#include "report/sweepfolder.h"
#include "report/sweephtmlreport.h"

#include <QTextStream>

namespace veloce {

int ReportCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Write the self-contained HTML report (opens offline in any browser) of a "
                       "folder written by veloce-cli backtest --out, or of a sweep folder (veloce-cli sweep "
                       "--out: recognised by its sweep.json)."));
    p.addOption(
        { QStringLiteral("in"), QStringLiteral("Backtest or sweep output folder."), QStringLiteral("dir") });
    p.addOption({ QStringLiteral("out"), QStringLiteral("HTML file to write."), QStringLiteral("file") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("in")) || !p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--in DIR and --out FILE are required"));
    const QString in = p.value(QStringLiteral("in"));
    if (SweepFolder::isSweepFolder(in))
        SweepHtmlReport::write(SweepFolder::read(in), p.value(QStringLiteral("out")));
    else
        HtmlReport::write(ResultFolder::read(in), p.value(QStringLiteral("out")));
    QTextStream(stderr) << QStringLiteral("report: %1\n").arg(p.value(QStringLiteral("out")));
    return 0;
}

} // namespace veloce
