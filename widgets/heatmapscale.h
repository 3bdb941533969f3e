#pragma once

#include <QColor>
#include <vector>

namespace veloce {

// The colour scale of the Optimizer's heatmap, the same as the sweep's HTML report: viridis
// (perceptually uniform, readable with colour-blindness and in grey), dark to bright, and bright
// is always better -- a minimised objective (max_drawdown) runs the other way. A plain value.
class HeatmapScale
{
public:
    HeatmapScale() = default;
    HeatmapScale(double min, double max, bool minimised);

    // 0 (worst) .. 1 (best) for a value between min and max; 0.5 when min == max.
    double position(double value) const;
    QColor colour(double value) const { return colourAt(position(value)); }
    // The objective's value at a position of the scale (the inverse of position()).
    double valueAt(double position) const;
    // `count` (>= 2) values evenly spaced from the worst to the best, for the legend.
    std::vector<double> ticks(int count) const;

    // Viridis at 0..1 (clamped).
    static QColor colourAt(double position);
    // Black or white, whichever reads on `background`.
    static QColor textOn(const QColor& background);

private:
    double m_min = 0;
    double m_max = 0;
    bool m_minimised = false;
};

} // namespace veloce
