#include "walkforwardcommand.h"

#include "cliparser.h"
#include "durationargument.h"
#include "engine/teesink.h"
#include "report/reportcollector.h"
#include "report/resultwriter.h"
#include "report/walkforwardfolder.h"
#include "research/walkforward.h"
#include "researchinputs.h"
#include "sweepoutput.h"
#include "timeargument.h"

#include <QDir>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace veloce {

int WalkForwardCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral(
            "Walk-forward analysis: in each window every configuration of --grid runs on --train, "
            "the best by --objective then trades the following --test span. Writes "
            "walkforward.csv, walkforward.json (with the walk-forward efficiency) and the "
            "stitched out-of-sample run as a result folder in OUT/out-of-sample (docs/research.md)."));
    ResearchInputs inputs(p, false);
    p.addOption({ QStringLiteral("out"), QStringLiteral("Output folder (created if missing)."),
        QStringLiteral("dir") });
    p.addOption({ QStringLiteral("train"), QStringLiteral("In-sample span per window, e.g. 30d."),
        QStringLiteral("span") });
    p.addOption({ QStringLiteral("test"), QStringLiteral("Out-of-sample span per window, e.g. 7d."),
        QStringLiteral("span") });
    p.addOption({ QStringLiteral("step"),
        QStringLiteral("How far windows move (default: --test; at least --test)."), QStringLiteral("span") });
    if (!p.parse(arguments))
        return 0;
    for (const char* required : { "out", "train", "test" })
        if (!p.isSet(QLatin1String(required)))
            throw UsageError(QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    inputs.read();
    WalkForward::Options options;
    options.trainMs = DurationArgument::parse(p.value(QStringLiteral("train")), QStringLiteral("--train"));
    options.testMs = DurationArgument::parse(p.value(QStringLiteral("test")), QStringLiteral("--test"));
    options.stepMs = p.isSet(QStringLiteral("step"))
        ? DurationArgument::parse(p.value(QStringLiteral("step")), QStringLiteral("--step"))
        : options.testMs;
    if (options.stepMs < options.testMs)
        throw UsageError(
            QStringLiteral("--step must be at least --test: out-of-sample spans must not overlap"));
    options.jobs = inputs.jobs();
    options.blocks = inputs.blocks();
    options.objective = inputs.objective();

    const auto market = inputs.loadMarkets().front();
    if (WalkForward::windows(market->startMs(), market->endMs(), options).empty())
        throw UsageError(
            QStringLiteral("the data spans %1 to %2: shorter than --train plus a test window")
                .arg(TimeArgument::format(market->startMs()), TimeArgument::format(market->endMs())));

    const QString out = p.value(QStringLiteral("out"));
    const QString stitchedDir = QDir(out).filePath(QLatin1String(WalkForwardFolder::kStitched));
    ResultWriter writer(stitchedDir, false);
    ReportCollector collector;
    TeeSink sinks { &writer, &collector };
    const WalkForwardResult result
        = WalkForward::run(inputs.plan(), market, options, sinks, nullptr, [](const SweepProgress& progress) {
              SweepOutput::printProgress(QStringLiteral("walkforward"), progress);
          });
    // summary.json and report-data.json complete the staged folder, which then replaces stitchedDir.
    writer.finish(result.stitched,
        collector.result(result.stitched,
            QStringLiteral("%1, walk-forward out of sample (%2 windows, see walkforward.csv)")
                .arg(market->source)
                .arg(result.windows.size()),
            inputs.base()));
    WalkForwardFolder::write(result, out);

    nlohmann::ordered_json summary;
    summary["windows"] = result.windows.size();
    summary["configurations"] = inputs.plan().size();
    summary["objective"] = inputs.objective().key().toStdString();
    summary["walk_forward_efficiency"]
        = result.efficiency ? nlohmann::ordered_json(*result.efficiency) : nlohmann::ordered_json();
    summary["out_of_sample_total_return"] = result.stitched.totalReturn;
    summary["out_of_sample_annualised_return"] = result.stitchedAnnualReturn;
    summary["out_of_sample_trades"] = result.stitched.totalTrades;
    summary["elapsed_ms"] = result.elapsedMs;
    summary["out"] = out.toStdString();
    QTextStream(stdout) << QString::fromStdString(summary.dump(1)) << '\n';
    return 0;
}

} // namespace veloce
