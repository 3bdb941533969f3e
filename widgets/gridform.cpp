#include "gridform.h"

#include "theme.h"
#include "types/configjson.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <stdexcept>

namespace veloce {

using nlohmann::ordered_json;

GridForm::GridForm(QWidget* parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
{
    setObjectName(QStringLiteral("gridForm"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(6);
    auto* add = new QPushButton(tr("Add key"), this);
    add->setObjectName(QStringLiteral("addGridKey"));
    add->setToolTip(tr("Vary one more config key"));
    auto* load = new QPushButton(tr("Load\u2026"), this);
    load->setToolTip(tr("Read a GRID.json file, as veloce-cli sweep --grid reads it"));
    auto* save = new QPushButton(tr("Save\u2026"), this);
    save->setToolTip(tr("Write this grid as a GRID.json file for veloce-cli sweep and walkforward"));
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(load, &QPushButton::clicked, this, &GridForm::loadRequested);
    connect(save, &QPushButton::clicked, this, &GridForm::saveRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    buttons->addWidget(load);
    buttons->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    layout->addLayout(buttons);
}

void GridForm::setKeys(const QStringList& keys)
{
    m_keys = keys;
    for (const Row& r : m_rows) {
        const QString text = r.key->currentText();
        const QSignalBlocker block(r.key);
        r.key->clear();
        r.key->addItems(m_keys);
        r.key->setCurrentText(text);
    }
}

void GridForm::setBase(const nlohmann::json& base)
{
    m_base = base;
    for (const Row& r : m_rows)
        showCurrent(r);
}

void GridForm::showCurrent(const Row& row)
{
    // The key's value in the base config, as a hint of what to vary it around.
    const QString key = row.key->currentText().trimmed();
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    const std::string outer = (dot < 0 ? key : key.left(dot)).toStdString();
    const nlohmann::json* value = nullptr;
    if (m_base.is_object() && m_base.contains(outer)) {
        value = &m_base[outer];
        if (dot >= 0) {
            const std::string inner = key.mid(dot + 1).toStdString();
            value = value->is_object() && value->contains(inner) ? &(*value)[inner] : nullptr;
        }
    }
    const QString current = value ? (value->is_string() ? QString::fromStdString(value->get<std::string>())
                                                        : QString::fromStdString(value->dump()))
                                  : QString();
    row.values->setPlaceholderText(
        current.isEmpty() ? tr("e.g. 4, 5, 6") : tr("now %1; e.g. 4, 5, 6").arg(current));
    row.key->setToolTip(
        current.isEmpty() ? QString() : tr("%1 is %2 in the current settings").arg(key, current));
}

void GridForm::addRow(const QString& key)
{
    Row r;
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("gridRow"));
    frame->setStyleSheet(QStringLiteral("QFrame#gridRow { border: 1px solid %1; border-radius: 4px; }")
                             .arg(Theme::grid().name()));
    r.widget = frame;
    r.key = new QComboBox(frame);
    r.key->setEditable(true);
    r.key->addItems(m_keys);
    r.key->setCurrentText(key);
    r.key->setMinimumContentsLength(16);
    r.key->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    r.kind = new QComboBox(frame);
    r.kind->addItem(tr("values"));
    r.kind->addItem(tr("range"));
    r.kind->setToolTip(tr("A list of values, or an inclusive range from, to, step"));
    auto* remove = new QToolButton(frame);
    remove->setText(QStringLiteral("\u2715"));
    remove->setToolTip(tr("Remove this key from the grid"));
    r.pages = new QStackedWidget(frame);
    r.values = new QLineEdit(frame);
    r.values->setToolTip(tr("Values separated by commas (4, 5, 6 or range, atr), or a JSON array"));
    r.pages->addWidget(r.values);
    auto* range = new QWidget(frame);
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    r.from = new QLineEdit(range);
    r.to = new QLineEdit(range);
    r.step = new QLineEdit(range);
    r.from->setPlaceholderText(tr("from"));
    r.to->setPlaceholderText(tr("to"));
    r.step->setPlaceholderText(tr("step"));
    for (QLineEdit* e : { r.from, r.to, r.step })
        rangeLayout->addWidget(e);
    r.pages->addWidget(range);
    r.pages->setFixedHeight(r.values->sizeHint().height());

    auto* line = new QHBoxLayout;
    line->addWidget(r.key, 1);
    line->addWidget(r.kind);
    line->addWidget(remove);
    auto* rowLayout = new QVBoxLayout(frame);
    rowLayout->setContentsMargins(6, 6, 6, 6);
    rowLayout->setSpacing(4);
    rowLayout->addLayout(line);
    rowLayout->addWidget(r.pages);

    connect(r.kind, &QComboBox::currentIndexChanged, r.pages, &QStackedWidget::setCurrentIndex);
    connect(r.kind, &QComboBox::currentIndexChanged, this, &GridForm::changed);
    QWidget* const rowWidget = frame;
    connect(remove, &QToolButton::clicked, this, [this, rowWidget] {
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].widget == rowWidget) {
                removeRow(int(i));
                return;
            }
        }
    });
    connect(r.key, &QComboBox::currentTextChanged, this, [this, rowWidget] {
        for (const Row& row : m_rows)
            if (row.widget == rowWidget)
                showCurrent(row);
        Q_EMIT changed();
    });
    for (QLineEdit* e : { r.values, r.from, r.to, r.step })
        connect(e, &QLineEdit::textChanged, this, &GridForm::changed);
    m_rows.push_back(r);
    m_rowsLayout->addWidget(frame);
    showCurrent(r);
    Q_EMIT changed();
}

void GridForm::removeRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    m_rows[std::size_t(row)].widget->deleteLater();
    m_rows.erase(m_rows.begin() + row);
    Q_EMIT changed();
}

