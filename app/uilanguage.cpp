#include "uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace veloce {

namespace {
QString settingsKey()
{
    return QStringLiteral("ui/language");
}

// The translators live as long as the application (their parent); install() swaps them.
struct Installed
{
    QPointer<QTranslator> app;
    QPointer<QTranslator> qt;
    QString code;
};

Installed& installed()
{
    static Installed s;
    return s;
}
} // namespace

QStringList UiLanguage::available()
{
    QStringList codes;
    for (const auto& [code, name] : choices())
        codes << code;
    return codes;
}

QList<std::pair<QString, QString>> UiLanguage::choices()
{
    // Native names, deliberately not translated. A new language needs its .ts file in
    // translations/ (see app/CMakeLists.txt) and a line here.
    return { { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("de"), QStringLiteral("Deutsch") } };
}

QString UiLanguage::normalize(const QString& name)
{
    QString code = name.trimmed().toLower();
    const qsizetype cut = code.indexOf(QRegularExpression(QStringLiteral("[-_.@]")));
    if (cut >= 0)
        code.truncate(cut);
    return available().contains(code) ? code : QString();
}

QString UiLanguage::stored()
{
    return normalize(QSettings().value(settingsKey()).toString());
}

void UiLanguage::store(const QString& code)
{
    QSettings settings;
    if (normalize(code).isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), normalize(code));
}

QString UiLanguage::systemLanguage()
{
    // uiLanguages() lists the user's preferences in order ("de-CH", "de", "en-US", ...).
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString& name : preferred) {
        const QString code = normalize(name);
        if (!code.isEmpty())
            return code;
    }
    return QStringLiteral("en");
}

QString UiLanguage::resolve(const QString& commandLine)
{
    QString code = normalize(commandLine);
    if (code.isEmpty())
        code = stored();
    if (code.isEmpty())
        code = systemLanguage();
    return code;
}

bool UiLanguage::install(const QString& code)
{
    Installed& s = installed();
    delete s.app; // a QTranslator removes itself from the application when it goes
    delete s.qt;
    s.code = normalize(code);
    if (s.code.isEmpty())
        s.code = QStringLiteral("en");

    // English needs its translator too: it holds the plural forms of the "%n ..." texts.
    auto* app = new QTranslator(QCoreApplication::instance());
    const bool ok = app->load(QStringLiteral(":/i18n/veloce_%1.qm").arg(s.code));
    if (ok) {
        QCoreApplication::installTranslator(app);
        s.app = app;
    } else {
        delete app;
    }
    // Optional: Debian ships Qt's own translations in qt6-translations-l10n.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (s.code != QLatin1String("en")
        && qt->load(
            QStringLiteral("qtbase_%1").arg(s.code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s.qt = qt;
    } else {
        delete qt;
    }
    return ok;
}

QString UiLanguage::current()
{
    return installed().code;
}

} // namespace veloce
