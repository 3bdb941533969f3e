#pragma once

#include <QList>
#include <QPointF>
#include <vector>

namespace veloce {

// Shrinks a time series to what a plot of a given width can show, without losing its shape: per
// pixel column it keeps the first, lowest, highest and last point (in time order), so peaks and
// drawdowns survive at any zoom. O(n) over the points inside [fromX, toX]; x must be ascending.
class SeriesDecimator
{
public:
    // Points with x in [fromX, toX], plus the nearest point just outside on each side so the line
    // reaches the plot edges; at most ~4 points per column.
    static QList<QPointF> decimate(const std::vector<QPointF>& points, double fromX, double toX, int columns);
    // Lowest and highest y of the points with x in [fromX, toX]; false when there are none.
    static bool yRange(
        const std::vector<QPointF>& points, double fromX, double toX, double& low, double& high);
};

} // namespace veloce
