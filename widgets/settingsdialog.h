#pragma once

#include "types/config.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QTabWidget;
class QWidget;

namespace veloce {

class LanguageChooser;

// Edits the whole configuration (every key of the schema in core/types/configjson.cpp) and
// validates it with exactly the rules the CLI applies to a config file (ConfigJson::apply):
// each problem is shown under its field, naming the key, and OK stays refused until all are
// fixed. Secrets are edited in password fields. Below the tabs sits the UI language, which is
// not part of the config (the caller fills and stores it).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const Config& config, QWidget* parent = nullptr);

    // The validated config (after accept()).
    Config config() const { return m_config; }
    LanguageChooser* languageChooser() const { return m_language; }

    // For tests and scripted use: the editor text of a key ("squeeze_length",
    // "position_size_by_score.4-5"), and the error shown under it (empty when fine).
    void setFieldText(const QString& key, const QString& text);
    QString fieldText(const QString& key) const;
    QString fieldError(const QString& key) const;
    // Validates the fields; shows the problems; true when the config is valid.
    bool validate();

public Q_SLOTS:
    void accept() override;
    void restoreDefaults();

private:
    struct Field
    {
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
        int tab = 0;
        enum class Kind
        {
            Number,
            Text,
            Choice,
            List
        } kind
            = Kind::Text;
    };
    void build(const Config& config);
    void load(const Config& config);
    QString groupOf(const QString& key) const;
    QString labelOf(const QString& key) const;

    Config m_config;
    QTabWidget* m_tabs;
    QLabel* m_summary;
    LanguageChooser* m_language;
    QHash<QString, Field> m_fields;
    QStringList m_order;
};

} // namespace veloce
