#include "backtestcommand.h"

#include "cliparser.h"
#include "data/barsource.h"
#include "report/htmlreport.h"
#include "report/resultfolder.h"
#include "report/summaryjson.h"
#include "sourcefactory.h"
#include "timeargument.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace veloce {

int BacktestCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Backtest the V9 squeeze strategy and write summary.json, trades.csv, "
                       "signals.csv and equity.csv (docs/strategy.md §7) into --out."));
    p.addSourceOptions(true);
    p.addConfigOption();
    p.addOption({ QStringLiteral("out"), QStringLiteral("Output folder (created if missing)."),
        QStringLiteral("dir") });
    p.addOption(
        { QStringLiteral("scores"), QStringLiteral("Also write scores.csv (every bar's phase scores).") });
    p.addOption({ QStringLiteral("report"),
        QStringLiteral("Also write the self-contained HTML report to this file (veloce-cli report can "
                       "make it later from --out, which always gets report-data.json)."),
        QStringLiteral("file") });
    if (!p.parse(arguments))
        return 0;
    if (!p.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("--out DIR is required"));
    if (p.isSet(QStringLiteral("simulate")) && p.value(QStringLiteral("simulate")).isEmpty())
        throw UsageError(QStringLiteral("--simulate needs a bar count"));

    const Config config = p.config();
    const SourceSpec spec = p.source(config);

    QElapsedTimer sinceOpen;
    sinceOpen.start();
    std::unique_ptr<BarSource> source = SourceFactory::open(spec, config);
    const ReportData reportData = ResultFolder::backtest(
        *source, config, p.value(QStringLiteral("out")), p.isSet(QStringLiteral("scores")), sinceOpen);
    const BacktestSummary& summary = reportData.summary;
    if (p.isSet(QStringLiteral("report")))
        HtmlReport::write(reportData, p.value(QStringLiteral("report")));

    QTextStream err(stderr);
    const SourceStats stats = source->stats();
    const QString description = printable(source->description());
    if (stats.outOfOrder > 0)
        err << QStringLiteral(
            "warning: %1: dropped %2 duplicate or out-of-order bar(s), the first at %3 (%4)\n")
                   .arg(description)
                   .arg(stats.outOfOrder)
                   .arg(stats.firstOutOfOrderMs)
                   .arg(TimeArgument::format(stats.firstOutOfOrderMs));
    if (stats.skippedRows > 0)
        err << QStringLiteral("warning: %1: skipped %2 malformed row(s), the first on line %3\n")
                   .arg(description)
                   .arg(stats.skippedRows)
                   .arg(stats.firstSkippedLine);
    if (stats.skippedNoPrice > 0)
        err << QStringLiteral("note: %1: %2 row(s) without prices skipped\n")
                   .arg(description)
                   .arg(stats.skippedNoPrice);
    if (summary.bars == 0)
        err << QStringLiteral("warning: %1: no bars in the selected range\n").arg(description);
    QTextStream(stdout) << QString::fromStdString(SummaryJson::toJson(summary).dump(1)) << '\n';
    return 0;
}

} // namespace veloce
