#pragma once

#include <QList>
#include <QString>
#include <QWidget>
#include <utility>

class QComboBox;

namespace veloce {

// The language row of the Settings dialog: "System default" or one of the translations, listed
// by their own names. The choice applies at the next start: widgets translate their texts when
// they are built, and rebuilding the window under a running session is not worth the risk.
class LanguageChooser : public QWidget
{
    Q_OBJECT
public:
    explicit LanguageChooser(QWidget* parent = nullptr);

    // `languages`: code and native name of each translation; `current`: a code, empty = system.
    void setLanguages(const QList<std::pair<QString, QString>>& languages, const QString& current);
    // The chosen code; empty: follow the system.
    QString language() const;
    void setLanguage(const QString& code);
    // Whether the choice differs from the one setLanguages() was given.
    bool changed() const { return language() != m_initial; }

private:
    QComboBox* m_combo;
    QString m_initial;
};

} // namespace veloce
