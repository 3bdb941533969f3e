#include "candlechartview.h"

#include "chartoverlay.h"
#include "displayformat.h"
#include "markerglyph.h"
#include "theme.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace veloce {

namespace {
constexpr int kRefreshIntervalMs = 33; // ~30 redraws per second at most
constexpr std::int64_t kDefaultSpanCandles = 240;
constexpr double kMarkerSpacingPx = 14; // a marker glyph is 5-12 px wide

bool sameCandle(const Candle& a, const Candle& b)
{
    return a.t == b.t && a.open == b.open && a.high == b.high && a.low == b.low && a.close == b.close;
}

QCandlestickSet* makeSet(const Candle& c)
{
    auto* set = new QCandlestickSet(c.open, c.high, c.low, c.close, double(c.t));
    const QColor color = c.close > c.open ? Theme::up()
        : c.close < c.open                ? Theme::down()
                                          : Theme::mutedText();
    set->setPen(QPen(color, 1));
    return set;
}

// The candle that holds time t in a time-sorted candle array, or nullptr.
const Candle* candleAt(const std::vector<Candle>& candles, std::int64_t bucket, std::int64_t t)
{
    const std::int64_t b = CandleStore::floorTo(t, bucket);
    const std::size_t i = CandleStore::lowerBound(candles, b);
    return i < candles.size() && candles[i].t == b ? &candles[i] : nullptr;
}

QString timeFormatFor(std::int64_t spanMs)
{
    if (spanMs <= 2 * CandleStore::kHour)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 2 * CandleStore::kDay)
        return QStringLiteral("HH:mm");
    if (spanMs <= 90 * CandleStore::kDay)
        return QStringLiteral("MMM d HH:mm");
    return QStringLiteral("yyyy-MM-dd");
}
} // namespace

CandleChartView::CandleChartView(QWidget* parent)
    : QChartView(parent)
    , m_chart(new QChart)
    , m_series(new QCandlestickSeries(m_chart))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_priceAxis(new QValueAxis(m_chart))
{
    Theme::styleChart(m_chart);
    m_series->setIncreasingColor(Theme::up());
    m_series->setDecreasingColor(Theme::down());
    m_series->setBodyOutlineVisible(false);
    m_series->setBodyWidth(0.72);
    m_series->setMinimumColumnWidth(1.0);
    m_series->setMaximumColumnWidth(24.0);
    m_chart->addSeries(m_series);

    m_longEntries = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Up, Theme::up().lighter(125), 12);
    m_shortEntries = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Down, Theme::down().lighter(115), 12);
    m_winExits = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Cross, Theme::up().lighter(140), 10);
    m_lossExits = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Cross, Theme::down().lighter(130), 10);
    m_acceptedSignals = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Dot, Theme::warning(), 6);
    m_rejectedSignals = MarkerGlyph::series(m_chart, MarkerGlyph::Shape::Dot, Theme::mutedText(), 5);

    Theme::styleAxis(m_timeAxis);
    Theme::styleAxis(m_priceAxis);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignRight);
    const QList<QAbstractSeries*> all = m_chart->series();
    for (QAbstractSeries* s : all) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_priceAxis);
    }

    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing, false);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 200);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    m_viewport.setTimeRange(0, kDefaultSpanCandles * CandleStore::kSecond);

    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CandleChartView::refreshNow);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { scheduleRefresh(); });
    m_sinceRefresh.start();
}

CandleChartView::~CandleChartView() = default;

void CandleChartView::clear()
{
    m_store.clear();
    m_trades.clear();
    m_maxHoldMs = 0;
    m_focus.reset();
    m_signals.clear();
    m_positions.clear();
    scheduleRefresh();
}

void CandleChartView::setBars(const std::vector<Bar>& bars)
{
    m_store.assign(bars);
    scheduleRefresh();
}

void CandleChartView::appendBars(const std::vector<Bar>& bars)
{
    for (const Bar& b : bars)
        m_store.append(b);
    scheduleRefresh();
}

