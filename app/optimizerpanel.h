#pragma once

#include "research/objective.h"
#include "research/walkforward.h"
#include "sourcespec.h"
#include "types/config.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace veloce {

class GridForm;
class SourcePicker;

// The Optimizer's form: the data (SourcePicker: the simulator, a file or InfluxDB), the parameter
// grid (GridForm, with how many configurations it makes), the objective and the worker threads,
// the walk-forward spans; then Run sweep / Run walk-forward / Cancel with progress (runs done of
// all, ETA) and a status line. It only builds values (SourceSpec, the grid object, the options);
// OptimizerRunner does the work.
class OptimizerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OptimizerPanel(QWidget* parent = nullptr);

    SourcePicker* source() const { return m_source; }
    GridForm* gridForm() const { return m_grid; }
    QPushButton* sweepButton() const { return m_sweep; }
    QPushButton* walkForwardButton() const { return m_walkForward; }
    QPushButton* cancelButton() const { return m_cancel; }

    // Throws UsageError with a message for the user.
    SourceSpec sourceSpec(const Config& config) const;
    Objective objective() const;
    void setObjective(const QString& key);
    int jobs() const;
    void setJobs(int jobs);
    // The spans, objective and threads of a walk-forward. Throws UsageError naming the field.
    WalkForward::Options walkForwardOptions() const;
    void setWalkForwardSpans(const QString& train, const QString& test, const QString& step = QString());

    // "126 configurations" under the grid, or what is wrong with it.
    void setGridSummary(const QString& text, bool error);
    QString gridSummary() const;
    void setRunning(bool running);
    // runsTotal 0: the bars are being read and the grid checked.
    void setProgress(qint64 runsDone, qint64 runsTotal, double fraction, double etaMs);
    void setStatus(const QString& text, bool error = false);
    QString statusText() const;
    // The progress bar in percent (0..100) and its text ("100% — 8 of 8 runs").
    int progressPercent() const;
    QString progressText() const;

Q_SIGNALS:
    void sweepRequested();
    void walkForwardRequested();
    void cancelRequested();

private:
    SourcePicker* m_source;
    GridForm* m_grid;
    QLabel* m_gridSummary;
    QComboBox* m_objective;
    QSpinBox* m_jobs;
    QLineEdit* m_train;
    QLineEdit* m_test;
    QLineEdit* m_step;
    QPushButton* m_sweep;
    QPushButton* m_walkForward;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
};

} // namespace veloce
