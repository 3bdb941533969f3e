#include "alertbanner.h"

#include "theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace veloce {

AlertBanner::AlertBanner(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
{
    setObjectName(QStringLiteral("alertBanner"));
    m_text->setObjectName(QStringLiteral("alertBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_acknowledge->setObjectName(QStringLiteral("alertBannerAcknowledge"));
    m_acknowledge->setToolTip(tr("Confirm that you have seen every open alarm; they stay in the journal."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_acknowledge);
    setAutoFillBackground(true);
    setStyleSheet(
        QStringLiteral("QWidget#alertBanner { background: %1; } QLabel#alertBannerText { color: white;"
                       " font-weight: 600; }")
            .arg(Theme::kill().darker(140).name()));
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertBanner::acknowledgeRequested);
    setVisible(false);
}

void AlertBanner::setAlarms(const std::vector<Alert>& open)
{
    m_count = static_cast<int>(open.size());
    if (open.empty()) {
        m_text->clear();
        setVisible(false);
        return;
    }
    const Alert& newest = open.back();
    const QString when = QDateTime::fromMSecsSinceEpoch(newest.wallMs).toString(QStringLiteral("HH:mm:ss"));
    QString text = tr("ALARM %1 (%2): %3").arg(when, newest.source, newest.message);
    if (m_count > 1)
        text += QLatin1Char('\n') + tr("%n open alarm(s) in all", nullptr, m_count);
    m_text->setText(text);
    setVisible(true);
}

QString AlertBanner::text() const
{
    return m_text->text();
}

} // namespace veloce
