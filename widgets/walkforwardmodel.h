#pragma once

#include "research/walkforwardresult.h"

#include <QAbstractTableModel>
#include <memory>

namespace veloce {

// The windows of a walk-forward analysis as a table (walkforward.csv's rows): the train and test
// spans (UTC), the in-sample and out-of-sample objective and annualised return, the window's
// efficiency, its out-of-sample trades, the overfitting check of the in-sample choice, and the
// parameters chosen in sample. Shows the WalkForwardResult it is given; Qt::UserRole gives raw values for
// sorting.
class WalkForwardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Window,
        TrainFrom,
        TrainTo,
        TestFrom,
        TestTo,
        InSample,
        OutOfSample,
        InSampleAnnual,
        OutOfSampleAnnual,
        Efficiency,
        Trades,
        DeflatedSharpe,
        Pbo,
        Parameters, // last: the widest, and the numbers before it stay in view
        ColumnCount
    };

    explicit WalkForwardModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const WalkForwardResult> result);
    const std::shared_ptr<const WalkForwardResult>& result() const { return m_result; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const WalkForwardWindow& w, int row, int column) const;
    QString text(const WalkForwardWindow& w, int row, int column) const;

    std::shared_ptr<const WalkForwardResult> m_result;
};

} // namespace veloce
