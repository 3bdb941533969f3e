#include "settingsdialog.h"

#include "languagechooser.h"
#include "theme.h"
#include "types/configjson.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace veloce {

using nlohmann::json;

namespace {
// Keys whose values are one of a few words: a combo box instead of free text. The schema still
// validates them; this only saves typing.
QStringList choicesFor(const QString& key)
{
    if (key == QLatin1String("squeeze_keltner"))
        return { QStringLiteral("range"), QStringLiteral("atr") };
    if (key == QLatin1String("heartbeat_action"))
        return { QStringLiteral("alert"), QStringLiteral("halt") };
    if (key == QLatin1String("binance_venue"))
        return { QStringLiteral("futures"), QStringLiteral("spot") };
    if (key == QLatin1String("mode"))
        return { QStringLiteral("backtest"), QStringLiteral("paper"), QStringLiteral("dry_run"),
            QStringLiteral("live") };
    return {};
}

QString numberText(const json& v)
{
    return QString::fromStdString(v.dump());
}
} // namespace

SettingsDialog::SettingsDialog(const Config& config, QWidget* parent)
    : QDialog(parent)
    , m_config(config)
    , m_tabs(new QTabWidget(this))
    , m_summary(new QLabel(this))
    , m_language(new LanguageChooser(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &SettingsDialog::restoreDefaults);
    m_summary->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::down().lighter(120).name()));
    m_summary->setWordWrap(true);
    auto* note
        = new QLabel(tr("The same settings and rules as a config file for veloce-cli (--config). They apply "
                        "to the next backtest and the next paper session."),
            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_language);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    build(config);
    resize(640, 620);
}

QString SettingsDialog::groupOf(const QString& key) const
{
    if (key.startsWith(QLatin1String("influx_")))
        return tr("InfluxDB");
    if (key.startsWith(QLatin1String("binance_")))
        return tr("Binance");
    if (key.startsWith(QLatin1String("freqtrade_")) || key == QLatin1String("mode"))
        return tr("Execution");
    if (key.startsWith(QLatin1String("heartbeat_")) || key.startsWith(QLatin1String("simulator_")))
        return tr("Safety and simulator");
    static const QStringList risk = { QStringLiteral("initial_capital"), QStringLiteral("leverage"),
        QStringLiteral("fee_rate"), QStringLiteral("slippage_bps"), QStringLiteral("base_risk_per_trade"),
        QStringLiteral("max_open_positions"), QStringLiteral("max_drawdown_percent") };
    if (risk.contains(key))
        return tr("Account and risk");
    return tr("Strategy");
}

