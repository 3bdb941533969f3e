#include "walkforwardchart.h"

#include "seriesdecimator.h"
#include "theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace veloce {

WalkForwardChart::WalkForwardChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_line(new QLineSeries(m_chart))
    , m_baseline(new QLineSeries(m_chart))
    , m_time(new QDateTimeAxis(m_chart))
    , m_value(new QValueAxis(m_chart))
{
    setObjectName(QStringLiteral("walkForwardChart"));
    Theme::styleChart(m_chart);
    m_chart->setMargins(QMargins(8, 26, 8, 4)); // room above the plot for the window labels
    m_view->setRenderHint(QPainter::Antialiasing);
    m_line->setPen(QPen(Theme::accent().lighter(120), 1.8));
    m_baseline->setPen(QPen(Theme::mutedText(), 1, Qt::DotLine));
    m_chart->addSeries(m_baseline);
    m_chart->addSeries(m_line);
    Theme::styleAxis(m_time);
    Theme::styleAxis(m_value);
    m_time->setTickCount(7);
    m_value->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_value, Qt::AlignRight);
    for (QLineSeries* s : { m_line, m_baseline }) {
        s->attachAxis(m_time);
        s->attachAxis(m_value);
    }
    connect(m_chart, &QChart::plotAreaChanged, this, &WalkForwardChart::placeLabels);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(60);
    connect(&m_refreshTimer, &QTimer::timeout, this, &WalkForwardChart::refresh);
}

void WalkForwardChart::setData(const std::vector<EquityPoint>& equity,
    const std::vector<std::int64_t>& starts, std::int64_t end, double initialCapital)
{
    m_equity.clear();
    m_equity.reserve(equity.size());
    for (const EquityPoint& p : equity)
        if (m_equity.empty() || double(p.t) >= m_equity.back().x()) // the decimator needs ascending x
            m_equity.emplace_back(double(p.t), p.equity);
    m_starts = starts;
    m_end = end;
    m_initial = initialCapital;

    for (QLineSeries* s : m_boundaries) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_boundaries.clear();
    for (QGraphicsSimpleTextItem* t : m_labels)
        delete t;
    m_labels.clear();
    std::vector<std::int64_t> lines = m_starts;
    if (!m_starts.empty())
        lines.push_back(m_end);
    QPen dashed(Theme::warning(), 1, Qt::DashLine);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto* s = new QLineSeries(m_chart);
        s->setPen(dashed);
        m_chart->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_value);
        m_boundaries.push_back(s);
    }
    for (std::size_t i = 0; i < m_starts.size(); ++i) {
        auto* label = new QGraphicsSimpleTextItem(QStringLiteral("W%1").arg(i + 1), m_chart);
        label->setBrush(Theme::warning());
        QFont f = label->font();
        f.setPointSizeF(8.5);
        label->setFont(f);
        m_labels.push_back(label);
    }
    refresh();
}

void WalkForwardChart::clear()
{
    setData({}, {}, 0, 0);
}

QStringList WalkForwardChart::windowLabels() const
{
    QStringList out;
    for (const QGraphicsSimpleTextItem* t : m_labels)
        if (t->isVisible())
            out << t->text();
    return out;
}

void WalkForwardChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_refreshTimer.start();
}

void WalkForwardChart::refresh()
{
    if (m_equity.empty()) {
        m_line->clear();
        m_baseline->clear();
        return;
    }
    const double from
        = std::min(m_equity.front().x(), m_starts.empty() ? m_equity.front().x() : double(m_starts.front()));
    const double to = std::max({ m_equity.back().x(), double(m_end), from + 1000 });
    const int columns = std::max(50, m_view->width() / 2);
    m_line->replace(SeriesDecimator::decimate(m_equity, from, to, columns));
    SeriesDecimator::yRange(m_equity, from, to, m_low, m_high);
    if (m_initial > 0) {
        m_low = std::min(m_low, m_initial);
        m_high = std::max(m_high, m_initial);
        m_baseline->replace(QList<QPointF> { { from, m_initial }, { to, m_initial } });
    }
    const double pad = std::max((m_high - m_low) * 0.08, std::abs(m_high) * 1e-4 + 1e-9);
    m_low -= pad;
    m_high += pad;
    m_value->setRange(m_low, m_high);
    m_time->setRange(
        QDateTime::fromMSecsSinceEpoch(qint64(from)), QDateTime::fromMSecsSinceEpoch(qint64(to)));
    const double span = to - from;
    m_time->setFormat(span <= 2 * 86400e3 ? QStringLiteral("MMM d HH:mm") : QStringLiteral("MMM d"));
    for (std::size_t i = 0; i < m_boundaries.size(); ++i) {
        const double x = double(i < m_starts.size() ? m_starts[i] : m_end);
        m_boundaries[i]->replace(QList<QPointF> { { x, m_low }, { x, m_high } });
    }
    placeLabels();
}

void WalkForwardChart::placeLabels()
{
    if (m_labels.empty() || m_equity.empty())
        return;
    const QRectF plot = m_chart->plotArea();
    // Label every n-th window when the labels would overlap.
    double widest = 0;
    for (const QGraphicsSimpleTextItem* t : m_labels)
        widest = std::max(widest, t->boundingRect().width());
    const double perWindow = plot.width() / double(m_labels.size());
    const std::size_t every = std::size_t(std::max(1.0, std::ceil((widest + 6) / std::max(perWindow, 1.0))));
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        QGraphicsSimpleTextItem* label = m_labels[i];
        const double next = double(i + 1 < m_starts.size() ? m_starts[i + 1] : m_end);
        const double middle = (double(m_starts[i]) + next) / 2;
        const QPointF at = m_chart->mapToPosition(QPointF(middle, m_high), m_line);
        const QRectF box = label->boundingRect();
        label->setPos(at.x() - box.width() / 2, plot.top() - box.height() - 4);
        label->setVisible(i % every == 0);
    }
}

} // namespace veloce
