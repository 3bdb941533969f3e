// The GUI in German and English (issue 7): the translations are compiled in, the language is
// chosen by --lang, the Settings dialog or the system, and the real main window shows its key
// labels in the chosen language -- including the plural forms, which English needs a .qm for.
#include "dashboard.h"
#include "guioptions.h"
#include "isolatedsettings.h"
#include "killswitchbutton.h"
#include "languagechooser.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "scorebars.h"
#include "settingsdialog.h"
#include "statcard.h"
#include "uilanguage.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace veloce;

namespace {
QStringList args(std::initializer_list<const char*> list)
{
    QStringList out { QStringLiteral("veloce") };
    for (const char* a : list)
        out << QString::fromLatin1(a);
    return out;
}
} // namespace

class TestI18n : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_i18n"));
    }

    void cleanup() { UiLanguage::install(QStringLiteral("en")); }

    void translationsAreCompiledIn()
    {
        for (const QString& code : UiLanguage::available()) {
            const QString path = QStringLiteral(":/i18n/veloce_%1.qm").arg(code);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QTranslator t;
            QVERIFY2(t.load(path), qPrintable(path));
            QVERIFY(!t.isEmpty());
        }
        QVERIFY(UiLanguage::install(QStringLiteral("de")));
        QCOMPARE(UiLanguage::current(), QStringLiteral("de"));
    }

    void everyGermanTextIsTranslated()
    {
        QFile ts(QStringLiteral(VELOCE_SOURCE_DIR "/translations/veloce_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray xml = ts.readAll();
        QVERIFY(xml.count("<message") > 250);
        QCOMPARE(xml.count("type=\"unfinished\""), 0);
        QCOMPARE(xml.count("<translation></translation>"), 0);
        QCOMPARE(xml.count("<numerusform></numerusform>"), 0);
    }

    void languageChoiceOrder()
    {
        QCOMPARE(UiLanguage::normalize(QStringLiteral("de_DE")), QStringLiteral("de"));
        QCOMPARE(UiLanguage::normalize(QStringLiteral("DE-at")), QStringLiteral("de"));
        QCOMPARE(UiLanguage::normalize(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(UiLanguage::normalize(QStringLiteral("fr")), QString());
        QVERIFY(UiLanguage::available().contains(UiLanguage::systemLanguage()));

        // Command line, then the Settings choice, then the system.
        UiLanguage::store(QStringLiteral("de"));
        QCOMPARE(UiLanguage::stored(), QStringLiteral("de"));
        QCOMPARE(UiLanguage::resolve(), QStringLiteral("de"));
        QCOMPARE(UiLanguage::resolve(QStringLiteral("en")), QStringLiteral("en"));
        UiLanguage::store(QString());
        QCOMPARE(UiLanguage::stored(), QString());
        QCOMPARE(UiLanguage::resolve(), UiLanguage::systemLanguage());
    }

    void langOption()
    {
        GuiOptions o = GuiOptions::parse(args({ "--lang", "de", "--no-session" }));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.language, QStringLiteral("de"));
        QCOMPARE(GuiOptions::parse(args({ "--lang=en" })).language, QStringLiteral("en"));
        QCOMPARE(GuiOptions::parse(args({})).language, QString());
        o = GuiOptions::parse(args({ "--lang", "fr" }));
        QVERIFY(o.error.contains(QStringLiteral("--lang")));
        QVERIFY(o.error.contains(QStringLiteral("fr")));
        QVERIFY(o.error.contains(QStringLiteral("de, ")) || o.error.contains(QStringLiteral(", de")));
        // Read ahead of parsing, so that the translator is in place for --help.
        QCOMPARE(GuiOptions::languageArgument(args({ "--seed", "3", "--lang", "de" })), QStringLiteral("de"));
        QCOMPARE(GuiOptions::languageArgument(args({ "--lang=de_CH" })), QStringLiteral("de"));
        QCOMPARE(GuiOptions::languageArgument(args({ "--lang", "fr" })), QString());
        QCOMPARE(GuiOptions::languageArgument(args({ "--", "--lang", "de" })), QString());
    }

    void settingsDialogOffersTheLanguages()
    {
        SettingsDialog dialog { Config() };
        LanguageChooser* chooser = dialog.languageChooser();
        chooser->setLanguages(UiLanguage::choices(), QStringLiteral("de"));
        QCOMPARE(chooser->language(), QStringLiteral("de"));
        QVERIFY(!chooser->changed());
        auto* combo = chooser->findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 1 + int(UiLanguage::available().size()));
        QVERIFY(combo->findText(QStringLiteral("Deutsch")) > 0);
        QVERIFY(combo->findText(QStringLiteral("English")) > 0);
        chooser->setLanguage(QString()); // back to the system's
        QVERIFY(chooser->changed());
        QCOMPARE(chooser->language(), QString());
    }

    void mainWindowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("killSwitch");
        QTest::addColumn<QStringList>("scoreRows");
        QTest::addColumn<QStringList>("cards"); // total_return, final_equity, win_rate, phase_volume
        QTest::addColumn<QStringList>("docks"); // scoreDock, positionsDock, equityDock, sessionDock
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QString>("oneFlattened");
        QTest::addColumn<QString>("threeFlattened");

        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("NOT-AUS")
                            << QStringList { QStringLiteral("Squeeze"), QStringLiteral("Divergenz"),
                                   QStringLiteral("Reset"), QStringLiteral("Momentum"),
                                   QStringLiteral("Volumen"), QStringLiteral("Gesamt") }
                            << QStringList { QStringLiteral("Gesamtrendite"), QStringLiteral("Endkapital"),
                                   QStringLiteral("Trefferquote"), QStringLiteral("Volumen aktiv") }
                            << QStringList { QStringLiteral("Score"), QStringLiteral("Positionen"),
                                   QStringLiteral("Equity-Kurve"), QStringLiteral("Paper-Trading") }
                            << QStringList { QStringLiteral("&Datei"), QStringLiteral("&Handel"),
                                   QStringLiteral("&Wiedergabe"), QStringLiteral("&Ansicht"),
                                   QStringLiteral("&Analyse") }
                            << QStringLiteral("1 Position in") << QStringLiteral("3 Positionen in");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("KILL SWITCH")
                            << QStringList { QStringLiteral("Squeeze"), QStringLiteral("Divergence"),
                                   QStringLiteral("Reset"), QStringLiteral("Momentum"),
                                   QStringLiteral("Volume"), QStringLiteral("Total") }
                            << QStringList { QStringLiteral("Total return"), QStringLiteral("Final equity"),
                                   QStringLiteral("Win rate"), QStringLiteral("Volume active") }
                            << QStringList { QStringLiteral("Score"), QStringLiteral("Positions"),
                                   QStringLiteral("Equity"), QStringLiteral("Paper session") }
                            << QStringList { QStringLiteral("&File"), QStringLiteral("&Trading"),
                                   QStringLiteral("&Replay"), QStringLiteral("&View"),
                                   QStringLiteral("&Research") }
                            << QStringLiteral("1 position flattened")
                            << QStringLiteral("3 positions flattened");
    }

    void mainWindowSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, killSwitch);
        QFETCH(QStringList, scoreRows);
        QFETCH(QStringList, cards);
        QFETCH(QStringList, docks);
        QFETCH(QStringList, menus);
        QFETCH(QString, oneFlattened);
        QFETCH(QString, threeFlattened);

        // As main() does it: the translator before the first widget.
        QVERIFY(UiLanguage::install(
            UiLanguage::resolve(GuiOptions::languageArgument(args({ "--lang", qPrintable(language) })))));
        GuiOptions o;
        o.session = false;
        o.journalPath = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(language));
        MainController controller(o);
        QVERIFY(controller.start());
        MainWindow* w = controller.window();

        auto* kill = w->killSwitch()->findChild<QPushButton*>(QStringLiteral("killSwitchButton"));
        QVERIFY(kill);
        QCOMPARE(kill->text(), killSwitch);
        for (int row = 0; row < ScoreBars::kRows; ++row)
            QCOMPARE(w->scoreBars()->rowName(row), scoreRows.at(row));
        const char* cardKeys[] = { "total_return", "final_equity", "win_rate", "phase_volume" };
        for (int i = 0; i < 4; ++i) {
            StatCard* card = w->dashboard()->card(QString::fromLatin1(cardKeys[i]));
            QVERIFY2(card, cardKeys[i]);
            QCOMPARE(card->caption(), cards.at(i));
        }
        const char* dockNames[] = { "scoreDock", "positionsDock", "equityDock", "sessionDock" };
        for (int i = 0; i < 4; ++i) {
            auto* dock = w->findChild<QDockWidget*>(QString::fromLatin1(dockNames[i]));
            QVERIFY2(dock, dockNames[i]);
            QCOMPARE(dock->windowTitle(), docks.at(i));
        }
        QStringList menuTitles;
        for (QAction* a : w->menuBar()->actions())
            menuTitles << a->text();
        QCOMPARE(menuTitles, menus);

        // Plural forms come from the .qm files, English included.
        w->killSwitch()->showHalted(1, 12);
        QVERIFY2(
            w->killSwitch()->statusText().contains(oneFlattened), qPrintable(w->killSwitch()->statusText()));
        w->killSwitch()->showHalted(3, 12);
        QVERIFY2(w->killSwitch()->statusText().contains(threeFlattened),
            qPrintable(w->killSwitch()->statusText()));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
