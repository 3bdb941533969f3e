#pragma once

#include <QString>
#include <QStringList>

namespace veloce::test {

// The value of an HTTP Basic Authorization header for user:password (what a server may echo).
inline QString basicCredentials(const QString& user, const QString& password)
{
    return QString::fromLatin1((user + QLatin1Char(':') + password).toUtf8().toBase64());
}

// The secrets that occur in `text` (empty when none leaked).
inline QStringList leakedSecrets(const QString& text, const QStringList& secrets)
{
    QStringList out;
    for (const QString& s : secrets)
        if (!s.isEmpty() && text.contains(s))
            out << s;
    return out;
}

} // namespace veloce::test
