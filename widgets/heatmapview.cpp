#include "heatmapview.h"

#include "metrictext.h"
#include "research/grid.h"
#include "research/objective.h"
#include "theme.h"

#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
constexpr int kBarWidth = 16;
constexpr int kLegendTicks = 5;

QStringList valueLabels(const Grid& grid, int dimension)
{
    QStringList out;
    if (dimension < 0)
        return out;
    for (const nlohmann::json& v : grid.dimensions()[std::size_t(dimension)].values)
        out << Grid::valueText(v);
    return out;
}

int widest(const QFontMetrics& fm, const QStringList& texts)
{
    int w = 0;
    for (const QString& t : texts)
        w = std::max(w, fm.horizontalAdvance(t));
    return w;
}
} // namespace

HeatmapView::HeatmapView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("heatmap"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HeatmapView::setHeatmap(
    const SweepHeatmap& map, const Grid& grid, const Objective& objective, std::int64_t best)
{
    m_map = map;
    m_xKey = grid.dimensions()[std::size_t(map.xDimension)].key;
    m_yKey = map.yDimension >= 0 ? grid.dimensions()[std::size_t(map.yDimension)].key : QString();
    m_xValues = valueLabels(grid, map.xDimension);
    m_yValues = valueLabels(grid, map.yDimension);
    m_objective = objective.key();
    m_minimised = objective.minimised();
    m_best = best;
    m_scale = HeatmapScale(map.min.value_or(0), map.max.value_or(0), m_minimised);
    m_hoverX = m_hoverY = -1;
    update();
}

void HeatmapView::clear()
{
    m_map = SweepHeatmap();
    m_xValues.clear();
    m_yValues.clear();
    update();
}

int HeatmapView::valueCells() const
{
    return int(
        std::count_if(m_map.cells.begin(), m_map.cells.end(), [](const auto& v) { return v.has_value(); }));
}

HeatmapView::Geometry HeatmapView::geometry() const
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    QStringList ticks;
    for (double v : m_scale.ticks(kLegendTicks))
        ticks << MetricText::format(m_objective, v);
    QFont bold = font();
    bold.setBold(true);
    const int legendWidth
        = std::max({ kBarWidth + 8 + widest(fm, ticks), QFontMetrics(bold).horizontalAdvance(m_objective),
              fm.horizontalAdvance(tr("not run")) + 18, fm.horizontalAdvance(tr("\u25b2 better")) })
        + 16;
    const int left = 10 + (m_yKey.isEmpty() ? 0 : line + 10 + widest(fm, m_yValues));
    const int top = 2 * line + 14; // the legend's title lines sit above the colour bar
    const int bottom = 2 * line + 22;
    Geometry g;
    g.plot = QRect(
        left, top, std::max(10, width() - left - legendWidth - 20), std::max(10, height() - top - bottom));
    g.legend = QRect(g.plot.right() + 24, top, kBarWidth, std::max(g.plot.height(), 5 * line));
    if (m_map.rows == 1) // one key: a strip along the bottom, not a wall
        g.plot.setTop(
            std::max(top, g.plot.bottom() - std::max(3 * line, g.plot.width() / std::max(1, m_map.columns))));
    if (m_map.columns > 0 && m_map.rows > 0) {
        const double cw = double(g.plot.width()) / m_map.columns;
        const double ch = double(g.plot.height()) / m_map.rows;
        g.xStep = std::max(1, int(std::ceil((widest(fm, m_xValues) + 10) / cw)));
        g.yStep = std::max(1, int(std::ceil((line + 2) / ch)));
    }
    return g;
}

QRect HeatmapView::cellRect(int x, int y) const
{
    return hasHeatmap() ? cellRect(geometry(), x, y) : QRect();
}