void CandleChartView::appendBar(const Bar& bar)
{
    m_store.append(bar);
    scheduleRefresh();
}

void CandleChartView::setTrades(std::vector<Trade> trades)
{
    m_trades = std::move(trades);
    m_maxHoldMs = 0;
    for (const Trade& t : m_trades)
        m_maxHoldMs = std::max(m_maxHoldMs, t.exitMs - t.entryMs);
    scheduleRefresh();
}

void CandleChartView::appendTrade(const Trade& trade)
{
    m_trades.push_back(trade);
    m_maxHoldMs = std::max(m_maxHoldMs, trade.exitMs - trade.entryMs);
    scheduleRefresh();
}

std::pair<std::int64_t, std::int64_t> CandleChartView::tradeRange(const Trade& t) const
{
    // The holding time in the middle half of the plot, and never fewer than a dozen candles of
    // context on either side: a 10-second trade on 1-minute candles still shows where it was.
    const std::int64_t tf = effectiveTimeframe();
    const std::int64_t held = std::max<std::int64_t>(t.exitMs - t.entryMs, 0);
    const std::int64_t margin = std::max(held / 2, 12 * tf);
    return { t.entryMs - margin, t.exitMs + tf + margin };
}

void CandleChartView::focusTrade(const Trade& trade)
{
    m_focus = trade;
    const auto [from, to] = tradeRange(trade);
    showRange(from, to);
}

void CandleChartView::clearTradeFocus()
{
    if (!m_focus)
        return;
    m_focus.reset();
    viewport()->update();
    Q_EMIT tradeFocusCleared();
}

void CandleChartView::setSignals(std::vector<SignalRecord> records)
{
    m_signals = std::move(records);
    scheduleRefresh();
}

