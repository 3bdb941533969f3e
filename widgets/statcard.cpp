#include "statcard.h"

#include "theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace veloce {

StatCard::StatCard(const QString& key, const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_key(key)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("\u2014"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("card_") + key);
    setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; border-radius: 6px; }")
                      .arg(objectName(), Theme::raised().name(), Theme::grid().name()));
    m_caption->setStyleSheet(QStringLiteral("color: %1; font-size: 8.5pt; text-transform: uppercase;")
                                 .arg(Theme::mutedText().name()));
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setStyleSheet(
        QStringLiteral("color: %1; font-size: 15pt; font-weight: 600;").arg(Theme::text().name()));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setStyleSheet(QStringLiteral("color: %1; font-size: 8pt;").arg(Theme::mutedText().name()));
    m_note->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
    setMinimumWidth(120);
}

void StatCard::setValue(const QString& value, Tone tone, const QString& note)
{
    m_value->setText(value);
    const QColor color = tone == Tone::Good ? Theme::up() : tone == Tone::Bad ? Theme::down() : Theme::text();
    m_value->setStyleSheet(QStringLiteral("color: %1; font-size: 15pt; font-weight: 600;").arg(color.name()));
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
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