QRect HeatmapView::cellRect(const Geometry& g, int x, int y) const
{
    const QRect& plot = g.plot;
    const int x0 = plot.left() + x * plot.width() / m_map.columns;
    const int x1 = plot.left() + (x + 1) * plot.width() / m_map.columns;
    const int row = m_map.rows - 1 - y; // y grows upwards
    const int y0 = plot.top() + row * plot.height() / m_map.rows;
    const int y1 = plot.top() + (row + 1) * plot.height() / m_map.rows;
    return QRect(QPoint(x0, y0), QPoint(x1 - 1, y1 - 1));
}

bool HeatmapView::cellAt(const QPoint& point, int& x, int& y) const
{
    if (!hasHeatmap())
        return false;
    const Geometry g = geometry();
    if (!g.plot.contains(point))
        return false;
    x = std::clamp((point.x() - g.plot.left()) * m_map.columns / g.plot.width(), 0, m_map.columns - 1);
    const int row = std::clamp((point.y() - g.plot.top()) * m_map.rows / g.plot.height(), 0, m_map.rows - 1);
    y = m_map.rows - 1 - row;
    return true;
}

QString HeatmapView::cellText(int x, int y) const
{
    const std::size_t i = std::size_t(y * m_map.columns + x);
    QString where = QStringLiteral("%1 = %2").arg(m_xKey, m_xValues.value(x));
    if (!m_yKey.isEmpty())
        where += QStringLiteral(", %1 = %2").arg(m_yKey, m_yValues.value(y));
    const std::optional<double> v = m_map.cells[i];
    const QString value = v ? QStringLiteral("%1 %2").arg(m_objective, MetricText::format(m_objective, v))
                            : tr("did not run");
    QString text = tr("%1\n%2\nconfiguration %3 \u00b7 double-click to backtest it")
                       .arg(where, value)
                       .arg(m_map.configs[i]);
    if (m_map.configs[i] == m_best)
        text += QLatin1Char('\n') + tr("the best configuration");
    return text;
}

QStringList HeatmapView::legendTexts() const
{
    QStringList out;
    if (!m_map.min)
        return out;
    for (double v : m_scale.ticks(kLegendTicks))
        out << MetricText::format(m_objective, v);
    return out;
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Theme::background());
    if (!hasHeatmap()) {
        p.setPen(Theme::mutedText());
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Run a sweep: the objective over two keys appears here, the other keys at their best "
               "values."));
        return;
    }
    const Geometry g = geometry();
    paintCells(p, g);
    paintAxes(p, g);
    paintLegend(p, g);
}

void HeatmapView::paintCells(QPainter& p, const Geometry& g) const
{
    const QFontMetrics fm = fontMetrics();
    QBrush hatch(Theme::border(), Qt::BDiagPattern);
    for (int y = 0; y < m_map.rows; ++y) {
        for (int x = 0; x < m_map.columns; ++x) {
            const std::size_t i = std::size_t(y * m_map.columns + x);
            const QRect r = cellRect(g, x, y).adjusted(1, 1, -1, -1);
            const std::optional<double> v = m_map.cells[i];
            if (!v) {
                p.fillRect(r, Theme::raised());
                p.fillRect(r, hatch);
            } else {
                const QColor c = m_scale.colour(*v);
                p.fillRect(r, c);
                const QString text = MetricText::format(m_objective, v);
                if (fm.horizontalAdvance(text) + 8 <= r.width() && fm.height() + 2 <= r.height()) {
                    p.setPen(HeatmapScale::textOn(c));
                    p.drawText(r, Qt::AlignCenter, text);
                }
            }
            if (m_map.configs[i] == m_best) {
                p.setPen(QPen(Qt::white, 2.5));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(1, 1, -2, -2));
            } else if (x == m_hoverX && y == m_hoverY) {
                p.setPen(QPen(Qt::white, 1, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(0, 0, -1, -1));
            }
        }
    }
}

