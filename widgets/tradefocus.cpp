#include "tradefocus.h"

#include "candlechart.h"
#include "tradesmodel.h"

#include <QAbstractProxyModel>
#include <QItemSelectionModel>
#include <QTableView>
#include <algorithm>

namespace veloce {

TradeFocus::TradeFocus(QTableView* table, TradesModel* model, CandleChart* chart, QObject* parent)
    : QObject(parent)
    , m_table(table)
    , m_model(model)
    , m_chart(chart)
{
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(chart, &CandleChart::tradeStepRequested, this, &TradeFocus::step);
    // A new list of trades (another backtest, a new session) drops the old focus.
    connect(model, &QAbstractItemModel::modelReset, chart, &CandleChart::clearTradeFocus);
}

int TradeFocus::currentRow() const
{
    return m_table ? m_table->currentIndex().row() : -1;
}

void TradeFocus::selectRow(int row)
{
    if (!m_table)
        return;
    QAbstractItemModel* shown = m_table->model();
    if (row < 0 || row >= shown->rowCount())
        return;
    const QModelIndex index = shown->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void TradeFocus::step(int delta)
{
    if (!m_table || m_table->model()->rowCount() == 0)
        return;
    const int current = currentRow();
    const int row = current < 0 ? (delta > 0 ? 0 : m_table->model()->rowCount() - 1)
                                : std::clamp(current + delta, 0, m_table->model()->rowCount() - 1);
    selectRow(row);
}

void TradeFocus::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    QModelIndex source = current;
    if (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(current.model()))
        source = proxy->mapToSource(current);
    const int row = source.row();
    if (row < 0 || row >= m_model->rowCount())
        return;
    const Trade& trade = m_model->trades()[std::size_t(row)];
    m_chart->focusTrade(trade);
    Q_EMIT tradeFocused(trade);
}

} // namespace veloce
