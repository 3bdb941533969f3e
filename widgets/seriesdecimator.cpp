#include "seriesdecimator.h"

#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
using Iter = std::vector<QPointF>::const_iterator;

Iter firstAtOrAfter(const std::vector<QPointF>& points, double x)
{
    return std::lower_bound(
        points.begin(), points.end(), x, [](const QPointF& p, double v) { return p.x() < v; });
}
} // namespace

QList<QPointF> SeriesDecimator::decimate(
    const std::vector<QPointF>& points, double fromX, double toX, int columns)
{
    QList<QPointF> out;
    if (points.empty() || !(toX > fromX))
        return out;
    columns = std::max(columns, 1);
    Iter begin = firstAtOrAfter(points, fromX);
    Iter end = std::upper_bound(
        points.begin(), points.end(), toX, [](double v, const QPointF& p) { return v < p.x(); });
    if (begin != points.begin())
        --begin;
    if (end != points.end())
        ++end;
    const auto n = end - begin;
    if (n <= 4 * columns) {
        out.reserve(n);
        for (Iter it = begin; it != end; ++it)
            out.append(*it);
        return out;
    }
    out.reserve(4 * columns + 4);
    const double width = (toX - fromX) / columns;
    Iter it = begin;
    while (it != end) {
        const double column = std::floor((it->x() - fromX) / width);
        const Iter first = it;
        Iter lowest = it;
        Iter highest = it;
        Iter last = it;
        for (++it; it != end && std::floor((it->x() - fromX) / width) == column; ++it) {
            if (it->y() < lowest->y())
                lowest = it;
            if (it->y() > highest->y())
                highest = it;
            last = it;
        }
        // Emit the (up to) four distinct extremes in time order.
        Iter picks[4] = { first, lowest, highest, last };
        std::sort(std::begin(picks), std::end(picks));
        for (int i = 0; i < 4; ++i) {
            if (i == 0 || picks[i] != picks[i - 1])
                out.append(*picks[i]);
        }
    }
    return out;
}

bool SeriesDecimator::yRange(
    const std::vector<QPointF>& points, double fromX, double toX, double& low, double& high)
{
    bool any = false;
    for (Iter it = firstAtOrAfter(points, fromX); it != points.end() && it->x() <= toX; ++it) {
        if (!any) {
            low = high = it->y();
            any = true;
        } else {
            low = std::min(low, it->y());
            high = std::max(high, it->y());
        }
    }
    return any;
}

} // namespace veloce
