#include "backtestrunner.h"

#include "data/barsource.h"
#include "engine/backtester.h"
#include "engine/teesink.h"
#include "report/reportcollector.h"
#include "resultcollector.h"
#include "sourcefactory.h"
#include "types/configjson.h"

#include <QPointer>
#include <nlohmann/json.hpp>

namespace veloce {

BacktestRunner::BacktestRunner(QObject* parent)
    : QObject(parent)
    , m_workers(this)
{
    qRegisterMetaType<ResultPtr>();
    qRegisterMetaType<ReportPtr>();
}

BacktestRunner::~BacktestRunner() = default; // m_workers cancels and joins every worker

int BacktestRunner::start(const SourceSpec& source, const Config& config)
{
    cancel();
    const int run = ++m_run;
    m_active = run;
    m_clock.start();
    QPointer<BacktestRunner> self(this);

    // The worker owns copies of everything it reads; it talks back only through queued calls,
    // which Qt drops if the runner is gone.
    const RunWorkers::Body work = [self, run, source, config](const std::atomic<bool>* flag) {
        ResultPtr result;
        ReportPtr report;
        QString error;
        bool wasCancelled = false;
        try {
            QElapsedTimer sinceOpen;
            sinceOpen.start();
            std::unique_ptr<BarSource> src = SourceFactory::open(source, config);
            ResultCollector collector;
            ReportCollector reportCollector;
            TeeSink tee { &collector, &reportCollector };
            Backtester backtester(config);
            backtester.setCancelFlag(flag);
            BarSource* raw = src.get();
            backtester.setProgress([self, run, raw](double fraction, std::int64_t bars) {
                Q_UNUSED(fraction);
                const double f = raw->progress();
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, run, f, bars] {
                        if (self)
                            self->onProgress(run, f, bars);
                    },
                    Qt::QueuedConnection);
            });
            const BacktestSummary summary = backtester.run(*src, tee, sinceOpen);
            wasCancelled = summary.cancelled;
            auto r = std::make_shared<BacktestResult>();
            r->summary = summary;
            r->source = src->description();
            r->configJson = QString::fromStdString(ConfigJson::toJson(config, true).dump());
            r->configHash = ConfigJson::hash(config);
            r->minEntryScore = config.minEntryScore;
            collector.takeInto(*r);
            result = std::move(r);
            report
                = std::make_shared<ReportData>(reportCollector.result(summary, src->description(), config));
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, run, result, report, error, wasCancelled] {
                if (self)
                    self->onDone(run, result, report, error, wasCancelled);
            },
            Qt::QueuedConnection);
    };
    m_workers.start(run, QStringLiteral("veloce-backtest-%1").arg(run), work);
    Q_EMIT started(run);
    return run;
}

void BacktestRunner::cancel()
{
    if (m_active == 0)
        return;
    m_workers.cancel(m_active);
    const int run = m_active;
    m_active = 0; // whatever it still sends is stale now
    Q_EMIT cancelled(run);
}

void BacktestRunner::onProgress(int run, double fraction, qint64 bars)
{
    if (run != m_active)
        return;
    double eta = -1;
    if (fraction > 0.01 && fraction < 1)
        eta = double(m_clock.elapsed()) * (1 - fraction) / fraction;
    Q_EMIT progress(run, fraction, bars, eta);
}

void BacktestRunner::onDone(
    int run, ResultPtr result, ReportPtr report, const QString& error, bool wasCancelled)
{
    if (run != m_active)
        return; // a cancelled or superseded run: discard
    m_active = 0;
    if (!error.isEmpty())
        Q_EMIT failed(run, error);
    else if (wasCancelled)
        Q_EMIT cancelled(run);
    else
        Q_EMIT finished(run, std::move(result), std::move(report));
}

} // namespace veloce
