#pragma once

#include "data/dataerror.h"

#include <QByteArray>
#include <QFile>
#include <QSaveFile>
#include <QString>

namespace veloce::JsonFile {

// Reads and parses a JSON file; DataError names the file (and nlohmann's line and column).
template<typename Json> Json read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw DataError(QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    try {
        return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const typename Json::parse_error& e) {
        // nlohmann's message names line and column ("parse error at line 3, column 7: ...").
        throw DataError(QStringLiteral("%1: not valid JSON: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

// Writes a whole file atomically (a reader never sees half of it); DataError names the file.
inline void write(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw DataError(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}

} // namespace veloce::JsonFile