QString SettingsDialog::labelOf(const QString& key) const
{
    // "\u2013" ends its literal: lupdate would read the digit after it as part of the escape.
    static const QHash<QString, const char*> labels = {
        { QStringLiteral("squeeze_length"), QT_TR_NOOP("Squeeze length (bars)") },
        { QStringLiteral("squeeze_mult_bb"), QT_TR_NOOP("Bollinger multiplier") },
        { QStringLiteral("squeeze_mult_kc"), QT_TR_NOOP("Keltner multiplier") },
        { QStringLiteral("squeeze_keltner"), QT_TR_NOOP("Keltner band form") },
        { QStringLiteral("divergence_lookback"), QT_TR_NOOP("Divergence lookback (bars)") },
        { QStringLiteral("min_entry_score"), QT_TR_NOOP("Minimum entry score") },
        { QStringLiteral("position_size_by_score.0-3.9"),
            QT_TR_NOOP("Size at score 0\u2013"
                       "3.9") },
        { QStringLiteral("position_size_by_score.4-5"),
            QT_TR_NOOP("Size at score 4\u2013"
                       "5") },
        { QStringLiteral("position_size_by_score.6-7"),
            QT_TR_NOOP("Size at score 6\u2013"
                       "7") },
        { QStringLiteral("position_size_by_score.8+"), QT_TR_NOOP("Size at score 8+") },
        { QStringLiteral("entry_cooldown_s"), QT_TR_NOOP("Entry cooldown (s)") },
        { QStringLiteral("initial_capital"), QT_TR_NOOP("Initial capital") },
        { QStringLiteral("leverage"), QT_TR_NOOP("Leverage") },
        { QStringLiteral("fee_rate"), QT_TR_NOOP("Fee rate (fraction of notional)") },
        { QStringLiteral("slippage_bps"), QT_TR_NOOP("Slippage (basis points)") },
        { QStringLiteral("base_risk_per_trade"), QT_TR_NOOP("Risk per trade (fraction of equity)") },
        { QStringLiteral("max_open_positions"), QT_TR_NOOP("Max open positions") },
        { QStringLiteral("max_drawdown_percent"), QT_TR_NOOP("Max drawdown (fraction)") },
        { QStringLiteral("heartbeat_timeout_s"), QT_TR_NOOP("Heartbeat timeout (s)") },
        { QStringLiteral("heartbeat_action"), QT_TR_NOOP("On missed heartbeat") },
        { QStringLiteral("simulator_seed"), QT_TR_NOOP("Simulator seed") },
        { QStringLiteral("simulator_speed"), QT_TR_NOOP("Simulator speed (\u00d7 real time)") },
        { QStringLiteral("mode"), QT_TR_NOOP("Trading mode") },
        { QStringLiteral("influx_host"), QT_TR_NOOP("Host") },
        { QStringLiteral("influx_port"), QT_TR_NOOP("Port") },
        { QStringLiteral("influx_database"), QT_TR_NOOP("Database") },
        { QStringLiteral("influx_retention_policy"), QT_TR_NOOP("Retention policy") },
        { QStringLiteral("influx_measurement"), QT_TR_NOOP("Measurement") },
        { QStringLiteral("influx_markets"), QT_TR_NOOP("Markets (comma separated)") },
        { QStringLiteral("influx_user"), QT_TR_NOOP("User") },
        { QStringLiteral("influx_password"), QT_TR_NOOP("Password") },
        { QStringLiteral("influx_poll_interval_ms"), QT_TR_NOOP("Poll interval (ms)") },
        { QStringLiteral("influx_timeout_ms"), QT_TR_NOOP("Timeout (ms)") },
        { QStringLiteral("influx_stream_deadline_ms"), QT_TR_NOOP("History page deadline (ms)") },
        { QStringLiteral("binance_venue"), QT_TR_NOOP("Venue of markets without spot:/futures:") },
        { QStringLiteral("binance_ws_url"), QT_TR_NOOP("Stream URL (empty: Binance's own)") },
        { QStringLiteral("binance_rest_url"), QT_TR_NOOP("REST URL (empty: Binance's own)") },
        { QStringLiteral("binance_warmup_s"), QT_TR_NOOP("Warm-up history (s)") },
        { QStringLiteral("freqtrade_url"), QT_TR_NOOP("FreqTrade URL") },
        { QStringLiteral("freqtrade_username"), QT_TR_NOOP("User") },
        { QStringLiteral("freqtrade_password"), QT_TR_NOOP("Password") },
        { QStringLiteral("freqtrade_pair"), QT_TR_NOOP("Pair") },
        { QStringLiteral("freqtrade_timeout_ms"), QT_TR_NOOP("Timeout (ms)") },
    };
    const char* label = labels.value(key, nullptr);
    return label ? tr(label) : key;
}

void SettingsDialog::build(const Config& config)
{
    const json values = ConfigJson::toJson(config, false);
    QHash<QString, QFormLayout*> forms;
    const auto formFor = [&](const QString& group) {
        if (QFormLayout* f = forms.value(group))
            return f;
        auto* page = new QWidget;
        auto* form = new QFormLayout(page);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto* scroll = new QScrollArea(m_tabs);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(page);
        m_tabs->addTab(scroll, group);
        forms.insert(group, form);
        return form;
    };
    const auto addField = [&](const QString& key, const QString& group, Field::Kind kind) {
        QFormLayout* form = formFor(group);
        Field f;
        f.kind = kind;
        f.tab = m_tabs->count() - 1;
        for (int i = 0; i < m_tabs->count(); ++i)
            if (m_tabs->tabText(i) == group)
                f.tab = i;
        if (kind == Field::Kind::Choice) {
            auto* combo = new QComboBox;
            combo->addItems(choicesFor(key));
            f.editor = combo;
        } else {
            auto* edit = new QLineEdit;
            if (key.endsWith(QLatin1String("password")))
                edit->setEchoMode(QLineEdit::Password);
            f.editor = edit;
        }
        f.editor->setObjectName(QStringLiteral("field_") + key);
        f.editor->setToolTip(key);
        f.error = new QLabel;
        f.error->setObjectName(QStringLiteral("error_") + key);
        f.error->setWordWrap(true);
        f.error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::down().lighter(120).name()));
        f.error->setVisible(false);
        auto* cell = new QWidget;
        auto* v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(1);
        v->addWidget(f.editor);
        v->addWidget(f.error);
        auto* label = new QLabel(labelOf(key));
        label->setToolTip(key);
        form->addRow(label, cell);
        m_fields.insert(key, f);
        m_order << key;
    };
    for (const QString& key : ConfigJson::keys()) {
        const json& v = values.at(key.toStdString());
        const QString group = groupOf(key);
        if (v.is_object()) {
            for (auto it = v.begin(); it != v.end(); ++it)
                addField(
                    key + QLatin1Char('.') + QString::fromStdString(it.key()), group, Field::Kind::Number);
        } else if (v.is_array()) {
            addField(key, group, Field::Kind::List);
        } else if (v.is_number()) {
            addField(key, group, Field::Kind::Number);
        } else {
            addField(key, group, choicesFor(key).isEmpty() ? Field::Kind::Text : Field::Kind::Choice);
        }
    }
    load(config);
}

