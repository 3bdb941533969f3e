#pragma once

#include "report/reportdata.h"
#include "runworkers.h"
#include "sourcespec.h"
#include "types/backtestresult.h"
#include "types/config.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace veloce {

// Runs backtests for the GUI on worker threads: the same SourceFactory + Backtester as
// `veloce-cli backtest` (so the numbers are the same), collecting a BacktestResult for the
// dashboard and a ReportData for "Export HTML report". Progress arrives as queued signals with an
// ETA; cancel() sets the run's flag, which the backtester polls. Every run has an id and only the
// newest one reports: starting a run cancels the previous one and discards whatever it produces.
class BacktestRunner : public QObject
{
    Q_OBJECT
public:
    using ResultPtr = std::shared_ptr<const BacktestResult>;
    using ReportPtr = std::shared_ptr<const ReportData>;

    explicit BacktestRunner(QObject* parent = nullptr);
    ~BacktestRunner() override; // cancels and joins every worker

    int start(const SourceSpec& source, const Config& config);
    void cancel();
    bool isRunning() const { return m_active != 0; }
    int currentRun() const { return m_run; }
    // Workers still alive (a cancelled run winds down in the background).
    int workerCount() const { return m_workers.count(); }

Q_SIGNALS:
    void started(int run);
    // fraction in 0..1, or -1 when the source cannot tell; etaMs -1 when unknown.
    void progress(int run, double fraction, qint64 bars, double etaMs);
    void finished(
        int run, veloce::BacktestRunner::ResultPtr result, veloce::BacktestRunner::ReportPtr report);
    void failed(int run, const QString& message);
    void cancelled(int run);

private:
    void onProgress(int run, double fraction, qint64 bars);
    void onDone(int run, ResultPtr result, ReportPtr report, const QString& error, bool wasCancelled);

    RunWorkers m_workers;
    int m_run = 0;
    int m_active = 0; // id of the run that may still report, 0 when none
    QElapsedTimer m_clock;
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::BacktestRunner::ResultPtr)
Q_DECLARE_METATYPE(veloce::BacktestRunner::ReportPtr)
