#include "statcard.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace veloce {

namespace {
QString valueStyle(const QColor& color, StatCard::Size size)
{
    return QStringLiteral("color: %1; font-size: %2pt; font-weight: 600;")
        .arg(color.name())
        .arg(size == StatCard::Size::Compact ? 10 : 13);
}
} // namespace

StatCard::StatCard(const QString& key, const QString& caption, QWidget* parent, Size size)
    : QFrame(parent)
    , m_key(key)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("\u2014"), this))
    , m_note(new QLabel(this))
    , m_size(size)
{
    setObjectName(QStringLiteral("card_") + key);
    setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; border-radius: 6px; }")
                      .arg(objectName(), Theme::raised().name(), Theme::grid().name()));
    m_caption->setStyleSheet(QStringLiteral("color: %1; font-size: 8.5pt; text-transform: uppercase;")
                                 .arg(Theme::mutedText().name()));
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setStyleSheet(valueStyle(Theme::text(), m_size));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setStyleSheet(QStringLiteral("color: %1; font-size: 8pt;").arg(Theme::mutedText().name()));
    m_note->setVisible(false);
    if (m_size == Size::Compact) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(8, 2, 8, 2);
        layout->setSpacing(6);
        layout->addWidget(m_caption);
        layout->addStretch(1);
        layout->addWidget(m_value); // the note stays hidden: it is the value's tooltip
        return;
    }
    // A row of eleven cards fits a 1600 px window: the caption and the note give way (cut at the
    // card's edge, whole in the tooltip); only the value keeps its full width.
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_note->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 5, 10, 5);
    layout->setSpacing(1);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
    setMinimumWidth(100);
}

void StatCard::setValue(const QString& value, Tone tone, const QString& note)
{
    m_value->setText(value);
    const QColor color = tone == Tone::Good ? Theme::up() : tone == Tone::Bad ? Theme::down() : Theme::text();
    m_value->setStyleSheet(valueStyle(color, m_size));
    m_note->setText(note);
    if (m_size == Size::Compact) {
        m_value->setToolTip(note);
        return;
    }
    m_note->setVisible(!note.isEmpty());
    m_note->setToolTip(note);
}

QString StatCard::caption() const
{
    return m_caption->text();
}

QString StatCard::value() const
{
    return m_value->text();
}

QString StatCard::note() const
{
    return m_note->text();
}

} // namespace veloce
