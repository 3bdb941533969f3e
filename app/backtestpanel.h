#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace veloce {

class SourcePicker;

// The backtest form: the source (SourcePicker: simulator, a file -- browse or drop it on the
// window -- or InfluxDB, and an optional UTC range) and the config (the current settings), then
// Run / Cancel with a progress bar and ETA. It only builds a SourceSpec; BacktestRunner does the
// work.
class BacktestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BacktestPanel(QWidget* parent = nullptr);

    // The source as the form describes it. Throws UsageError with a message for the user.
    SourceSpec sourceSpec(const Config& config) const;
    void setFile(const QString& path);
    void setSimulator(std::int64_t bars, quint64 seed);
    void setConfigSummary(const QString& text);

    void setRunning(bool running);
    void setProgress(double fraction, qint64 bars, double etaMs);
    void setStatus(const QString& text, bool error = false);
    QString statusText() const;

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void settingsRequested();

private:
    SourcePicker* m_source;
    QLabel* m_config;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
};

} // namespace veloce
