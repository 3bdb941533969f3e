#pragma once

#include "engine/backtestsink.h"
#include "report/reportdata.h"
#include "report/stagedfolder.h"
#include "types/backtestsummary.h"

#include <QString>
#include <memory>
#include <string>

namespace veloce {

class OutputFile;

// Streams the CSV files of docs/strategy.md §7 as the run produces them (constant memory for any
// length of run) into a staged copy of the output folder; finish() adds summary.json and
// report-data.json and puts the folder in place as a whole (StagedFolder). Until then the folder
// holds whatever it held before; a run that throws leaves it untouched. Every write, flush and
// close is checked and fails with the OS reason.
class ResultWriter : public BacktestSink
{
public:
    // Checks that `dir` may be replaced and starts the staged copy. Throws DataError naming the
    // path when it cannot write.
    ResultWriter(const QString& dir, bool withScores);
    ~ResultWriter() override;
    ResultWriter(const ResultWriter&) = delete;
    ResultWriter& operator=(const ResultWriter&) = delete;

    void onSignal(const SignalRecord& rec) override;
    void onTrade(const Trade& trade) override;
    void onEquity(const EquityPoint& point) override;
    bool wantsBars() const override { return m_scores != nullptr; }
    void onBar(const Bar& bar, const PhaseScores& scores) override;

    // Completes the CSV files, writes summary.json and report-data.json, and replaces the folder.
    void finish(const BacktestSummary& summary, const ReportData& report);

private:
    struct Csv;
    std::unique_ptr<Csv> open(const char* name, const char* header);
    void append(Csv& csv);

    StagedFolder m_folder;
    std::unique_ptr<Csv> m_trades, m_signals, m_equity, m_scores;
};

} // namespace veloce
