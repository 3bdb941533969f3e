#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace veloce {

// Reads a whole file that is small by nature (a config, a result folder's JSON) with a hard cap,
// so /dev/zero, /dev/urandom or a 100 MB file cannot take the memory or the time; a character
// device, a block device or a socket is refused before it is read. Pipes are read (for
// `--config <(...)`); a FIFO nobody writes to reads as empty instead of blocking. Errors name
// the OS reason (strerror), never "Unknown error".
class SmallFile
{
public:
    // The bytes, or nullopt with `problem` set (phrased without the path, for the caller to add).
    static std::optional<QByteArray> read(const QString& path, qint64 maxBytes, QString& problem);
    // "1 MiB", "64 MiB": limits as messages print them.
    static QString sizeText(qint64 bytes);
};

} // namespace veloce