void HeatmapView::paintAxes(QPainter& p, const Geometry& g) const
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    p.setPen(Theme::text());
    for (int x = 0; x < m_map.columns; x += g.xStep) {
        const QRect c = cellRect(g, x, 0);
        p.drawText(QRect(c.center().x() - 200, g.plot.bottom() + 6, 400, line),
            Qt::AlignHCenter | Qt::AlignTop, m_xValues.value(x));
    }
    for (int y = 0; y < m_map.rows && !m_yKey.isEmpty(); y += g.yStep) {
        const QRect c = cellRect(g, 0, y);
        p.drawText(QRect(0, c.center().y() - line, g.plot.left() - 8, 2 * line),
            Qt::AlignRight | Qt::AlignVCenter, m_yValues.value(y));
    }
    QFont title = font();
    title.setBold(true);
    p.setFont(title);
    p.setPen(Theme::mutedText());
    p.drawText(QRect(g.plot.left(), g.plot.bottom() + line + 12, g.plot.width(), line + 4), Qt::AlignHCenter,
        m_xKey + QStringLiteral("  \u2192"));
    if (!m_yKey.isEmpty()) {
        p.save();
        p.translate(6, g.plot.center().y());
        p.rotate(-90);
        p.drawText(QRect(-g.plot.height() / 2, 0, g.plot.height(), line + 4), Qt::AlignHCenter,
            m_yKey + QStringLiteral("  \u2192"));
        p.restore();
    }
    p.setFont(font());
}

void HeatmapView::paintLegend(QPainter& p, const Geometry& g) const
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const QRect bar = g.legend;
    QFont title = font();
    title.setBold(true);
    // Two lines above the bar: the objective, then which end is better.
    p.setFont(title);
    p.setPen(Theme::text());
    p.drawText(QPoint(bar.left(), bar.top() - line - 8 - fm.descent()), m_objective);
    p.setFont(font());
    p.setPen(Theme::mutedText());
    p.drawText(QPoint(bar.left(), bar.top() - 4 - fm.descent()), tr("\u25b2 better"));

    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft()); // worst at the bottom
    for (int i = 0; i <= 8; ++i)
        gradient.setColorAt(i / 8.0, HeatmapScale::colourAt(i / 8.0));
    p.fillRect(bar, gradient);
    p.setPen(Theme::border());
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(0, 0, -1, -1));

    const std::vector<double> ticks = m_scale.ticks(kLegendTicks);
    p.setPen(Theme::text());
    for (int i = 0; i < kLegendTicks && m_map.min; ++i) {
        const int y = bar.bottom() - int(std::lround(double(i) / (kLegendTicks - 1) * (bar.height() - 1)));
        p.drawLine(bar.right() + 1, y, bar.right() + 4, y);
        p.drawText(QRect(bar.right() + 8, y - line, 200, 2 * line), Qt::AlignLeft | Qt::AlignVCenter,
            MetricText::format(m_objective, ticks[std::size_t(i)]));
    }
    const QRect swatch(bar.left(), bar.bottom() + 12, 12, 12);
    p.fillRect(swatch, Theme::raised());
    p.fillRect(swatch, QBrush(Theme::border(), Qt::BDiagPattern));
    p.setPen(Theme::mutedText());
    p.drawText(QRect(swatch.right() + 6, swatch.top() - 4, 200, 20), Qt::AlignLeft | Qt::AlignVCenter,
        tr("not run"));
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event)
{
    int x = -1;
    int y = -1;
    if (!cellAt(event->position().toPoint(), x, y))
        x = y = -1;
    if (x != m_hoverX || y != m_hoverY) {
        m_hoverX = x;
        m_hoverY = y;
        update();
        if (x >= 0)
            QToolTip::showText(event->globalPosition().toPoint(), cellText(x, y), this, cellRect(x, y));
        else
            QToolTip::hideText();
    }
}

void HeatmapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    int x = -1;
    int y = -1;
    if (cellAt(event->position().toPoint(), x, y))
        Q_EMIT configurationActivated(m_map.configs[std::size_t(y * m_map.columns + x)]);
}

void HeatmapView::leaveEvent(QEvent*)
{
    m_hoverX = m_hoverY = -1;
    update();
}

} // namespace veloce
