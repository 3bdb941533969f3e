#pragma once

#include "safety/alert.h"

#include <QAbstractTableModel>
#include <vector>

namespace veloce {

// The session's alerts as a table for the Alerts dock, newest first: time, kind, source, message
// and whether (when, by whom) it was acknowledged. A view of the AlertLog: the owner hands it the
// log's alerts() after every change (sync), and the model turns the difference into row inserts,
// removals and dataChanged, so a selection survives new alerts and acknowledgements. Qt::UserRole
// gives raw values for sorting; IdRole on any column the alert id. Unacknowledged rows are bold,
// alarms tinted red, warnings amber.
class AlertsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Kind,
        Source,
        Message,
        Status,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit AlertsModel(QObject* parent = nullptr);

    // `alerts` oldest first, ids increasing (AlertLog::alerts()).
    void sync(const std::vector<Alert>& alerts);
    void clear();
    const Alert& alertAt(int row) const { return m_alerts[std::size_t(row)]; }
    int unacknowledgedCount() const { return m_unacknowledged; }
    int unacknowledgedAlarms() const { return m_unacknowledgedAlarms; }
    std::int64_t newestId() const { return m_alerts.empty() ? 0 : m_alerts.front().id; }
    // A person's words for an alert's kind ("Kill switch", "Re-arm", "Drawdown breaker", ...).
    static QString kindText(AlertKind kind);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void unacknowledgedChanged(int count, int alarms);

private:
    QVariant raw(const Alert& a, int column) const;
    QString statusText(const Alert& a) const;
    void recount();

    std::vector<Alert> m_alerts; // newest first
    int m_unacknowledged = 0;
    int m_unacknowledgedAlarms = 0;
};

} // namespace veloce
