#include "maincontroller.h"
#include "theme.h"
#include "uilanguage.h"

#include <QApplication>

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
    veloce::MainController controller(veloce::GuiOptions::parse(arguments));
    if (!controller.start())
        return 2;
    return app.exec();
}
