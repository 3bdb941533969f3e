#pragma once

#include "types/printable.h"

#include <QString>
#include <stdexcept>

namespace veloce {

// Bad input data or an unreachable data server, phrased for the user: names the file and line
// (or the endpoint). The CLI maps it to exit code 2. The text is made printable() here, once, so
// bytes from the data (ESC, NUL, ...) never reach a terminal or cut the message short.
class DataError : public std::runtime_error
{
public:
    explicit DataError(const QString& message)
        : DataError(printable(message), 0)
    {
    }
    QString message() const { return m_message; }

private:
    DataError(const QString& escaped, int)
        : std::runtime_error(escaped.toStdString())
        , m_message(escaped)
    {
    }
    QString m_message;
};

} // namespace veloce
