#include "languagechooser.h"

#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>

namespace veloce {

LanguageChooser::LanguageChooser(QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("languageChooser"));
    m_combo->setObjectName(QStringLiteral("languageCombo"));
    auto* label = new QLabel(tr("&Language"), this);
    label->setBuddy(m_combo);
    auto* note = new QLabel(tr("Takes effect at the next start of Veloce."), this);
    note->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(note, 1);
    setLanguages({}, QString());
}

void LanguageChooser::setLanguages(
    const QList<std::pair<QString, QString>>& languages, const QString& current)
{
    m_combo->clear();
    m_combo->addItem(tr("System default"), QString());
    for (const auto& [code, name] : languages)
        m_combo->addItem(name, code);
    setLanguage(current);
    m_initial = language();
}

QString LanguageChooser::language() const
{
    return m_combo->currentData().toString();
}

void LanguageChooser::setLanguage(const QString& code)
{
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(code)));
}

} // namespace veloce
