#pragma once

#include "research/sweepheatmaps.h"
#include "research/sweepresult.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTableView;

namespace veloce {

class HeatmapView;
class ResultHeader;
class StatCard;
class SweepResultsModel;

// The Optimizer's result of a sweep: the best configuration with its objective and, next to it,
// the overfitting check (deflated Sharpe ratio and PBO, docs/research.md §5); a heatmap of the
// objective over two keys the user picks (the other keys at their best values); and the sortable
// table of every configuration. A double-click on a row or a cell asks to backtest that
// configuration (configurationActivated); "Export HTML report" asks for the sweep report. It shows
// the immutable values it is given (the sweep and its heatmaps, built on the worker thread) and
// computes none of them.
class SweepView : public QWidget
{
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);

    void setSweep(std::shared_ptr<const SweepResult> result, std::shared_ptr<const SweepHeatmaps> heatmaps);
    void clear();
    void setNotice(const QString& text);
    // The heatmap's keys: indices into the grid's dimensions, y = -1 for the x key alone.
    void setAxes(int x, int y);

    const std::shared_ptr<const SweepResult>& result() const { return m_result; }
    HeatmapView* heatmapView() const { return m_heatmap; }
    SweepResultsModel* resultsModel() const { return m_model; }
    QTableView* resultsTable() const { return m_table; }
    QComboBox* xAxis() const { return m_x; }
    QComboBox* yAxis() const { return m_y; }
    StatCard* card(const QString& key) const;
    QString headline() const;
    QString heatmapNote() const;

Q_SIGNALS:
    void configurationActivated(qint64 config);
    void exportRequested();

private:
    void showBest();
    void showHeatmap();
    void onAxisChanged(QComboBox* changed);

    std::shared_ptr<const SweepResult> m_result;
    std::shared_ptr<const SweepHeatmaps> m_heatmaps;
    ResultHeader* m_header;
    QComboBox* m_x;
    QComboBox* m_y;
    QLabel* m_heatmapNote;
    HeatmapView* m_heatmap;
    SweepResultsModel* m_model;
    QTableView* m_table;
    int m_shownX = 0;
    int m_shownY = -1;
};

} // namespace veloce
