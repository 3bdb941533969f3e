#pragma once

#include "research/objective.h"
#include "research/sweepresult.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace veloce {

// The configurations of a sweep as a table, one row per SweepRow (configuration and market): the
// rank (1 = best by the objective: the ranking's order), the market when there are several, the
// grid values, then the numbers of summary.json that can be optimised. Shows the SweepResult it is
// given and computes none of its numbers. Qt::UserRole gives raw values for sorting
// (TableViewFactory's proxy): numbers as numbers, a null ratio as an invalid QVariant.
class SweepResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kConfigRole = Qt::UserRole + 1; // the row's grid index, any column

    explicit SweepResultsModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const SweepResult> result);
    const std::shared_ptr<const SweepResult>& result() const { return m_result; }

    // The summary.json keys of the metric columns, in column order.
    static QStringList metricKeys();
    // Column of a metric key or of a grid key; -1 when not shown.
    int metricColumn(const QString& key) const;
    int gridColumn(int dimension) const;
    std::int64_t configAt(int row) const;
    const SweepRow& rowAt(int row) const { return m_result->rows[std::size_t(row)]; }
    // The ranking's place of a grid index, 1 = best; 0 when it did not run.
    int rankOf(std::int64_t config) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const SweepRow& row, int column) const;
    QString text(const SweepRow& row, int column) const;
    int firstMetricColumn() const;

    std::shared_ptr<const SweepResult> m_result;
    std::vector<Objective> m_metrics; // one per metric column
    std::vector<int> m_rank; // by position in result->configs
    bool m_markets = false; // a market column (several markets)
};

} // namespace veloce
