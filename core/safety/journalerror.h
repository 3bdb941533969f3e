#pragma once

#include <QString>
#include <stdexcept>

namespace veloce {

// A journal that cannot be used, phrased for a person; the message names the file.
// Refused: the file is not a usable Veloce journal (not a database, damaged, foreign, newer
// schema, inconsistent contents) -- bad input, exit code 2, the file is left untouched.
// Failed: reading or writing went wrong at run time (disk full, I/O error).
class JournalError : public std::runtime_error
{
public:
    enum class Kind
    {
        Refused,
        Failed
    };
    explicit JournalError(const QString& message, Kind kind = Kind::Failed)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }
    bool refused() const { return m_kind == Kind::Refused; }

private:
    Kind m_kind;
};

} // namespace veloce
