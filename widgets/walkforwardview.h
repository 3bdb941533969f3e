#pragma once

#include "research/walkforwardresult.h"
#include "types/backtestresult.h"

#include <QWidget>
#include <memory>

class QTableView;

namespace veloce {

class ResultHeader;
class StatCard;
class WalkForwardChart;
class WalkForwardModel;

// The result of a walk-forward analysis (docs/research.md §4): the walk-forward efficiency and
// the stitched out-of-sample account's numbers, its equity with the window boundaries, and a row
// per window (train and test spans, chosen parameters, in-sample and out-of-sample objective).
// "Open in dashboard" asks to show the stitched out-of-sample run there. Shows the immutable
// values it is given and computes none of them.
class WalkForwardView : public QWidget
{
    Q_OBJECT
public:
    explicit WalkForwardView(QWidget* parent = nullptr);

    // `stitched`: the stitched out-of-sample run (trades, equity) collected while it ran.
    void setResult(
        std::shared_ptr<const WalkForwardResult> result, std::shared_ptr<const BacktestResult> stitched);
    void clear();
    void setNotice(const QString& text);

    const std::shared_ptr<const WalkForwardResult>& result() const { return m_result; }
    WalkForwardChart* chart() const { return m_chart; }
    WalkForwardModel* windowsModel() const { return m_model; }
    QTableView* windowsTable() const { return m_table; }
    StatCard* card(const QString& key) const;
    QString headline() const;

Q_SIGNALS:
    void openStitchedRequested();

private:
    std::shared_ptr<const WalkForwardResult> m_result;
    ResultHeader* m_header;
    WalkForwardChart* m_chart;
    WalkForwardModel* m_model;
    QTableView* m_table;
};

} // namespace veloce
