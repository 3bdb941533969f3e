#pragma once

#include "strategy/scoredbar.h"
#include "types/backtestsummary.h"
#include "types/bar.h"
#include "types/config.h"

#include <QElapsedTimer>
#include <atomic>
#include <functional>
#include <span>
#include <vector>

namespace veloce {

class BarSource;
class BacktestSink;
class BarProcessor;

// Runs the strategy over a finite source in a tight loop: no event loop, no signals/slots.
// Cancellation and progress are polled every kPollEvery bars so they cost nothing per bar.
class Backtester
{
public:
    using Progress = std::function<void(double fraction, std::int64_t bars)>;

    explicit Backtester(const Config& config);

    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // `sinceOpen` started when the source was opened, so elapsed_ms includes reading.
    BacktestSummary run(BarSource& source, BacktestSink& sink, const QElapsedTimer& sinceOpen);
    // Several configurations in lockstep over bars in memory whose step 3 a shared stream computed
    // (`scored[i]` for `bars[i]`, see BarProcessor::process(bar, scored)): what a parameter sweep
    // does. Chunk by chunk (kLockstepChunk bars), each processor over the whole chunk in turn, so
    // the chunk stays in the cache for all of them; every processor runs exactly as it would
    // alone. Their sinks must not want bars. Cancel and progress (bars × processors) as for run();
    // elapsed_ms is the whole loop's.
    static std::vector<BacktestSummary> runLockstep(std::span<BarProcessor* const> processors,
        std::span<const Bar> bars, std::span<const ScoredBar> scored, const QString& symbol,
        const std::atomic<bool>* cancel, const Progress& progress);

    // End of data, for every kind of run: closes what is open at the last close (reason "end"),
    // emits the final equity row and fills the summary.
    static void finish(
        BarProcessor& processor, BacktestSummary& summary, const QString& symbol, double elapsedMs);

private:
    static constexpr std::int64_t kPollEvery = 1 << 16;
    // Bars per chunk of runLockstep: 2,048 bars and their scores are 176 kB, within L2.
    static constexpr std::size_t kLockstepChunk = 2048;
    Config m_config;
    const std::atomic<bool>* m_cancel = nullptr;
    Progress m_progress;
};

} // namespace veloce