void CandleChartView::appendSignal(const SignalRecord& record)
{
    // A live session may run for weeks: keep the newest half million signal markers.
    if (m_signals.size() >= 500'000)
        m_signals.erase(m_signals.begin(), m_signals.begin() + 250'000);
    m_signals.push_back(record);
    scheduleRefresh();
}

void CandleChartView::setOpenPositions(std::vector<Position> positions)
{
    m_positions = std::move(positions);
    viewport()->update();
}

std::int64_t CandleChartView::effectiveTimeframe() const
{
    const std::int64_t res = m_store.resolutionMs();
    if (m_timeframe >= res)
        return m_timeframe;
    for (const std::int64_t step : { CandleStore::kMinute, 5 * CandleStore::kMinute, CandleStore::kHour }) {
        if (step >= res)
            return step;
    }
    return CandleStore::kDay;
}

void CandleChartView::setTimeframe(std::int64_t ms)
{
    if (ms <= 0 || ms == m_timeframe)
        return;
    const double scale = double(ms) / double(m_timeframe);
    m_timeframe = ms;
    const auto span = std::clamp<std::int64_t>(std::llround(double(m_viewport.spanMs()) * scale),
        ChartViewport::kMinSpanMs, ChartViewport::kMaxSpanMs);
    const std::int64_t end = m_viewport.toMs();
    m_viewport.setTimeRange(end - span, end);
    refreshNow();
}

void CandleChartView::setFollowing(bool on)
{
    setFollowingInternal(on);
    refreshNow();
}

void CandleChartView::setFollowingInternal(bool on)
{
    if (on == m_viewport.following())
        return;
    m_viewport.setFollowing(on);
    Q_EMIT followingChanged(on);
}

void CandleChartView::setSpan(std::int64_t ms)
{
    const std::int64_t end = m_viewport.toMs();
    m_viewport.setTimeRange(end - std::clamp(ms, ChartViewport::kMinSpanMs, ChartViewport::kMaxSpanMs), end);
    refreshNow();
}

void CandleChartView::showRange(std::int64_t fromMs, std::int64_t toMs)
{
    setFollowingInternal(false);
    m_viewport.setTimeRange(fromMs, std::max(toMs, fromMs + ChartViewport::kMinSpanMs));
    refreshNow();
}

void CandleChartView::showAll()
{
    if (m_store.empty())
        return;
    const std::int64_t span = std::max<std::int64_t>(m_store.lastMs() - m_store.firstMs(), 1);
    showRange(m_store.firstMs() - span / 50, m_store.lastMs() + span / 50 + effectiveTimeframe());
}

void CandleChartView::zoomBy(double factor)
{
    m_viewport.zoom(factor, m_viewport.plotRect().center().x());
    refreshNow();
}

int CandleChartView::candleObjectCount() const
{
    return m_series->count();
}

int CandleChartView::markerCount() const
{
    int n = 0;
    for (const QScatterSeries* s :
        { m_longEntries, m_shortEntries, m_winExits, m_lossExits, m_acceptedSignals, m_rejectedSignals })
        n += s->count();
    return n;
}

void CandleChartView::scheduleRefresh()
{
    if (m_refreshTimer.isActive())
        return;
    const qint64 wait = kRefreshIntervalMs - m_sinceRefresh.elapsed();
    m_refreshTimer.start(int(std::max<qint64>(0, wait)));
}

void CandleChartView::refreshNow()
{
    m_refreshTimer.stop();
    m_sinceRefresh.restart();
    ++m_refreshes;
    const QRectF plot = m_chart->plotArea();
    if (plot.width() > 1 && plot.height() > 1)
        m_viewport.setPlotRect(plot);
    const std::int64_t tf = effectiveTimeframe();
    std::int64_t bucket = CandleStore::bucketFor(m_viewport.spanMs(), tf, m_viewport.maxCandles());
    if (m_viewport.following() && !m_store.empty())
        m_viewport.follow(m_store.lastMs(), bucket);
    m_store.window(m_viewport.fromMs(), m_viewport.toMs(), bucket, m_window);
    double low = 0;
    double high = 1;
    if (ChartViewport::fitPrices(m_window, 0.08, low, high))
        m_viewport.setPriceRange(low, high);
    syncCandles(bucket);
    updateAxes();
    updateMarkers();
    viewport()->update();
}

void CandleChartView::syncCandles(std::int64_t bucket)
{
    const std::vector<Candle>& next = m_window;
    if (bucket != m_shownBucket) {
        // A new bucket width changes every candle: replace the whole batch at once.
        m_series->clear();
        m_sets.clear();
        m_shown.clear();
    }
    // Merge walk over two time-sorted lists: candles that vanished or changed leave in one batch,
    // new or changed ones arrive in one batch (two relayouts of the series in all, whatever the
    // number of candles touched; updating a set in place would relayout per value).
    QList<QCandlestickSet*> removed;
    QList<QCandlestickSet*> added;
    std::vector<Candle> shown;
    std::vector<QCandlestickSet*> sets;
    shown.reserve(next.size());
    sets.reserve(next.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < m_shown.size() || j < next.size()) {
        if (j == next.size() || (i < m_shown.size() && m_shown[i].t < next[j].t)) {
            removed.append(m_sets[i++]);
        } else if (i == m_shown.size() || next[j].t < m_shown[i].t) {
            added.append(makeSet(next[j]));
            shown.push_back(next[j]);
            sets.push_back(added.back());
            ++j;
        } else if (sameCandle(m_shown[i], next[j])) {
            shown.push_back(next[j++]);
            sets.push_back(m_sets[i++]);
        } else {
            removed.append(m_sets[i++]);
            added.append(makeSet(next[j]));
            shown.push_back(next[j++]);
            sets.push_back(added.back());
        }
    }
    if (!removed.isEmpty())
        m_series->remove(removed);
    if (!added.isEmpty())
        m_series->append(added);
    m_shown = std::move(shown);
    m_sets = std::move(sets);
    if (bucket != m_shownBucket) {
        m_shownBucket = bucket;
        Q_EMIT bucketChanged(bucket);
    }
}

void CandleChartView::updateAxes()
{
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_viewport.fromMs()),
        QDateTime::fromMSecsSinceEpoch(m_viewport.toMs()));
    m_timeAxis->setFormat(timeFormatFor(m_viewport.spanMs()));
    m_timeAxis->setTickCount(std::clamp(int(m_viewport.plotRect().width() / 140) + 1, 2, 12));
    m_priceAxis->setRange(m_viewport.priceLow(), m_viewport.priceHigh());
    const double mid = std::abs(m_viewport.priceHigh());
    m_priceAxis->setLabelFormat(mid >= 1000 ? QStringLiteral("%.1f")
            : mid >= 1                      ? QStringLiteral("%.3f")
                                            : QStringLiteral("%.6f"));
    m_priceAxis->setTickCount(std::clamp(int(m_viewport.plotRect().height() / 60) + 1, 2, 12));
}

