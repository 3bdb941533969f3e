#pragma once

#include "types/trade.h"

#include <QAbstractTableModel>
#include <vector>

namespace veloce {

// Closed trades (trades.csv as a table): entry and exit time, side, prices, qty, PnL, fees, exit
// reason, score and holding time. Backtests set the whole list; live sessions append. Qt::UserRole
// gives raw numbers for sorting.
class TradesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Side,
        EntryTime,
        ExitTime,
        EntryPrice,
        ExitPrice,
        Qty,
        Pnl,
        Fees,
        Reason,
        Score,
        Held,
        ColumnCount
    };

    explicit TradesModel(QObject* parent = nullptr);

    void setTrades(std::vector<Trade> trades);
    // Appends trades not seen yet (matched by position id), e.g. from a session's recent trades.
    void appendTrades(const std::vector<Trade>& trades);
    const std::vector<Trade>& trades() const { return m_trades; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString reasonText(ExitReason reason);

private:
    QVariant raw(const Trade& t, int column) const;

    std::vector<Trade> m_trades;
    std::int64_t m_lastId = 0;
};

} // namespace veloce
