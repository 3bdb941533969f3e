#pragma once

#include "types/trade.h"

#include <QObject>
#include <QPointer>

class QModelIndex;
class QTableView;

namespace veloce {

class CandleChart;
class TradesModel;

// Trades you can click: links a trades table (a TableViewFactory view over a TradesModel) to a
// candle chart. The table's current row is the selected trade: the chart zooms to it, highlights
// it and shows its details. Up/Down walk through the trades in the order the table shows them --
// in the table itself, or on the chart (which asks through tradeStepRequested). Esc or the
// details' close button clears the focus; the table keeps its row.
class TradeFocus : public QObject
{
    Q_OBJECT
public:
    TradeFocus(QTableView* table, TradesModel* model, CandleChart* chart, QObject* parent = nullptr);

    // Makes `row` (in the table's sorted order) the current, selected row.
    void selectRow(int row);
    // Moves the selection by `delta` rows, clamped to the table.
    void step(int delta);
    int currentRow() const;

Q_SIGNALS:
    // After the chart has zoomed to `trade` (synchronously: the chart is already redrawn).
    void tradeFocused(const veloce::Trade& trade);

private:
    void onCurrentChanged(const QModelIndex& current);

    QPointer<QTableView> m_table;
    TradesModel* m_model;
    CandleChart* m_chart;
};

} // namespace veloce
