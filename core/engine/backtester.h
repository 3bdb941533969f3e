#pragma once

#include "types/backtestsummary.h"
#include "types/config.h"

#include <QElapsedTimer>
#include <atomic>
#include <functional>

namespace veloce {

class BarSource;
class BacktestSink;

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

private:
    static constexpr std::int64_t kPollEvery = 1 << 16;
    Config m_config;
    const std::atomic<bool>* m_cancel = nullptr;
    Progress m_progress;
};

} // namespace veloce
