#include "timeargument.h"

#include "clicommand.h"

#include <QDateTime>
#include <QTimeZone>

namespace veloce::TimeArgument {

std::int64_t parse(const QString& text, const QString& option)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            dt = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    if (!dt.isValid())
        throw UsageError(QStringLiteral("%1: \"%2\" is not an ISO 8601 date or date-time (e.g. 2024-01-31 or "
                                        "2024-01-31T12:00:00Z)")
                             .arg(option, text));
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // no zone given: UTC, like every time in the data
    return dt.toMSecsSinceEpoch();
}

QString format(std::int64_t ms)
{
    // Qt::UTC (not QTimeZone::utc()) so that Qt 6.4 writes the "Z" suffix rather than "+00:00".
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace veloce::TimeArgument
