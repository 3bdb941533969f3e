#include "optimizerpanel.h"

#include "clicommand.h"
#include "displayformat.h"
#include "durationargument.h"
#include "gridform.h"
#include "metrictext.h"
#include "sourcepicker.h"
#include "theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace veloce {

OptimizerPanel::OptimizerPanel(QWidget* parent)
    : QWidget(parent)
    , m_source(new SourcePicker(this))
    , m_grid(new GridForm(this))
    , m_gridSummary(new QLabel(this))
    , m_objective(new QComboBox(this))
    , m_jobs(new QSpinBox(this))
    , m_train(new QLineEdit(QStringLiteral("30d"), this))
    , m_test(new QLineEdit(QStringLiteral("7d"), this))
    , m_step(new QLineEdit(this))
    , m_sweep(new QPushButton(tr("Run sweep"), this))
    , m_walkForward(new QPushButton(tr("Run walk-forward"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("optimizerPanel"));
    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataLayout = new QVBoxLayout(data);
    dataLayout->addWidget(m_source);

    auto* grid = new QGroupBox(tr("Parameter grid"), this);
    auto* gridLayout = new QVBoxLayout(grid);
    gridLayout->addWidget(m_grid);
    m_gridSummary->setObjectName(QStringLiteral("gridSummary"));
    m_gridSummary->setWordWrap(true);
    gridLayout->addWidget(m_gridSummary);

    auto* run = new QGroupBox(tr("Objective"), this);
    auto* runForm = new QFormLayout(run);
    for (const QString& key : Objective::keys()) {
        const Objective o = *Objective::fromKey(key);
        m_objective->addItem(QStringLiteral("%1 (%2)").arg(MetricText::title(key), key), key);
        m_objective->setItemData(m_objective->count() - 1,
            o.minimised() ? tr("the smallest is best") : tr("the largest is best"), Qt::ToolTipRole);
    }
    m_objective->setObjectName(QStringLiteral("objective"));
    m_jobs->setRange(1, 256);
    m_jobs->setValue(std::max(1, QThread::idealThreadCount()));
    m_jobs->setToolTip(tr("Worker threads of the sweep (default: one per CPU)"));
    runForm->addRow(tr("Optimise"), m_objective);
    runForm->addRow(tr("Threads"), m_jobs);

    auto* walk = new QGroupBox(tr("Walk-forward"), this);
    auto* walkForm = new QFormLayout(walk);
    m_train->setToolTip(tr("In-sample span of each window: a whole number and s, m, h, d or w"));
    m_test->setToolTip(tr("Out-of-sample span that follows it"));
    m_step->setPlaceholderText(tr("as the test span"));
    m_step->setToolTip(tr("How far the windows move (at least the test span)"));
    walkForm->addRow(tr("Train"), m_train);
    walkForm->addRow(tr("Test"), m_test);
    walkForm->addRow(tr("Step"), m_step);

    m_sweep->setObjectName(QStringLiteral("runSweep"));
    m_sweep->setDefault(true);
    m_walkForward->setObjectName(QStringLiteral("runWalkForward"));
    m_cancel->setObjectName(QStringLiteral("cancelOptimizer"));
    m_cancel->setEnabled(false);
    m_progress->setObjectName(QStringLiteral("optimizerProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    m_status->setObjectName(QStringLiteral("optimizerStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_sweep, 1);
    buttons->addWidget(m_walkForward, 1);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(data);
    layout->addWidget(grid);
    layout->addWidget(run);
    layout->addWidget(walk);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setMinimumWidth(380);

    connect(m_sweep, &QPushButton::clicked, this, &OptimizerPanel::sweepRequested);
    connect(m_walkForward, &QPushButton::clicked, this, &OptimizerPanel::walkForwardRequested);
    connect(m_cancel, &QPushButton::clicked, this, &OptimizerPanel::cancelRequested);
}

SourceSpec OptimizerPanel::sourceSpec(const Config& config) const
{
    return m_source->sourceSpec(config);
}

Objective OptimizerPanel::objective() const
{
    return *Objective::fromKey(m_objective->currentData().toString());
}

void OptimizerPanel::setObjective(const QString& key)
{
    const int i = m_objective->findData(key);
    if (i >= 0)
        m_objective->setCurrentIndex(i);
}

int OptimizerPanel::jobs() const
{
    return m_jobs->value();
}

void OptimizerPanel::setJobs(int jobs)
{
    m_jobs->setValue(jobs);
}

WalkForward::Options OptimizerPanel::walkForwardOptions() const
{
    WalkForward::Options o;
    o.trainMs = DurationArgument::parse(m_train->text(), tr("Train"));
    o.testMs = DurationArgument::parse(m_test->text(), tr("Test"));
    o.stepMs
        = m_step->text().trimmed().isEmpty() ? o.testMs : DurationArgument::parse(m_step->text(), tr("Step"));
    if (o.stepMs < o.testMs)
        throw UsageError(tr("Step must be at least the test span: out-of-sample spans must not overlap"));
    o.jobs = jobs();
    o.objective = objective();
    return o;
}

void OptimizerPanel::setWalkForwardSpans(const QString& train, const QString& test, const QString& step)
{
    m_train->setText(train);
    m_test->setText(test);
    m_step->setText(step);
}

void OptimizerPanel::setGridSummary(const QString& text, bool error)
{
    m_gridSummary->setText(text);
    m_gridSummary->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? Theme::down() : Theme::mutedText()).name()));
}

QString OptimizerPanel::gridSummary() const
{
    return m_gridSummary->text();
}

void OptimizerPanel::setRunning(bool running)
{
    m_sweep->setText(running ? tr("Restart sweep") : tr("Run sweep"));
    m_walkForward->setText(running ? tr("Restart walk-forward") : tr("Run walk-forward"));
    m_cancel->setEnabled(running);
    m_progress->setRange(0, 1000);
    if (running) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("starting\u2026"));
    }
}

void OptimizerPanel::setProgress(qint64 runsDone, qint64 runsTotal, double fraction, double etaMs)
{
    if (runsTotal <= 0) {
        m_progress->setRange(0, 0); // busy: reading the bars, checking every combination
        m_progress->setFormat(tr("reading the bars\u2026"));
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    const QString runs
        = tr("%1 of %2 runs").arg(DisplayFormat::count(runsDone), DisplayFormat::count(runsTotal));
    m_progress->setFormat(etaMs >= 0 && fraction < 1 ? tr("%1% \u2014 %2 \u2014 about %3 left")
                                                           .arg(progressPercent())
                                                           .arg(runs, DisplayFormat::duration(etaMs))
                                                     : tr("%1% \u2014 %2").arg(progressPercent()).arg(runs));
}

int OptimizerPanel::progressPercent() const
{
    return m_progress->maximum() > 0 ? m_progress->value() * 100 / m_progress->maximum() : 0;
}

QString OptimizerPanel::progressText() const
{
    return m_progress->format();
}

void OptimizerPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? Theme::down() : Theme::mutedText()).name()));
}

QString OptimizerPanel::statusText() const
{
    return m_status->text();
}

} // namespace veloce
