#pragma once

#include "types/position.h"

#include <QAbstractTableModel>
#include <vector>

namespace veloce {

// Open positions of a session (or the end of a backtest): side, entry, last, qty, unrealized PnL
// (amount and %), stop, target, score and age. Updated from snapshots; rows are matched by
// position id so that selection and scrolling survive updates. Qt::UserRole gives raw numbers
// (for sorting), Qt::DisplayRole formatted text.
class PositionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Side,
        Entry,
        Last,
        Qty,
        Pnl,
        PnlPercent,
        Stop,
        Target,
        Score,
        Age,
        ColumnCount
    };

    explicit PositionsModel(QObject* parent = nullptr);

    // `nowMs` is the time of the newest bar: ages are measured in bar time, so replays and
    // backtests show the same ages as live sessions.
    void setPositions(const std::vector<Position>& positions, std::int64_t nowMs);
    const std::vector<Position>& positions() const { return m_positions; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const Position& p, int column) const;

    std::vector<Position> m_positions;
    std::int64_t m_nowMs = 0;
};

} // namespace veloce
