#include "backtestpanel.h"

#include "displayformat.h"
#include "sourcepicker.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace veloce {

BacktestPanel::BacktestPanel(QWidget* parent)
    : QWidget(parent)
    , m_source(new SourcePicker(this))
    , m_config(new QLabel(this))
    , m_run(new QPushButton(tr("Run backtest"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("backtestPanel"));
    m_config->setWordWrap(true);
    m_config->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    auto* settings = new QPushButton(tr("Settings\u2026"), this);

    m_run->setObjectName(QStringLiteral("runBacktest"));
    m_run->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelBacktest"));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QString());
    m_status->setObjectName(QStringLiteral("backtestStatus"));
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    auto* configRow = new QHBoxLayout;
    configRow->addWidget(m_config, 1);
    configRow->addWidget(settings);
    layout->addLayout(configRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run, 1);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(settings, &QPushButton::clicked, this, &BacktestPanel::settingsRequested);
    connect(m_run, &QPushButton::clicked, this, &BacktestPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &BacktestPanel::cancelRequested);
}

void BacktestPanel::setFile(const QString& path)
{
    m_source->setFile(path);
}

void BacktestPanel::setSimulator(std::int64_t bars, quint64 seed)
{
    m_source->setSimulator(bars, seed);
}

void BacktestPanel::setConfigSummary(const QString& text)
{
    m_config->setText(text);
}

SourceSpec BacktestPanel::sourceSpec(const Config& config) const
{
    return m_source->sourceSpec(config);
}

void BacktestPanel::setRunning(bool running)
{
    m_run->setText(running ? tr("Restart backtest") : tr("Run backtest"));
    m_cancel->setEnabled(running);
    if (running) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progress->setFormat(tr("starting\u2026"));
    } else {
        m_progress->setRange(0, 1000);
    }
}

void BacktestPanel::setProgress(double fraction, qint64 bars, double etaMs)
{
    if (fraction < 0) {
        m_progress->setRange(0, 0); // busy indicator: the source cannot tell how far it is
        m_progress->setFormat(tr("%1 bars").arg(DisplayFormat::count(bars)));
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(fraction * 1000));
    m_progress->setFormat(etaMs >= 0
            ? tr("%1% \u2014 %2 bars \u2014 about %3 left")
                  .arg(int(fraction * 100))
                  .arg(DisplayFormat::count(bars), DisplayFormat::duration(etaMs))
            : tr("%1% \u2014 %2 bars").arg(int(fraction * 100)).arg(DisplayFormat::count(bars)));
}

void BacktestPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? Theme::down() : Theme::mutedText()).name()));
    if (!error && text.isEmpty())
        m_progress->setFormat(QString());
}

QString BacktestPanel::statusText() const
{
    return m_status->text();
}

} // namespace veloce
