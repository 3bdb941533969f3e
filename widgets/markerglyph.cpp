#include "markerglyph.h"

#include "theme.h"

#include <QChart>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QScatterSeries>

namespace veloce::MarkerGlyph {

namespace {
// Marker bitmaps for QXYSeries::setLightMarker: drawn once, blitted per point (much cheaper than
// one graphics item per marker).
QImage bitmap(Shape g, const QColor& color, int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const double s = size;
    switch (g) {
    case Shape::Up:
    case Shape::Down: {
        QPainterPath path;
        const bool up = g == Shape::Up;
        path.moveTo(s / 2, up ? 1 : s - 1);
        path.lineTo(s - 1, up ? s - 2 : 2);
        path.lineTo(1, up ? s - 2 : 2);
        path.closeSubpath();
        p.setPen(QPen(Theme::background(), 1));
        p.setBrush(color);
        p.drawPath(path);
        break;
    }
    case Shape::Cross:
        p.setPen(QPen(color, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(2.5, 2.5), QPointF(s - 2.5, s - 2.5));
        p.drawLine(QPointF(s - 2.5, 2.5), QPointF(2.5, s - 2.5));
        break;
    case Shape::Dot:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2));
        break;
    }
    return img;
}

} // namespace

QScatterSeries* series(QChart* chart, Shape g, const QColor& color, int size)
{
    auto* s = new QScatterSeries(chart);
    s->setMarkerSize(size);
    s->setLightMarker(bitmap(g, color, size * 2));
    s->setPen(Qt::NoPen);
    chart->addSeries(s);
    return s;
}

} // namespace veloce::MarkerGlyph
