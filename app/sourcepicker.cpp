#include "sourcepicker.h"

#include "clicommand.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace veloce {

SourcePicker::SourcePicker(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_simBars(new QSpinBox(this))
    , m_simSeed(new QLineEdit(QStringLiteral("42"), this))
    , m_path(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_influxUrl(new QLineEdit(this))
    , m_influxDb(new QLineEdit(this))
    , m_markets(new QLineEdit(this))
    , m_limit(new QCheckBox(tr("Only from / to (UTC)"), this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("sourcePicker"));
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_kind->addItem(tr("Simulator"));
    m_kind->addItem(tr("File"));
    m_kind->addItem(tr("InfluxDB"));

    auto* sim = new QWidget;
    auto* simForm = new QFormLayout(sim);
    simForm->setContentsMargins(0, 0, 0, 0);
    m_simBars->setRange(1000, 2'000'000'000);
    m_simBars->setSingleStep(100000);
    m_simBars->setValue(86400);
    m_simBars->setGroupSeparatorShown(true);
    m_simBars->setSuffix(tr(" bars"));
    simForm->addRow(tr("Length"), m_simBars);
    simForm->addRow(tr("Seed"), m_simSeed);

    auto* file = new QWidget;
    auto* fileForm = new QFormLayout(file);
    fileForm->setContentsMargins(0, 0, 0, 0);
    m_path->setObjectName(QStringLiteral("sourceFile"));
    m_path->setPlaceholderText(tr("CSV or CSV.gz \u2014 or drop a file on the window"));
    auto* browse = new QPushButton(tr("Browse\u2026"), file);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    fileForm->addRow(tr("File"), pathRow);
    // The other formats are shown by the names --format takes; only "auto" needs words.
    m_format->addItem(tr("auto-detect"), QStringLiteral("auto"));
    for (const char* format : { "klines", "aggtrades", "trades", "bars" })
        m_format->addItem(QString::fromLatin1(format), QString::fromLatin1(format));
    fileForm->addRow(tr("Format"), m_format);

    auto* influx = new QWidget;
    auto* influxForm = new QFormLayout(influx);
    influxForm->setContentsMargins(0, 0, 0, 0);
    m_influxUrl->setPlaceholderText(tr("from the settings (influx_host, influx_port)"));
    m_influxDb->setPlaceholderText(tr("from the settings (influx_database)"));
    m_markets->setPlaceholderText(tr("e.g. BINANCE:btcusdt, BINANCE_FUTURES:btcusdt"));
    influxForm->addRow(tr("URL"), m_influxUrl);
    influxForm->addRow(tr("Database"), m_influxDb);
    influxForm->addRow(tr("Markets"), m_markets);

    m_pages->addWidget(sim);
    m_pages->addWidget(file);
    m_pages->addWidget(influx);

    for (QDateTimeEdit* e : { m_from, m_to }) {
        e->setTimeSpec(Qt::UTC); // Qt 6.4 (Debian 12) has no setTimeZone(); bar times are UTC
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    m_from->setDateTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()));
    m_to->setDateTime(QDateTime(QDate(2024, 2, 1), QTime(0, 0), QTimeZone::utc()));

    auto* form = new QFormLayout;
    form->addRow(tr("Source"), m_kind);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    layout->addWidget(m_limit);
    auto* range = new QFormLayout;
    range->addRow(tr("From"), m_from);
    range->addRow(tr("To"), m_to);
    layout->addLayout(range);

    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_limit, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_limit, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, &SourcePicker::browse);
}

void SourcePicker::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open market data"), m_path->text(), tr("Market data (*.csv *.csv.gz *.gz);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void SourcePicker::setFile(const QString& path)
{
    m_kind->setCurrentIndex(1);
    m_path->setText(path);
}

void SourcePicker::setSimulator(std::int64_t bars, quint64 seed)
{
    m_kind->setCurrentIndex(0);
    m_simBars->setValue(int(std::min<std::int64_t>(bars, m_simBars->maximum())));
    m_simSeed->setText(QString::number(seed));
}

SourceSpec SourcePicker::sourceSpec(const Config& config) const
{
    SourceSpec s;
    s.seed = config.simulatorSeed;
    switch (m_kind->currentIndex()) {
    case 0: {
        s.kind = SourceSpec::Kind::Simulator;
        s.simulateBars = m_simBars->value();
        bool ok = false;
        s.seed = m_simSeed->text().trimmed().toULongLong(&ok);
        if (!ok)
            throw UsageError(tr("Seed: \"%1\" is not a whole number").arg(m_simSeed->text()));
        break;
    }
    case 1:
        s.kind = SourceSpec::Kind::File;
        s.path = m_path->text().trimmed();
        s.format = m_format->currentData().toString();
        if (s.path.isEmpty())
            throw UsageError(tr("Choose a data file (Browse, or drop one on the window)"));
        break;
    default:
        s.kind = SourceSpec::Kind::Influx;
        s.influxUrl = m_influxUrl->text().trimmed();
        s.influxDatabase
            = m_influxDb->text().trimmed().isEmpty() ? config.influxDatabase : m_influxDb->text().trimmed();
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
    if (m_limit->isChecked()) {
        s.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        s.toMs = m_to->dateTime().toMSecsSinceEpoch();
        if (s.fromMs >= s.toMs)
            throw UsageError(tr("\"From\" must be before \"To\""));
    }
    return s;
}

} // namespace veloce
