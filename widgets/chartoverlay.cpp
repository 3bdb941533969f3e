#include "chartoverlay.h"

#include "chartviewport.h"
#include "displayformat.h"
#include "theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace veloce {

ChartOverlay::ChartOverlay(QPainter* painter, const QRectF& plot, const ChartViewport& viewport)
    : m_painter(painter)
    , m_plot(plot)
    , m_viewport(viewport)
{
}

void ChartOverlay::priceTag(double y, const QString& text, const QColor& background)
{
    QPainter* p = m_painter;
    const QFontMetricsF fm(p->font());
    const QRectF box(
        m_plot.right() + 1, y - fm.height() / 2 - 2, fm.horizontalAdvance(text) + 10, fm.height() + 4);
    p->setPen(Qt::NoPen);
    p->setBrush(background);
    p->drawRoundedRect(box, 2, 2);
    p->setPen(Qt::white);
    p->drawText(box, Qt::AlignCenter, text);
}

void ChartOverlay::positionLines(const std::vector<Position>& positions)
{
    QPainter* p = m_painter;
    const auto line
        = [&](double price, double x0, const QColor& color, Qt::PenStyle style, const QString& label) {
              const double y = m_viewport.priceToY(price);
              if (y < m_plot.top() || y > m_plot.bottom())
                  return;
              p->setPen(QPen(color, 1.2, style));
              p->drawLine(QPointF(std::max(x0, m_plot.left()), y), QPointF(m_plot.right(), y));
              const QFontMetricsF fm(p->font());
              const QString text = label + QLatin1Char(' ') + DisplayFormat::price(price);
              const QRectF box(m_plot.right() - fm.horizontalAdvance(text) - 14, y - fm.height() - 3,
                  fm.horizontalAdvance(text) + 10, fm.height() + 2);
              p->setPen(Qt::NoPen);
              p->setBrush(QColor(color.red(), color.green(), color.blue(), 200));
              p->drawRoundedRect(box, 2, 2);
              p->setPen(Qt::white);
              p->drawText(box, Qt::AlignCenter, text);
          };
    for (const Position& pos : positions) {
        const double x0 = m_viewport.timeToX(double(pos.entryMs));
        const QString side = pos.side == Side::Long ? tr("LONG") : tr("SHORT");
        line(pos.entry, x0, Theme::mutedText(), Qt::DotLine, side);
        line(pos.stop, x0, Theme::down(), Qt::DashLine, tr("SL"));
        line(pos.target, x0, Theme::up(), Qt::DashLine, tr("TP"));
    }
}

void ChartOverlay::tradeSpan(const Trade& t)
{
    QPainter* p = m_painter;
    const double x0 = m_viewport.timeToX(double(t.entryMs));
    const double x1 = m_viewport.timeToX(double(t.exitMs));
    const double left = std::clamp(x0, m_plot.left(), m_plot.right());
    const double right = std::clamp(x1, m_plot.left(), m_plot.right());
    QColor band = Theme::accent();
    band.setAlpha(40);
    p->setPen(Qt::NoPen);
    p->setBrush(band);
    p->drawRect(QRectF(left, m_plot.top(), std::max(right - left, 2.0), m_plot.height()));
    const QColor result = t.pnl > 0 ? Theme::up() : t.pnl < 0 ? Theme::down() : Theme::mutedText();
    const QPointF in(x0, m_viewport.priceToY(t.entryPrice));
    const QPointF out(x1, m_viewport.priceToY(t.exitPrice));
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(result.lighter(120), 1.6, Qt::DashLine));
    p->drawLine(in, out);
    p->setPen(QPen(Theme::text(), 2.2));
    p->drawEllipse(in, 8, 8);
    p->setPen(QPen(result.lighter(130), 2.2));
    p->drawEllipse(out, 8, 8);
}

void ChartOverlay::lastPrice(double close, bool up)
{
    const double y = m_viewport.priceToY(close);
    if (y < m_plot.top() || y > m_plot.bottom())
        return;
    const QColor color = up ? Theme::up() : Theme::down();
    m_painter->setPen(QPen(color, 1, Qt::DotLine));
    m_painter->drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
    priceTag(y, DisplayFormat::price(close), color);
}

void ChartOverlay::crosshair(const QPointF& scene)
{
    m_painter->setPen(QPen(Theme::mutedText(), 1, Qt::DashLine));
    m_painter->drawLine(QPointF(scene.x(), m_plot.top()), QPointF(scene.x(), m_plot.bottom()));
    m_painter->drawLine(QPointF(m_plot.left(), scene.y()), QPointF(m_plot.right(), scene.y()));
    priceTag(scene.y(), DisplayFormat::price(m_viewport.yToPrice(scene.y())), Theme::raised());
}

void ChartOverlay::readout(const Candle& c)
{
    const QColor color = c.close >= c.open ? Theme::up() : Theme::down();
    const QString text = tr("%1   O %2  H %3  L %4  C %5  Vol %6")
                             .arg(DisplayFormat::dateTime(c.t), DisplayFormat::price(c.open),
                                 DisplayFormat::price(c.high), DisplayFormat::price(c.low),
                                 DisplayFormat::price(c.close), DisplayFormat::quantity(c.volume));
    m_painter->setPen(color.lighter(115));
    m_painter->drawText(m_plot.adjusted(8, 6, -8, 0), Qt::AlignLeft | Qt::AlignTop, text);
}

} // namespace veloce
