#include "timeargument.h"

#include "clicommand.h"

#include <QDateTime>
#include <QTimeZone>
#include <utility>

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

std::int64_t parseDuration(const QString& text, const QString& option)
{
    static const struct
    {
        char unit;
        std::int64_t ms;
    } units[] = { { 's', 1000 }, { 'm', 60000 }, { 'h', 3600000 }, { 'd', 86400000 } };
    const QString t = text.trimmed();
    if (t.size() >= 2) {
        bool ok = false;
        const qlonglong n = t.left(t.size() - 1).toLongLong(&ok);
        for (const auto& u : units)
            if (ok && n > 0 && n <= 366LL * 86400 && t.back() == QLatin1Char(u.unit))
                return n * u.ms;
    }
    throw UsageError(
        QStringLiteral("%1: \"%2\" is not a duration (a whole number with s, m, h or d, e.g. 1m or 4h)")
            .arg(option, text));
}

QString formatDuration(std::int64_t ms)
{
    for (const auto& [unit, size] :
        { std::pair { 'd', 86400000LL }, std::pair { 'h', 3600000LL }, std::pair { 'm', 60000LL } })
        if (ms % size == 0)
            return QString::number(ms / size) + QLatin1Char(unit);
    return ms % 1000 == 0 ? QString::number(ms / 1000) + QLatin1Char('s')
                          : QString::number(ms) + QStringLiteral("ms");
}

} // namespace veloce::TimeArgument
