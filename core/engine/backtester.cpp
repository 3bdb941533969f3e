#include "engine/backtester.h"

#include "data/barsource.h"
#include "data/dataerror.h"
#include "engine/backtestsink.h"
#include "engine/barprocessor.h"

#include <cmath>

namespace veloce {

Backtester::Backtester(const Config& config)
    : m_config(config)
{
}

BacktestSummary Backtester::run(BarSource& source, BacktestSink& sink, const QElapsedTimer& sinceOpen)
{
    BarProcessor processor(m_config, sink);
    BacktestSummary summary;
    Bar bar;
    std::int64_t n = 0;
    while (source.next(bar)) {
        processor.process(bar);
        // The readers keep prices and volumes in BarLimits' ranges, yet compounding can still
        // overflow (a 1e12 price move on a 1e-12 entry); never write inf or NaN into a result.
        if (!std::isfinite(processor.lastEquity())) [[unlikely]]
            throw DataError(QStringLiteral("%1: the account's equity is no longer a finite number after the "
                                           "bar at %2 ms; the prices are beyond what the arithmetic can hold "
                                           "(see docs/input-rules.md)")
                                .arg(source.description())
                                .arg(bar.t));
        if ((++n & (kPollEvery - 1)) == 0) {
            if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
                summary.cancelled = true;
                break;
            }
            if (m_progress)
                m_progress(source.progress(), n);
        }
    }
    finish(processor, summary, source.symbol(), static_cast<double>(sinceOpen.nsecsElapsed()) / 1e6);
    if (m_progress)
        m_progress(1.0, n);
    return summary;
}

std::vector<BacktestSummary> Backtester::runLockstep(std::span<BarProcessor* const> processors,
    std::span<const Bar> bars, std::span<const ScoredBar> scored, const QString& symbol,
    const std::atomic<bool>* cancel, const Progress& progress)
{
    Q_ASSERT(bars.size() == scored.size());
    QElapsedTimer timer;
    timer.start();
    bool cancelled = false;
    const auto width = static_cast<std::int64_t>(processors.size());
    std::int64_t n = 0;
    // Chunk by chunk, each processor over the whole chunk in turn: the chunk's bars and scores stay
    // in cache for the next processor, and the branch predictor sees one account's history at a
    // time rather than the interleaved states of all of them.
    for (std::size_t from = 0; from < bars.size(); from += kLockstepChunk) {
        const std::size_t to = std::min(bars.size(), from + kLockstepChunk);
        for (BarProcessor* p : processors)
            p->process(bars.subspan(from, to - from), scored.subspan(from, to - from));
        const std::int64_t before = n;
        n = static_cast<std::int64_t>(to);
        if ((n & ~(kPollEvery - 1)) != (before & ~(kPollEvery - 1))) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                break;
            }
            if (progress)
                progress(static_cast<double>(n) / static_cast<double>(bars.size()), n * width);
        }
    }
    const double elapsedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::vector<BacktestSummary> summaries(processors.size());
    for (std::size_t k = 0; k < processors.size(); ++k) {
        finish(*processors[k], summaries[k], symbol, elapsedMs);
        summaries[k].cancelled = cancelled;
    }
    if (progress)
        progress(1.0, n * width);
    return summaries;
}

void Backtester::finish(
    BarProcessor& processor, BacktestSummary& summary, const QString& symbol, double elapsedMs)
{
    processor.closeAll(ExitReason::End);
    processor.finish(summary);
    summary.symbol = symbol;
    summary.elapsedMs = elapsedMs;
    summary.barsPerSecond = elapsedMs > 0 ? static_cast<double>(summary.bars) / (elapsedMs / 1000.0) : 0.0;
}

} // namespace veloce
