#pragma once

#include <QString>
#include <stdexcept>

namespace veloce {

// Bad input data or an unreachable data server, phrased for the user: names the file and line
// (or the endpoint). The CLI maps it to exit code 2.
class DataError : public std::runtime_error
{
public:
    explicit DataError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace veloce
