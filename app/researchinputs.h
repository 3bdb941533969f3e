#pragma once

#include "cliparser.h"
#include "research/marketdata.h"
#include "research/objective.h"
#include "research/sweepplan.h"
#include "sourcespec.h"

#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

namespace veloce {

// What sweep, sweep-merge and walkforward read from the command line, spelled and validated once:
// the data (CliParser's source options, --data repeatable for several markets), --grid, --config,
// --objective, --jobs, --blocks.
// Builds the SweepPlan (every invalid combination reported as the config loader reports it) and
// decodes the markets once.
class ResearchInputs
{
public:
    explicit ResearchInputs(CliParser& parser, bool severalMarkets);

    // After parse(). Throws UsageError / ConfigError.
    void read();

    const Config& base() const { return m_base; }
    const SweepPlan& plan() const { return *m_plan; }
    const Objective& objective() const { return m_objective; }
    int jobs() const { return m_jobs; }
    int blocks() const { return m_blocks; }
    // One source per market, in command-line order.
    const std::vector<SourceSpec>& sources() const { return m_sources; }
    // Decodes every market (stderr notes per file). Throws DataError.
    std::vector<std::shared_ptr<const MarketData>> loadMarkets() const;
    // Decodes one market as loadMarkets() does (with the file's SHA-256 for sweep.json); null
    // when `cancel` was set meanwhile; the bars may be empty. Throws DataError. The Optimizer
    // view reads its data through this too.
    static std::shared_ptr<const MarketData> loadMarket(const SourceSpec& spec, const Config& base,
        const QString& label, const std::atomic<bool>* cancel = nullptr);
    // The `market` label of a source: the file name without .csv/.gz, simulator-SEED, ...
    static QString label(const SourceSpec& spec);
    // The options to hand to another veloce-cli process for the same inputs (absolute paths),
    // without --jobs.
    QStringList forwardedArguments() const;

private:
    CliParser& m_parser;
    Config m_base;
    std::unique_ptr<SweepPlan> m_plan;
    Objective m_objective;
    int m_jobs = 1;
    int m_blocks = 16;
    std::vector<SourceSpec> m_sources;
};

} // namespace veloce
