#pragma once

#include "safety/journalsession.h"

#include <QAbstractTableModel>
#include <vector>

namespace veloce {

// The journal's past sessions as a table (File -> Sessions): start and end, source, mode,
// broker, trades, PnL and whether trading was halted when it ended. Qt::UserRole gives raw
// values for sorting; Qt::UserRole + 1 on any column gives the session id.
class SessionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Started,
        Ended,
        Source,
        Mode,
        Broker,
        Trades,
        Pnl,
        Halted,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit SessionsModel(QObject* parent = nullptr);

    void setSessions(std::vector<JournalSessionInfo> sessions);
    const std::vector<JournalSessionInfo>& sessions() const { return m_sessions; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const JournalSessionInfo& s, int column) const;
    QString endText(const JournalSessionInfo& s) const;

    std::vector<JournalSessionInfo> m_sessions;
};

} // namespace veloce
