#include "maincontroller.h"
#include "theme.h"
#include "threadreaper.h"
#include "uilanguage.h"

#include <QApplication>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Veloce"));
    QApplication::setApplicationName(QStringLiteral("veloce"));
    QApplication::setApplicationDisplayName(QStringLiteral("Veloce"));
    QApplication::setApplicationVersion(QStringLiteral(VELOCE_VERSION));
    // Before any widget and before the options are parsed: widgets translate their texts when
    // they are built, and --help and the option errors are translated too.
    const QStringList arguments = QApplication::arguments();
    veloce::UiLanguage::install(veloce::UiLanguage::resolve(veloce::GuiOptions::languageArgument(arguments)));
    veloce::Theme::apply(app);
    int code = 2;
    {
        veloce::MainController controller(veloce::GuiOptions::parse(arguments));
        if (controller.start())
            code = app.exec();
    } // the window is gone; the session's threads wind down on the reaper's threads
    // Bounded: an engine that never returns is left to the operating system, and everything
    // acknowledged is in the journal already (docs/safety.md "Shutdown").
    if (!veloce::ThreadReaper::instance().drain(800)) {
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return code;
}
