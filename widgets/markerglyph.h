#pragma once

#include <QColor>

class QChart;
class QScatterSeries;

namespace veloce::MarkerGlyph {

enum class Shape
{
    Up,
    Down,
    Cross,
    Dot
};

// A scatter series on `chart` whose points are drawn as one pre-rendered bitmap of `shape`
// (QXYSeries::setLightMarker): blitted per point, much cheaper than a graphics item per marker,
// which matters with thousands of signals on a long history.
QScatterSeries* series(QChart* chart, Shape shape, const QColor& color, int size);

} // namespace veloce::MarkerGlyph
