#include "sweepoutput.h"

#include "data/memorybarsource.h"
#include "report/resultfolder.h"
#include "report/sweepfolder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTextStream>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace veloce {

void SweepOutput::write(const SweepResult& result, const SweepPlan& plan,
    const std::vector<std::shared_ptr<const MarketData>>& markets, const QString& dir)
{
    SweepFolder::write(result, dir);
    nlohmann::ordered_json out;
    out["configurations"] = static_cast<std::int64_t>(result.configs.size());
    out["objective"] = result.objective.key().toStdString();
    if (result.best >= 0) {
        for (const auto& market : markets) {
            QString bestDir = QDir(dir).filePath(QStringLiteral("best"));
            if (markets.size() > 1)
                bestDir = QDir(bestDir).filePath(market->label);
            QElapsedTimer sinceOpen;
            sinceOpen.start();
            MemoryBarSource source(market->bars, market->source, market->symbol);
            ResultFolder::backtest(source, plan.config(result.best), bestDir, false, sinceOpen);
        }
        const SweepRank& best = result.ranking.front();
        nlohmann::ordered_json b;
        b["index"] = result.best;
        b["values"] = result.grid.values(result.best);
        b["worst_objective"] = best.worst ? nlohmann::ordered_json(*best.worst) : nlohmann::ordered_json();
        out["best"] = b;
        nlohmann::ordered_json checks = nlohmann::ordered_json::array();
        for (const OverfittingCheck& c : result.checks) {
            nlohmann::ordered_json j;
            j["market"] = result.markets[c.market].label.toStdString();
            const auto& dsr = c.deflatedSharpe.probability;
            const auto& pbo = c.overfitting.probability;
            j["deflated_sharpe"] = dsr ? nlohmann::ordered_json(*dsr) : nlohmann::ordered_json();
            j["pbo"] = pbo ? nlohmann::ordered_json(*pbo) : nlohmann::ordered_json();
            checks.push_back(j);
        }
        out["overfitting"] = checks;
    }
    out["elapsed_ms"] = result.elapsedMs;
    out["out"] = dir.toStdString();
    QTextStream(stdout) << QString::fromStdString(out.dump(1)) << '\n';
}

void SweepOutput::printProgress(const QString& what, const SweepProgress& p)
{
    static qint64 lastSecond = -1;
    const qint64 second = static_cast<qint64>(p.elapsedMs / 1000);
    if (second == lastSecond && p.fraction < 1)
        return;
    lastSecond = second;
    const bool tty = isatty(fileno(stderr));
    QString line = QStringLiteral("%1: %2 % (%3/%4 runs)")
                       .arg(what)
                       .arg(static_cast<int>(p.fraction * 100))
                       .arg(p.runsDone)
                       .arg(p.runsTotal);
    if (p.etaMs >= 0)
        line += QStringLiteral(", %1 s left").arg(p.etaMs / 1000, 0, 'f', 1);
    QTextStream err(stderr);
    err << (tty ? QStringLiteral("\r%1   ").arg(line) : line + QLatin1Char('\n'));
    if (tty && p.fraction >= 1)
        err << '\n';
}

} // namespace veloce
