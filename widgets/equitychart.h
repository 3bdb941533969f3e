#pragma once

#include "types/equitypoint.h"

#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>
#include <QWidget>
#include <vector>

class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace veloce {

// Equity curve with the drawdown underneath on the same time axis: two charts stacked (Qt Charts
// has one plot area per chart). Series are decimated to the plot width (SeriesDecimator), so a
// run with a million equity rows draws as fast as one with a hundred.
class EquityChart : public QWidget
{
    Q_OBJECT
public:
    explicit EquityChart(QWidget* parent = nullptr);

    void setInitialCapital(double capital);
    void setEquity(const std::vector<EquityPoint>& points);
    void clear();

    int equityPointCount() const { return int(m_equity.size()); }
    // Points currently handed to the chart series (after decimation).
    int drawnPointCount() const;
    double shownMaxDrawdown() const { return m_maxDrawdown; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void scheduleRefresh();
    void refresh();

    QChart* m_equityChart;
    QChart* m_drawdownChart;
    QChartView* m_equityView;
    QChartView* m_drawdownView;
    QLineSeries* m_equityLine;
    QLineSeries* m_baseline;
    QLineSeries* m_drawdownLine;
    QLineSeries* m_zeroLine;
    QAreaSeries* m_drawdownArea;
    QDateTimeAxis* m_equityTime;
    QDateTimeAxis* m_drawdownTime;
    QValueAxis* m_equityAxis;
    QValueAxis* m_drawdownAxis;
    QLabel* m_caption;

    std::vector<QPointF> m_equity; // x = ms, y = equity
    std::vector<QPointF> m_drawdown; // x = ms, y = -drawdown in %
    double m_initial = 0;
    double m_maxDrawdown = 0;
    QTimer m_refreshTimer;
};

} // namespace veloce
