#pragma once

#include "heatmapscale.h"
#include "research/sweepheatmap.h"

#include <QStringList>
#include <QWidget>
#include <cstdint>

namespace veloce {

class Grid;
class Objective;

// Draws one SweepHeatmap: a cell per value of the x key (across) and of the y key (up), coloured
// on HeatmapScale with a legend (the objective, its numbers, which end is better, "not run"), the
// key values along both axes and the keys as axis titles. The best configuration is outlined,
// configurations that did not run are hatched. Hovering a cell names its configuration; a double
// click asks to open it as a backtest (configurationActivated). It draws only: the cells come from
// core/research (SweepHeatmaps), computed on the sweep's worker thread.
class HeatmapView : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    void setHeatmap(const SweepHeatmap& map, const Grid& grid, const Objective& objective, std::int64_t best);
    void clear();

    bool hasHeatmap() const { return m_map.columns > 0; }
    const SweepHeatmap& heatmap() const { return m_map; }
    // Cells drawn with a value (the others are "not run").
    int valueCells() const;
    // The cell's rectangle in widget coordinates, x across and y up (0 = bottom row); for tests.
    QRect cellRect(int x, int y) const;
    // What hovering the cell says.
    QString cellText(int x, int y) const;
    // The value text of the legend's ticks, worst first.
    QStringList legendTexts() const;

    QSize sizeHint() const override { return { 640, 420 }; }
    QSize minimumSizeHint() const override { return { 320, 220 }; }

Q_SIGNALS:
    void configurationActivated(qint64 config);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Geometry
    {
        QRect plot; // the cells
        QRect legend; // the colour bar
        int xStep = 1; // label every n-th value when they do not all fit
        int yStep = 1;
    };
    Geometry geometry() const;
    QRect cellRect(const Geometry& g, int x, int y) const;
    // Cell (x, y) under a point, or false.
    bool cellAt(const QPoint& point, int& x, int& y) const;
    void paintCells(QPainter& p, const Geometry& g) const;
    void paintAxes(QPainter& p, const Geometry& g) const;
    void paintLegend(QPainter& p, const Geometry& g) const;

    SweepHeatmap m_map;
    QStringList m_xValues;
    QStringList m_yValues;
    QString m_xKey;
    QString m_yKey;
    QString m_objective;
    bool m_minimised = false;
    std::int64_t m_best = -1;
    HeatmapScale m_scale;
    int m_hoverX = -1;
    int m_hoverY = -1;
};

} // namespace veloce
