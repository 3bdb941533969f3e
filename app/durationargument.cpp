#include "durationargument.h"

#include "clicommand.h"

#include <QRegularExpression>

namespace veloce::DurationArgument {

std::int64_t parse(const QString& text, const QString& option)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,9})([smhdw])$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).toLongLong() == 0)
        throw UsageError(QStringLiteral("%1: \"%2\" is not a duration such as 30d, 12h, 90m, 45s or 2w")
                             .arg(option, text));
    static const std::int64_t unit[] = { 1000, 60000, 3600000, 86400000, 7 * 86400000LL };
    const int u = static_cast<int>(QStringLiteral("smhdw").indexOf(m.captured(2)));
    return m.captured(1).toLongLong() * unit[u];
}

} // namespace veloce::DurationArgument