void SettingsDialog::load(const Config& config)
{
    const json values = ConfigJson::toJson(config, false);
    for (const QString& key : std::as_const(m_order)) {
        const int dot = key.indexOf(QLatin1Char('.'));
        const json& v = dot < 0 ? values.at(key.toStdString())
                                : values.at(key.left(dot).toStdString()).at(key.mid(dot + 1).toStdString());
        QString text;
        if (v.is_array()) {
            QStringList items;
            for (const auto& item : v)
                items << QString::fromStdString(item.get<std::string>());
            text = items.join(QStringLiteral(", "));
        } else if (v.is_string()) {
            text = QString::fromStdString(v.get<std::string>());
        } else {
            text = numberText(v);
        }
        setFieldText(key, text);
    }
}

void SettingsDialog::setFieldText(const QString& key, const QString& text)
{
    const Field f = m_fields.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(f.editor))
        edit->setText(text);
    else if (auto* combo = qobject_cast<QComboBox*>(f.editor))
        combo->setCurrentText(text);
}

QString SettingsDialog::fieldText(const QString& key) const
{
    const Field f = m_fields.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(f.editor))
        return edit->text();
    if (auto* combo = qobject_cast<QComboBox*>(f.editor))
        return combo->currentText();
    return {};
}

QString SettingsDialog::fieldError(const QString& key) const
{
    const Field f = m_fields.value(key);
    return f.error && !f.error->isHidden() ? f.error->text() : QString(); // hidden tabs still count
}

bool SettingsDialog::validate()
{
    // The edited values as the JSON a config file would hold. A number field that does not read
    // as a JSON number goes in as a string, so the schema reports it exactly as it would for a file.
    json object = json::object();
    for (const QString& key : std::as_const(m_order)) {
        const Field& f = m_fields[key];
        const QString text = fieldText(key).trimmed();
        json value;
        if (f.kind == Field::Kind::Number) {
            value = json::parse(text.toStdString(), nullptr, false);
            if (value.is_discarded() || !value.is_number())
                value = text.toStdString();
        } else if (f.kind == Field::Kind::List) {
            value = json::array();
            for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                value.push_back(item.trimmed().toStdString());
        } else {
            value = fieldText(key).toStdString();
        }
        const int dot = key.indexOf(QLatin1Char('.'));
        if (dot < 0)
            object[key.toStdString()] = value;
        else
            object[key.left(dot).toStdString()][key.mid(dot + 1).toStdString()] = value;
    }

    // ConfigJson::apply stops at the first problem; applying key by key shows them all at once,
    // then the whole object catches rules that involve several keys.
    QHash<QString, QString> errors;
    for (auto it = object.begin(); it != object.end(); ++it) {
        try {
            ConfigJson::apply(json::object({ { it.key(), it.value() } }), tr("Settings"));
        } catch (const ConfigError& e) {
            if (e.key() != QLatin1String("freqtrade_url") || it.key() == "freqtrade_url")
                errors.insert(e.key(), e.problem());
        }
    }
    Config result;
    if (errors.isEmpty()) {
        try {
            result = ConfigJson::apply(object, tr("Settings"));
        } catch (const ConfigError& e) {
            errors.insert(e.key(), e.problem());
        }
    }
    int firstTab = -1;
    for (const QString& key : std::as_const(m_order)) {
        Field& f = m_fields[key];
        const QString problem = errors.value(key);
        f.error->setText(problem.isEmpty() ? QString() : tr("%1: %2").arg(key, problem));
        f.error->setVisible(!problem.isEmpty());
        if (!problem.isEmpty() && firstTab < 0) {
            firstTab = f.tab;
            m_tabs->setCurrentIndex(f.tab);
            f.editor->setFocus();
        }
    }
    if (!errors.isEmpty()) {
        QString text = tr("%n setting(s) need fixing before they can be used.", nullptr, int(errors.size()));
        for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
            if (!m_fields.contains(it.key()))
                text += QLatin1Char(' ') + it.value();
        }
        m_summary->setText(text);
        return false;
    }
    m_summary->clear();
    m_config = result;
    return true;
}

void SettingsDialog::accept()
{
    if (validate())
        QDialog::accept();
}

void SettingsDialog::restoreDefaults()
{
    Config defaults;
    defaults.influxPassword = m_config.influxPassword;
    defaults.freqtradePassword = m_config.freqtradePassword;
    load(defaults);
}

} // namespace veloce