void CandleChartView::updateMarkers()
{
    const std::int64_t from = m_viewport.fromMs();
    const std::int64_t to = m_viewport.toMs();
    const std::int64_t shownBucket = std::max<std::int64_t>(m_shownBucket, 1);
    // At most one marker per cell and kind keeps the count bounded like the candles; a cell is
    // a whole number of candles at least kMarkerSpacingPx wide, so that zoomed out the markers
    // never bury the candles (zoomed in, every candle may carry its own).
    const double candlePx = m_viewport.plotRect().width() * double(shownBucket)
        / double(std::max<std::int64_t>(m_viewport.spanMs(), 1));
    const std::int64_t bucket = shownBucket
        * std::max<std::int64_t>(1, std::int64_t(std::ceil(kMarkerSpacingPx / std::max(candlePx, 1e-6))));
    QList<QPointF> longIn, shortIn, winOut, lossOut, accepted, rejected;
    std::int64_t lastLong = INT64_MIN, lastShort = INT64_MIN, lastWin = INT64_MIN, lastLoss = INT64_MIN;
    // Trades are in exit order and exit >= entry: every trade with an exit before `from` is out,
    // and so is every one exiting later than the longest holding time after `to`.
    const auto firstTrade = std::lower_bound(
        m_trades.begin(), m_trades.end(), from, [](const Trade& t, std::int64_t v) { return t.exitMs < v; });
    const std::int64_t lastExit = to + m_maxHoldMs;
    for (auto it = firstTrade; it != m_trades.end() && it->exitMs <= lastExit; ++it) {
        const Trade& t = *it;
        if (t.entryMs >= from && t.entryMs < to) {
            const std::int64_t b = CandleStore::floorTo(t.entryMs, bucket);
            std::int64_t& last = t.side == Side::Long ? lastLong : lastShort;
            if (b != last) {
                (t.side == Side::Long ? longIn : shortIn).append(QPointF(double(t.entryMs), t.entryPrice));
                last = b;
            }
        }
        if (t.exitMs >= from && t.exitMs < to) {
            const std::int64_t b = CandleStore::floorTo(t.exitMs, bucket);
            std::int64_t& last = t.pnl > 0 ? lastWin : lastLoss;
            if (b != last) {
                (t.pnl > 0 ? winOut : lossOut).append(QPointF(double(t.exitMs), t.exitPrice));
                last = b;
            }
        }
    }
    for (const Position& p : m_positions) {
        if (p.entryMs >= from && p.entryMs < to)
            (p.side == Side::Long ? longIn : shortIn).append(QPointF(double(p.entryMs), p.entry));
    }
    // Signals sit just outside their candle: below the low for longs, above the high for shorts.
    const double offset = (m_viewport.priceHigh() - m_viewport.priceLow())
        / std::max(m_viewport.plotRect().height(), 1.0) * 9;
    std::int64_t lastAccepted = INT64_MIN, lastRejected = INT64_MIN;
    const auto firstSignal = std::lower_bound(m_signals.begin(), m_signals.end(), from,
        [](const SignalRecord& r, std::int64_t v) { return r.signal.t < v; });
    for (auto it = firstSignal; it != m_signals.end() && it->signal.t < to; ++it) {
        const std::int64_t b = CandleStore::floorTo(it->signal.t, bucket);
        std::int64_t& last = it->accepted ? lastAccepted : lastRejected;
        if (b == last)
            continue;
        last = b;
        const Candle* c = candleAt(m_window, shownBucket, it->signal.t);
        const bool isLong = it->signal.side == Side::Long;
        const double y = c ? (isLong ? c->low - offset : c->high + offset) : it->signal.price;
        const std::int64_t x = CandleStore::floorTo(it->signal.t, shownBucket) + shownBucket / 2;
        (it->accepted ? accepted : rejected).append(QPointF(double(x), y));
    }
    m_longEntries->replace(longIn);
    m_shortEntries->replace(shortIn);
    m_winExits->replace(winOut);
    m_lossExits->replace(lossOut);
    m_acceptedSignals->replace(accepted);
    m_rejectedSignals->replace(rejected);
}

void CandleChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    scheduleRefresh();
}

void CandleChartView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    m_viewport.zoom(std::pow(1.25, notches), mapToScene(event->position().toPoint()).x());
    refreshNow();
    event->accept();
}

void CandleChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_lastDragX = event->position().x();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void CandleChartView::mouseMoveEvent(QMouseEvent* event)
{
    m_hoverX = event->position().x();
    m_hoverY = event->position().y();
    if (m_dragging) {
        const double dx = event->position().x() - m_lastDragX;
        m_lastDragX = event->position().x();
        if (dx != 0) {
            const bool was = m_viewport.following();
            m_viewport.pan(dx);
            if (was)
                Q_EMIT followingChanged(false);
            scheduleRefresh();
        }
    }
    viewport()->update();
    event->accept();
}

void CandleChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void CandleChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    setFollowing(true);
    event->accept();
}

void CandleChartView::leaveEvent(QEvent* event)
{
    m_hoverX = m_hoverY = -1;
    viewport()->update();
    QChartView::leaveEvent(event);
}

void CandleChartView::keyPressEvent(QKeyEvent* event)
{
    const double step = m_viewport.plotRect().width() / 8;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_Left:
        m_viewport.pan(step);
        Q_EMIT followingChanged(false);
        refreshNow();
        break;
    case Qt::Key_Right:
        m_viewport.pan(-step);
        Q_EMIT followingChanged(false);
        refreshNow();
        break;
    case Qt::Key_End:
        setFollowing(true);
        break;
    case Qt::Key_Home:
        showAll();
        break;
    case Qt::Key_Up:
        Q_EMIT tradeStepRequested(-1);
        break;
    case Qt::Key_Down:
        Q_EMIT tradeStepRequested(1);
        break;
    case Qt::Key_Escape:
        clearTradeFocus();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CandleChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = m_chart->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_store.empty()) {
        painter->setPen(Theme::mutedText());
        painter->drawText(plot, Qt::AlignCenter, tr("Waiting for market data\u2026"));
        painter->restore();
        return;
    }
    painter->setClipRect(plot.adjusted(0, 0, 80, 0));
    ChartOverlay overlay(painter, plot, m_viewport);
    if (m_focus)
        overlay.tradeSpan(*m_focus);
    overlay.positionLines(m_positions);
    overlay.lastPrice(m_store.last().close, m_shown.empty() || m_shown.back().close >= m_shown.back().open);
    // The readout shows the candle under the mouse, else the newest one.
    const Candle* c = nullptr;
    const bool hovering = m_hoverX >= plot.left() && m_hoverX <= plot.right() && m_hoverY >= plot.top()
        && m_hoverY <= plot.bottom();
    if (hovering && m_shownBucket > 0) {
        const QPointF scene = mapToScene(QPoint(int(m_hoverX), int(m_hoverY)));
        c = candleAt(m_shown, m_shownBucket, std::llround(m_viewport.xToTime(scene.x())));
        overlay.crosshair(scene);
    } else if (!m_shown.empty()) {
        c = &m_shown.back();
    }
    if (c)
        overlay.readout(*c);
    painter->restore();
}

} // namespace veloce
