#include "alertsmodel.h"

#include "displayformat.h"
#include "theme.h"

#include <QBrush>
#include <QFont>
#include <algorithm>

namespace veloce {

AlertsModel::AlertsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AlertsModel::sync(const std::vector<Alert>& alerts)
{
    // Rows are newest first; `alerts` oldest first, both ordered by id: the rows that went
    // (trimmed from the log) are removed, new alerts go on top, the rest only change their
    // acknowledgement. Row operations rather than a reset keep the view's selection and scroll.
    std::vector<std::int64_t> ids;
    ids.reserve(alerts.size());
    for (const Alert& a : alerts)
        ids.push_back(a.id);
    for (int row = int(m_alerts.size()) - 1; row >= 0; --row) {
        if (!std::binary_search(ids.begin(), ids.end(), m_alerts[std::size_t(row)].id)) {
            beginRemoveRows({}, row, row);
            m_alerts.erase(m_alerts.begin() + row);
            endRemoveRows();
        }
    }
    const std::int64_t newest = newestId();
    const auto firstNew = std::upper_bound(
        alerts.begin(), alerts.end(), newest, [](std::int64_t id, const Alert& a) { return id < a.id; });
    const int added = int(alerts.end() - firstNew);
    if (added > 0) {
        beginInsertRows({}, 0, added - 1);
        m_alerts.insert(
            m_alerts.begin(), std::make_reverse_iterator(alerts.end()), std::make_reverse_iterator(firstNew));
        endInsertRows();
    }
    if (m_alerts.size() != alerts.size()) {
        // An older alert appeared (a log restored after the fact): start over.
        beginResetModel();
        m_alerts.assign(alerts.rbegin(), alerts.rend());
        endResetModel();
    } else {
        for (std::size_t row = std::size_t(added); row < m_alerts.size(); ++row) {
            const Alert& now = alerts[alerts.size() - 1 - row];
            Alert& shown = m_alerts[row];
            if (shown.acknowledged != now.acknowledged || shown.acknowledgedMs != now.acknowledgedMs) {
                shown = now;
                Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            }
        }
    }
    recount();
}

void AlertsModel::clear()
{
    beginResetModel();
    m_alerts.clear();
    endResetModel();
    recount();
}

void AlertsModel::recount()
{
    int n = 0;
    int alarms = 0;
    for (const Alert& a : m_alerts) {
        n += a.acknowledged ? 0 : 1;
        alarms += a.open() ? 1 : 0;
    }
    if (n == m_unacknowledged && alarms == m_unacknowledgedAlarms)
        return;
    m_unacknowledged = n;
    m_unacknowledgedAlarms = alarms;
    Q_EMIT unacknowledgedChanged(n, alarms);
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertsModel::kindText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Kill:
        return tr("Kill switch");
    case AlertKind::Halt:
        return tr("Halt");
    case AlertKind::Rearm:
        return tr("Re-arm");
    case AlertKind::NotFlat:
        return tr("Not flat");
    case AlertKind::Breaker:
        return tr("Drawdown breaker");
    case AlertKind::Heartbeat:
        return tr("Heartbeat");
    case AlertKind::Stale:
        return tr("Stale data");
    case AlertKind::Journal:
        return tr("Journal");
    case AlertKind::Feed:
        return tr("Data source");
    case AlertKind::Venue:
        return tr("Broker");
    }
    return {};
}

QString AlertsModel::statusText(const Alert& a) const
{
    if (!a.acknowledged)
        return a.severity == AlertSeverity::Alarm ? tr("ALARM \u2014 not acknowledged") : tr("new");
    return tr("acknowledged %1 (%2)").arg(DisplayFormat::dateTime(a.acknowledgedMs), a.acknowledgedBy);
}

QVariant AlertsModel::raw(const Alert& a, int column) const
{
    switch (column) {
    case Time:
        return qint64(a.wallMs);
    case Kind:
        return QString::fromLatin1(alertKindName(a.kind));
    case Source:
        return a.source;
    case Message:
        return a.message;
    case Status:
        return a.acknowledged;
    default:
        return {};
    }
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Alert& a = m_alerts[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (c) {
        case Time:
            return DisplayFormat::dateTime(a.wallMs);
        case Kind:
            return kindText(a.kind);
        case Source:
            return a.source;
        case Message:
            return a.message;
        case Status:
            return statusText(a);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return c == Message || c == Status ? QVariant(a.message + QLatin1Char('\n') + statusText(a))
                                           : QVariant();
    case Qt::UserRole:
        return raw(a, c);
    case IdRole:
        return qint64(a.id);
    case Qt::FontRole:
        if (!a.acknowledged) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (a.acknowledged)
            return QBrush(Theme::mutedText());
        if (c == Kind || c == Status) {
            if (a.severity == AlertSeverity::Alarm)
                return QBrush(Theme::down());
            if (a.severity == AlertSeverity::Warning)
                return QBrush(Theme::warning());
        }
        return {};
    case Qt::BackgroundRole:
        if (!a.acknowledged && a.severity == AlertSeverity::Alarm)
            return QBrush(Theme::kill().darker(300));
        return {};
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Kind:
        return tr("Kind");
    case Source:
        return tr("Source");
    case Message:
        return tr("Message");
    case Status:
        return tr("Acknowledged");
    default:
        return {};
    }
}

} // namespace veloce
