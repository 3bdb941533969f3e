#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTemporaryDir>

namespace veloce::test {

// Settings (QSettings) and journals of a GUI test stay in its temporary directory, never in the
// home of whoever runs the tests; numbers format the same on every machine.
inline void isolateSettings(const QTemporaryDir& dir, const QString& testName)
{
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toUtf8());
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setOrganizationName(QStringLiteral("VeloceTest"));
    QCoreApplication::setApplicationName(testName);
}

} // namespace veloce::test