void GridForm::setRow(int row, const QString& key, const QString& values)
{
    Row& r = m_rows[std::size_t(row)];
    r.key->setCurrentText(key);
    r.kind->setCurrentIndex(0);
    r.values->setText(values);
}

void GridForm::setRangeRow(
    int row, const QString& key, const QString& from, const QString& to, const QString& step)
{
    Row& r = m_rows[std::size_t(row)];
    r.key->setCurrentText(key);
    r.kind->setCurrentIndex(1);
    r.from->setText(from);
    r.to->setText(to);
    r.step->setText(step);
}

void GridForm::setGrid(const ordered_json& grid)
{
    while (rowCount() > 0)
        removeRow(rowCount() - 1);
    if (!grid.is_object())
        return;
    for (auto it = grid.begin(); it != grid.end(); ++it) {
        addRow();
        const ordered_json& v = it.value();
        const QString key = QString::fromStdString(it.key());
        if (v.is_object() && v.contains("from") && v.contains("to") && v.contains("step")) {
            const auto text = [&](const char* f) { return QString::fromStdString(v[f].dump()); };
            setRangeRow(rowCount() - 1, key, text("from"), text("to"), text("step"));
        } else {
            setRow(rowCount() - 1, key, v.is_array() ? listText(v) : QString::fromStdString(v.dump()));
        }
    }
}

ordered_json GridForm::number(const QString& text, const QString& field)
{
    const ordered_json v = ordered_json::parse(text.trimmed().toStdString(), nullptr, false);
    if (v.is_discarded() || !v.is_number())
        throw std::invalid_argument(tr("%1: \"%2\" is not a number (write decimals with a dot)")
                                        .arg(field, text.trimmed())
                                        .toStdString());
    return v;
}

ordered_json GridForm::grid(const QString& source) const
{
    ordered_json out = ordered_json::object();
    for (const Row& r : m_rows) {
        const QString key = r.key->currentText().trimmed();
        const bool list = r.kind->currentIndex() == 0;
        const bool blank = list ? r.values->text().trimmed().isEmpty()
                                : (r.from->text() + r.to->text() + r.step->text()).trimmed().isEmpty();
        if (key.isEmpty() && blank)
            continue; // an unused row
        if (key.isEmpty())
            throw ConfigError(source, QString(), tr("a row has values but no key"));
        if (out.contains(key.toStdString()))
            throw ConfigError(source, key, tr("appears twice in the grid"));
        try {
            if (list) {
                out[key.toStdString()] = parseList(r.values->text());
            } else {
                ordered_json range = ordered_json::object();
                range["from"] = number(r.from->text(), tr("from"));
                range["to"] = number(r.to->text(), tr("to"));
                range["step"] = number(r.step->text(), tr("step"));
                out[key.toStdString()] = range;
            }
        } catch (const std::invalid_argument& e) {
            throw ConfigError(source, key, QString::fromStdString(e.what()));
        }
    }
    if (out.empty())
        throw ConfigError(source, QString(), tr("the grid has no keys: add a key and its values"));
    return out;
}

ordered_json GridForm::parseList(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw std::invalid_argument(tr("no values").toStdString());
    if (t.startsWith(QLatin1Char('['))) {
        const ordered_json v = ordered_json::parse(t.toStdString(), nullptr, false);
        if (v.is_discarded() || !v.is_array())
            throw std::invalid_argument(tr("\"%1\" is not a JSON array").arg(t).toStdString());
        return v;
    }
    ordered_json out = ordered_json::array();
    for (const QString& part : t.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            throw std::invalid_argument(tr("an empty value in \"%1\"").arg(t).toStdString());
        // Numbers, true/false and "quoted" strings as JSON reads them; any other word is a string.
        const ordered_json v = ordered_json::parse(item.toStdString(), nullptr, false);
        out.push_back(v.is_discarded() ? ordered_json(item.toStdString()) : v);
    }
    return out;
}

QString GridForm::listText(const ordered_json& values)
{
    QStringList parts;
    for (const ordered_json& v : values) {
        // Whatever would not read back the same (a string with a comma, or one that reads as a
        // number, a nested value) keeps the JSON form.
        const bool plain = !v.is_structured()
            && !(v.is_string()
                && (QString::fromStdString(v.get<std::string>()).contains(QLatin1Char(','))
                    || !ordered_json::parse(v.get<std::string>(), nullptr, false).is_discarded()));
        if (!plain)
            return QString::fromStdString(values.dump());
        parts << (v.is_string() ? QString::fromStdString(v.get<std::string>())
                                : QString::fromStdString(v.dump()));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace veloce
