#include "heatmapscale.h"

#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
// Five stops of matplotlib's viridis; linear between them (as resources/report/sweep.js).
constexpr int kStops[5][3]
    = { { 68, 1, 84 }, { 59, 82, 139 }, { 33, 145, 140 }, { 94, 201, 98 }, { 253, 231, 37 } };
} // namespace

HeatmapScale::HeatmapScale(double min, double max, bool minimised)
    : m_min(min)
    , m_max(max)
    , m_minimised(minimised)
{
}

double HeatmapScale::position(double value) const
{
    const double s = m_max > m_min ? std::clamp((value - m_min) / (m_max - m_min), 0.0, 1.0) : 0.5;
    return m_minimised ? 1 - s : s;
}

double HeatmapScale::valueAt(double position) const
{
    const double s = m_minimised ? 1 - position : position;
    return m_min + (m_max - m_min) * s;
}

std::vector<double> HeatmapScale::ticks(int count) const
{
    std::vector<double> out;
    count = std::max(count, 2);
    for (int i = 0; i < count; ++i)
        out.push_back(valueAt(double(i) / double(count - 1)));
    return out;
}

QColor HeatmapScale::colourAt(double position)
{
    const double t = std::clamp(std::isfinite(position) ? position : 0.0, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    const auto mix
        = [&](int c) { return int(std::lround(kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f)); };
    return QColor(mix(0), mix(1), mix(2));
}

QColor HeatmapScale::textOn(const QColor& background)
{
    // Relative luminance (ITU-R BT.601 weights) of the cell: dark text on the bright end.
    const double y = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
    return y > 140 ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white);
}

} // namespace veloce
