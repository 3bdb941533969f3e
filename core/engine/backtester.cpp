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
    const double elapsedMs = static_cast<double>(sinceOpen.nsecsElapsed()) / 1e6;
    processor.closeAll(ExitReason::End);
    processor.finish(summary);
    summary.symbol = source.symbol();
    summary.elapsedMs = elapsedMs;
    summary.barsPerSecond = elapsedMs > 0 ? static_cast<double>(summary.bars) / (elapsedMs / 1000.0) : 0.0;
    if (m_progress)
        m_progress(1.0, n);
    return summary;
}

} // namespace veloce
