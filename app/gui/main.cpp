#include "maincontroller.h"
#include "theme.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Veloce"));
    QApplication::setApplicationName(QStringLiteral("veloce"));
    QApplication::setApplicationDisplayName(QStringLiteral("Veloce"));
    QApplication::setApplicationVersion(QStringLiteral(VELOCE_VERSION));
    veloce::Theme::apply(app);
    veloce::MainController controller(veloce::GuiOptions::parse(QApplication::arguments()));
    if (!controller.start())
        return 2;
    return app.exec();
}
