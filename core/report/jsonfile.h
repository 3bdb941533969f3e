#pragma once

#include "data/dataerror.h"
#include "data/outputfile.h"
#include "data/smallfile.h"
#include "types/strictjson.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <type_traits>

namespace veloce::JsonFile {

// Reads and parses a JSON file Veloce wrote earlier (a result or sweep folder), capped at
// `maxBytes` (SmallFile) and parsed by StrictJson, so a hostile folder can neither take the memory
// nor slip a duplicate key through. DataError names the file and the key or the line and column.
template<typename Json> Json read(const QString& path, qint64 maxBytes)
{
    QString problem;
    const std::optional<QByteArray> bytes = SmallFile::read(path, maxBytes, problem);
    if (!bytes)
        throw DataError(QStringLiteral("%1: %2").arg(path, problem));
    try {
        if constexpr (std::is_same_v<Json, nlohmann::ordered_json>)
            return StrictJson::parseOrdered(bytes->constData(), bytes->constData() + bytes->size());
        else
            return StrictJson::parse(*bytes);
    } catch (const JsonInputError& e) {
        throw DataError(e.key().isEmpty()
                ? QStringLiteral("%1: %2").arg(path, e.problem())
                : QStringLiteral("%1: key \"%2\": %3").arg(path, e.key(), e.problem()));
    }
}

// Writes a whole file atomically (OutputFile: a reader never sees half of it); DataError names the
// file and the OS reason.
inline void write(const QString& path, const QByteArray& bytes)
{
    OutputFile f(path);
    f.write(bytes);
    f.commit();
}

} // namespace veloce::JsonFile
