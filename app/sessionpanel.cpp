#include "sessionpanel.h"

#include "clicommand.h"
#include "theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace veloce {

SessionPanel::SessionPanel(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_broker(new QComboBox(this))
    , m_seed(new QLineEdit(QStringLiteral("42"), this))
    , m_path(new QLineEdit(this))
    , m_markets(new QLineEdit(this))
    , m_binance(new QLineEdit(QStringLiteral("btcusdt"), this))
    , m_speed(new QDoubleSpinBox(this))
    , m_start(new QPushButton(tr("Start session"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_record(new QPushButton(tr("Record market data\u2026"), this))
    , m_recordState(new QLabel(this))
    , m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("sessionPanel"));
    m_kind->addItem(tr("Simulator (built in)"));
    m_kind->addItem(tr("Replay a file"));
    m_kind->addItem(tr("InfluxDB (live)"));
    m_broker->setObjectName(QStringLiteral("sessionBroker"));
    m_broker->addItem(tr("Paper (simulated fills)"));
    m_broker->addItem(tr("FreqTrade dry-run"));
    m_broker->addItem(tr("FreqTrade LIVE (real orders)"));
    m_broker->setToolTip(tr("FreqTrade uses the freqtrade_* settings; the bot must be in the chosen mode, "
                            "and live asks you to type a confirmation"));
    m_kind->addItem(tr("Binance (live)"));
    m_binance->setObjectName(QStringLiteral("binanceMarkets"));
    m_binance->setToolTip(
        tr("Binance markets, comma separated; the first gives the price, volumes are summed. "
           "\"btcusdt\" uses the venue of the settings (binance_venue); \"spot:btcusdt\" "
           "or \"futures:btcusdt\" choose it."));
    m_record->setObjectName(QStringLiteral("recordMarket"));
    m_record->setToolTip(
        tr("Write the running session's trades as Binance aggTrades files, to backtest later"));
    m_record->setEnabled(false);
    m_recordState->setWordWrap(true);
    m_path->setPlaceholderText(tr("CSV or CSV.gz with bars, klines or trades"));
    m_markets->setPlaceholderText(tr("from the settings (influx_markets)"));
    m_speed->setRange(0, 100000);
    m_speed->setDecimals(1);
    m_speed->setValue(1);
    m_speed->setSuffix(tr(" \u00d7"));
    m_speed->setSpecialValueText(tr("as fast as possible"));
    m_speed->setToolTip(tr("Pace of the simulator and of replays, in multiples of real time"));
    m_stop->setEnabled(false);
    m_state->setWordWrap(true);
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Source"), m_kind);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("File"), pathRow);
    form->addRow(tr("Markets"), m_markets);
    form->addRow(tr("Binance market"), m_binance);
    form->addRow(tr("Speed"), m_speed);
    form->addRow(tr("Orders"), m_broker);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start, 1);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_state);
    layout->addWidget(m_record);
    layout->addWidget(m_recordState);
    layout->addStretch(1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Replay market data"), m_path->text(),
            tr("Market data (*.csv *.csv.gz *.gz);;All files (*)"));
        if (!path.isEmpty()) {
            m_path->setText(path);
            m_kind->setCurrentIndex(1);
        }
    });
    connect(m_record, &QPushButton::clicked, this, [this] {
        if (m_recording) {
            Q_EMIT stopRecordingRequested();
            return;
        }
        const QString first = m_binance->text().section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), -1);
        const QString name
            = QStringLiteral("%1-aggTrades-%2.csv.gz")
                  .arg(first.trimmed().toUpper(),
                      QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd-HHmmss")));
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Record market data"), name, tr("Binance aggTrades (*.csv.gz *.csv);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT recordRequested(path);
    });
    connect(m_start, &QPushButton::clicked, this, &SessionPanel::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &SessionPanel::stopRequested);
}

SourceSpec SessionPanel::sourceSpec(const Config& config) const
{
    SourceSpec s;
    s.seed = config.simulatorSeed;
    switch (m_kind->currentIndex()) {
    case 0: {
        s.kind = SourceSpec::Kind::Simulator;
        s.simulateBars = 0; // endless
        bool ok = false;
        s.seed = m_seed->text().trimmed().toULongLong(&ok);
        if (!ok)
            throw UsageError(tr("Seed: \"%1\" is not a whole number").arg(m_seed->text()));
        break;
    }
    case 1:
        s.kind = SourceSpec::Kind::File;
        s.path = m_path->text().trimmed();
        if (s.path.isEmpty())
            throw UsageError(tr("Choose a file to replay"));
        break;
    case 3:
        s.kind = SourceSpec::Kind::Binance;
        s.binanceMarkets = m_binance->text().trimmed();
        if (s.binanceMarkets.isEmpty())
            throw UsageError(tr("Binance needs a market, e.g. btcusdt"));
        break;
    default:
        s.kind = SourceSpec::Kind::Influx;
        s.influxDatabase = config.influxDatabase;
        s.markets = config.influxMarkets;
        if (!m_markets->text().trimmed().isEmpty()) {
            s.markets.clear();
            for (const QString& m : m_markets->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                s.markets << m.trimmed();
        }
        if (s.markets.isEmpty())
            throw UsageError(tr("InfluxDB needs at least one market (or influx_markets in the settings)"));
        break;
    }
    return s;
}

QString SessionPanel::broker() const
{
    return m_broker->currentIndex() == 0 ? QStringLiteral("paper") : QStringLiteral("freqtrade");
}

TradingMode SessionPanel::brokerMode() const
{
    switch (m_broker->currentIndex()) {
    case 1:
        return TradingMode::DryRun;
    case 2:
        return TradingMode::Live;
    default:
        return TradingMode::Paper;
    }
}

double SessionPanel::speed() const
{
    return m_speed->value();
}

void SessionPanel::setSpeed(double speed)
{
    m_speed->setValue(speed);
}

void SessionPanel::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    if (!running)
        setRecordable(false);
}

void SessionPanel::setRecordable(bool recordable)
{
    m_record->setEnabled(recordable);
    if (!recordable && m_recording)
        m_record->setText(tr("Record market data\u2026"));
    if (!recordable)
        m_recording = false;
}

void SessionPanel::setRecording(bool recording, const QString& text)
{
    m_recording = recording;
    m_record->setText(recording ? tr("Stop recording") : tr("Record market data\u2026"));
    m_recordState->setText(recording ? tr("Recording to %1").arg(text) : text);
}

void SessionPanel::setBinanceMarkets(const QString& markets)
{
    m_binance->setText(markets);
    m_kind->setCurrentIndex(3);
}

void SessionPanel::setState(const QString& text, bool error)
{
    m_state->setText(text);
    m_state->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? Theme::down() : Theme::mutedText()).name()));
}

QString SessionPanel::stateText() const
{
    return m_state->text();
}

} // namespace veloce
