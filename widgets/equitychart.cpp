#include "equitychart.h"

#include "displayformat.h"
#include "seriesdecimator.h"
#include "theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
QChartView* makeView(QChart* chart, QWidget* parent)
{
    Theme::styleChart(chart);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(60);
    return view;
}

QString timeFormat(double spanMs)
{
    if (spanMs <= 2 * 3600e3)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 2 * 86400e3)
        return QStringLiteral("HH:mm");
    return QStringLiteral("MMM d");
}
} // namespace

EquityChart::EquityChart(QWidget* parent)
    : QWidget(parent)
    , m_equityChart(new QChart)
    , m_drawdownChart(new QChart)
    , m_equityView(makeView(m_equityChart, this))
    , m_drawdownView(makeView(m_drawdownChart, this))
    , m_equityLine(new QLineSeries(m_equityChart))
    , m_baseline(new QLineSeries(m_equityChart))
    , m_drawdownLine(new QLineSeries(m_drawdownChart))
    , m_zeroLine(new QLineSeries(m_drawdownChart))
    , m_drawdownArea(new QAreaSeries(m_drawdownLine, m_zeroLine))
    , m_equityTime(new QDateTimeAxis(m_equityChart))
    , m_drawdownTime(new QDateTimeAxis(m_drawdownChart))
    , m_equityAxis(new QValueAxis(m_equityChart))
    , m_drawdownAxis(new QValueAxis(m_drawdownChart))
    , m_caption(new QLabel(this))
{
    m_equityLine->setPen(QPen(Theme::accent().lighter(120), 1.6));
    m_baseline->setPen(QPen(Theme::mutedText(), 1, Qt::DotLine));
    m_equityChart->addSeries(m_baseline);
    m_equityChart->addSeries(m_equityLine);
    m_drawdownArea->setPen(QPen(Theme::down(), 1));
    QColor fill = Theme::down();
    fill.setAlpha(90);
    m_drawdownArea->setBrush(fill);
    m_drawdownChart->addSeries(m_drawdownArea);

    for (QDateTimeAxis* a : { m_equityTime, m_drawdownTime }) {
        Theme::styleAxis(a);
        a->setTickCount(6);
    }
    m_equityTime->setLabelsVisible(false);
    Theme::styleAxis(m_equityAxis);
    Theme::styleAxis(m_drawdownAxis);
    m_equityAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_drawdownAxis->setLabelFormat(QStringLiteral("%.1f%%"));
    m_drawdownAxis->setTickCount(3);
    m_equityChart->addAxis(m_equityTime, Qt::AlignBottom);
    m_equityChart->addAxis(m_equityAxis, Qt::AlignRight);
    m_drawdownChart->addAxis(m_drawdownTime, Qt::AlignBottom);
    m_drawdownChart->addAxis(m_drawdownAxis, Qt::AlignRight);
    for (QLineSeries* s : { m_equityLine, m_baseline }) {
        s->attachAxis(m_equityTime);
        s->attachAxis(m_equityAxis);
    }
    m_drawdownArea->attachAxis(m_drawdownTime);
    m_drawdownArea->attachAxis(m_drawdownAxis);

    m_caption->setStyleSheet(QStringLiteral("color: %1; padding: 2px 8px;").arg(Theme::mutedText().name()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_caption);
    layout->addWidget(m_equityView, 7);
    layout->addWidget(m_drawdownView, 3);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(100); // the curve moves once a bar at most: 10 redraws/s are plenty
    connect(&m_refreshTimer, &QTimer::timeout, this, &EquityChart::refresh);
    refresh();
}

void EquityChart::setInitialCapital(double capital)
{
    m_initial = capital;
    scheduleRefresh();
}

void EquityChart::setEquity(const std::vector<EquityPoint>& points)
{
    m_equity.clear();
    m_drawdown.clear();
    m_equity.reserve(points.size());
    m_drawdown.reserve(points.size());
    m_maxDrawdown = 0;
    for (const EquityPoint& p : points) {
        if (!m_equity.empty() && double(p.t) < m_equity.back().x())
            continue; // x must ascend for the decimator
        m_equity.emplace_back(double(p.t), p.equity);
        m_drawdown.emplace_back(double(p.t), -100.0 * p.drawdown);
        m_maxDrawdown = std::max(m_maxDrawdown, p.drawdown);
    }
    scheduleRefresh();
}

void EquityChart::clear()
{
    setEquity({});
}

int EquityChart::drawnPointCount() const
{
    return int(m_equityLine->count());
}

void EquityChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scheduleRefresh();
}

void EquityChart::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void EquityChart::refresh()
{
    if (m_equity.empty()) {
        m_equityLine->clear();
        m_baseline->clear();
        m_drawdownLine->clear();
        m_zeroLine->clear();
        m_caption->setText(tr("Equity \u2014 no data yet"));
        return;
    }
    const double from = m_equity.front().x();
    const double to = std::max(m_equity.back().x(), from + 1000);
    const int columns = std::max(50, int(m_equityView->width() / 2));
    m_equityLine->replace(SeriesDecimator::decimate(m_equity, from, to, columns));
    const QList<QPointF> dd = SeriesDecimator::decimate(m_drawdown, from, to, columns);
    m_drawdownLine->replace(dd);
    QList<QPointF> zero;
    zero.reserve(dd.size());
    for (const QPointF& p : dd)
        zero.append(QPointF(p.x(), 0));
    m_zeroLine->replace(zero);

    double low = 0;
    double high = 0;
    SeriesDecimator::yRange(m_equity, from, to, low, high);
    if (m_initial > 0) {
        low = std::min(low, m_initial);
        high = std::max(high, m_initial);
        m_baseline->replace(QList<QPointF> { { from, m_initial }, { to, m_initial } });
    }
    const double pad = std::max((high - low) * 0.08, std::abs(high) * 1e-4 + 1e-9);
    m_equityAxis->setRange(low - pad, high + pad);
    m_drawdownAxis->setRange(std::min(-100.0 * m_maxDrawdown * 1.1, -0.1), 0);
    for (QDateTimeAxis* a : { m_equityTime, m_drawdownTime }) {
        a->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)), QDateTime::fromMSecsSinceEpoch(qint64(to)));
        a->setFormat(timeFormat(to - from));
    }
    const double last = m_equity.back().y();
    m_caption->setText(
        tr("Equity %1   (%2)   max drawdown %3")
            .arg(DisplayFormat::money(last),
                m_initial > 0 ? DisplayFormat::percent(last / m_initial - 1, 2, true) : QString(),
                DisplayFormat::percent(m_maxDrawdown)));
}

} // namespace veloce
