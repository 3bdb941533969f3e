#pragma once

#include "engine/backtestsink.h"
#include "types/backtestsummary.h"

#include <QString>
#include <cstdio>
#include <string>

namespace veloce {

// Streams the CSV files of docs/strategy.md §7 into an output folder as the run produces them
// (constant memory for any length of run), then writes summary.json.
class ResultWriter : public BacktestSink
{
public:
    // Creates `dir` if needed. Throws DataError naming the path when it cannot write.
    ResultWriter(const QString& dir, bool withScores);
    ~ResultWriter() override;
    ResultWriter(const ResultWriter&) = delete;
    ResultWriter& operator=(const ResultWriter&) = delete;

    void onSignal(const SignalRecord& rec) override;
    void onTrade(const Trade& trade) override;
    void onEquity(const EquityPoint& point) override;
    bool wantsBars() const override { return m_scores != nullptr; }
    void onBar(const Bar& bar, const PhaseScores& scores) override;

    // Flushes and closes the CSV files and writes summary.json.
    void finish(const BacktestSummary& summary);

private:
    std::FILE* openFile(const char* name, const char* header);
    void flush(std::FILE* f, std::string& buf, bool force);
    void closeAll();

    QString m_dir;
    std::FILE* m_trades = nullptr;
    std::FILE* m_signals = nullptr;
    std::FILE* m_equity = nullptr;
    std::FILE* m_scores = nullptr;
    std::string m_tradesBuf, m_signalsBuf, m_equityBuf, m_scoresBuf;
};

} // namespace veloce
