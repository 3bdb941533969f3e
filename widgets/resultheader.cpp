#include "resultheader.h"

#include "statcard.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace veloce {

ResultHeader::ResultHeader(const QString& actionText, const QString& actionName, QWidget* parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_action(new QPushButton(actionText, this))
    , m_cardRow(new QHBoxLayout)
{
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    m_notice->setWordWrap(true);
    m_action->setObjectName(actionName);
    m_action->setEnabled(false);

    auto* titles = new QVBoxLayout;
    titles->addWidget(m_headline);
    titles->addWidget(m_notice);
    auto* top = new QHBoxLayout;
    top->addLayout(titles, 1);
    top->addWidget(m_action, 0, Qt::AlignTop);
    m_cardRow->setSpacing(8);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addLayout(m_cardRow);
}

StatCard* ResultHeader::addCard(const QString& key, const QString& caption, const QString& tip)
{
    auto* card = new StatCard(key, caption, this);
    card->setToolTipText(tip);
    m_cards.insert(key, card);
    m_cardRow->addWidget(card);
    return card;
}

void ResultHeader::clearCards()
{
    for (StatCard* c : std::as_const(m_cards))
        c->setValue(QStringLiteral("\u2014"));
}

void ResultHeader::setHeadline(const QString& text)
{
    m_headline->setText(text);
}

QString ResultHeader::headline() const
{
    return m_headline->text();
}

void ResultHeader::setNotice(const QString& text)
{
    m_notice->setText(text);
}

} // namespace veloce
