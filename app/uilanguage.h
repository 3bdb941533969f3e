#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace veloce {

// The language the GUI speaks: English (the source language) or German. The choice comes from,
// in this order, `veloce --lang`, the Settings dialog (QSettings key "ui/language") and the
// system locale. The translations are compiled into veloce_gui (:/i18n/veloce_<code>.qm), so the
// executable needs no files beside it. Number formats keep following the system locale: a user
// may well want English words with German numbers.
class UiLanguage
{
public:
    // Codes of the languages with a translation ("en", "de").
    static QStringList available();
    // Each available language with its own name ("Deutsch"): whoever reads the list can find
    // their language whatever the current one is.
    static QList<std::pair<QString, QString>> choices();
    // "de", "DE", "de_DE", "de-AT" -> "de"; empty when there is no such translation.
    static QString normalize(const QString& name);

    // The choice saved by the Settings dialog; empty: follow the system.
    static QString stored();
    static void store(const QString& code);
    // The first language of the system's UI languages that has a translation, else English.
    static QString systemLanguage();
    // `commandLine` (from --lang) wins, then the stored choice, then the system language.
    static QString resolve(const QString& commandLine = QString());

    // Replaces the installed translators with those of `code`: ours and, where the system has
    // them, Qt's own (standard dialogs and buttons). Must run before the first widget is built,
    // since widgets translate their texts once, when they are created. False when ours is missing.
    static bool install(const QString& code);
    // The code last installed (empty before the first install()).
    static QString current();
};

} // namespace veloce
