#pragma once

#include "types/equitypoint.h"

#include <QPointF>
#include <QTimer>
#include <QWidget>
#include <cstdint>
#include <vector>

class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace veloce {

// The stitched out-of-sample equity of a walk-forward analysis with its windows drawn on it: a
// dashed line where each test window starts (and where the last one ends), each window labelled
// W1, W2, ... in the middle of its span, the initial capital dotted. The curve is decimated to the
// plot width (SeriesDecimator), so a year of 1-second bars draws as fast as a day.
class WalkForwardChart : public QWidget
{
    Q_OBJECT
public:
    explicit WalkForwardChart(QWidget* parent = nullptr);

    // `starts`: each test window's first bar time; `end`: where the last window ends.
    void setData(const std::vector<EquityPoint>& equity, const std::vector<std::int64_t>& starts,
        std::int64_t end, double initialCapital);
    void clear();

    int boundaryCount() const { return int(m_boundaries.size()); }
    int equityPointCount() const { return int(m_equity.size()); }
    // The window labels as drawn (W1, W2, ...; every n-th when they do not all fit).
    QStringList windowLabels() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void placeLabels();

    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_line;
    QLineSeries* m_baseline;
    QDateTimeAxis* m_time;
    QValueAxis* m_value;
    std::vector<QLineSeries*> m_boundaries;
    std::vector<QGraphicsSimpleTextItem*> m_labels;
    std::vector<QPointF> m_equity; // x = ms, y = equity
    std::vector<std::int64_t> m_starts;
    std::int64_t m_end = 0;
    double m_initial = 0;
    double m_low = 0;
    double m_high = 0;
    QTimer m_refreshTimer;
};

} // namespace veloce
