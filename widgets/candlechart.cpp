#include "candlechart.h"

#include "candlechartview.h"
#include "candlestore.h"
#include "theme.h"
#include "tradedetails.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace veloce {

namespace {
QString bucketName(std::int64_t ms)
{
    if (ms % CandleStore::kDay == 0)
        return CandleChart::tr("%1d").arg(ms / CandleStore::kDay);
    if (ms % CandleStore::kHour == 0)
        return CandleChart::tr("%1h").arg(ms / CandleStore::kHour);
    if (ms % CandleStore::kMinute == 0)
        return CandleChart::tr("%1m").arg(ms / CandleStore::kMinute);
    return CandleChart::tr("%1s").arg(ms / CandleStore::kSecond);
}
} // namespace

CandleChart::CandleChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new CandleChartView(this))
    , m_title(new QLabel(this))
    , m_bucketNote(new QLabel(this))
    , m_timeframes(new QButtonGroup(this))
    , m_follow(new QToolButton(this))
    , m_details(new TradeDetails(this))
{
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 0);
    bar->setSpacing(2);
    m_title->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 11pt;"));
    bar->addWidget(m_title);
    bar->addSpacing(16);
    const std::pair<std::int64_t, QString> frames[]
        = { { CandleStore::kSecond, tr("1s") }, { CandleStore::kMinute, tr("1m") },
              { 5 * CandleStore::kMinute, tr("5m") }, { CandleStore::kHour, tr("1h") } };
    for (const auto& [ms, name] : frames) {
        auto* b = new QToolButton(this);
        b->setText(name);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setToolTip(tr("Show %1 candles").arg(name));
        b->setObjectName(QStringLiteral("timeframe_%1").arg(ms / 1000));
        m_timeframes->addButton(b, int(ms / 1000));
        bar->addWidget(b);
    }
    m_timeframes->button(1)->setChecked(true);
    bar->addSpacing(12);
    m_bucketNote->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    bar->addWidget(m_bucketNote);
    bar->addStretch(1);

    auto* zoomOut = new QToolButton(this);
    zoomOut->setText(QStringLiteral("\u2212"));
    zoomOut->setToolTip(tr("Zoom out (mouse wheel, \u2212)"));
    zoomOut->setAutoRaise(true);
    auto* zoomIn = new QToolButton(this);
    zoomIn->setText(QStringLiteral("+"));
    zoomIn->setToolTip(tr("Zoom in (mouse wheel, +)"));
    zoomIn->setAutoRaise(true);
    auto* all = new QToolButton(this);
    all->setText(tr("All"));
    all->setToolTip(tr("Show the whole history (Home)"));
    all->setAutoRaise(true);
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest candle in view (End, or double-click the chart); drag to pan"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setAutoRaise(true);
    for (QToolButton* b : { zoomOut, zoomIn, all, m_follow })
        bar->addWidget(b);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_timeframes, &QButtonGroup::idClicked, this,
        [this](int seconds) { m_view->setTimeframe(std::int64_t(seconds) * 1000); });
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.5); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(1 / 1.5); });
    connect(all, &QToolButton::clicked, m_view, &CandleChartView::showAll);
    connect(m_follow, &QToolButton::toggled, m_view, &CandleChartView::setFollowing);
    connect(m_view, &CandleChartView::followingChanged, m_follow, &QToolButton::setChecked);
    connect(m_view, &CandleChartView::bucketChanged, this, &CandleChart::updateBucketNote);

    // The details float over the plot's top-left corner (below the OHLC readout) while a trade
    // is selected; the zoom puts the trade in the middle, so they never cover it.
    m_details->hide();
    connect(m_details, &TradeDetails::closeRequested, this, &CandleChart::clearTradeFocus);
    connect(m_view, &CandleChartView::tradeStepRequested, this, &CandleChart::tradeStepRequested);
    connect(m_view, &CandleChartView::tradeFocusCleared, this, [this] {
        m_details->hide();
        Q_EMIT tradeFocusCleared();
    });
}

void CandleChart::focusTrade(const Trade& trade)
{
    m_details->setTrade(trade);
    m_view->focusTrade(trade);
    placeDetails();
    m_details->show();
    m_details->raise();
}

void CandleChart::clearTradeFocus()
{
    m_details->hide();
    m_view->clearTradeFocus();
}

void CandleChart::setEntryThreshold(double minEntryScore)
{
    m_details->setThreshold(minEntryScore);
}

void CandleChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeDetails();
}

void CandleChart::placeDetails()
{
    m_details->adjustSize();
    const QRectF plot = m_view->chartViewport().plotRect();
    const QPoint corner = m_view->geometry().topLeft() + QPoint(int(plot.left()) + 8, int(plot.top()) + 26);
    m_details->move(corner);
}

void CandleChart::setTitle(const QString& title)
{
    m_title->setText(title);
}

void CandleChart::setTimeframe(std::int64_t ms)
{
    if (QAbstractButton* b = m_timeframes->button(int(ms / 1000)))
        b->setChecked(true);
    m_view->setTimeframe(ms);
}

std::int64_t CandleChart::timeframe() const
{
    return m_view->timeframe();
}

void CandleChart::updateBucketNote()
{
    const std::int64_t bucket = m_view->bucketMs();
    const std::int64_t effective = m_view->effectiveTimeframe();
    if (bucket > effective)
        m_bucketNote->setText(tr("zoomed out: %1 candles").arg(bucketName(bucket)));
    else if (effective > m_view->timeframe())
        m_bucketNote->setText(tr("data has %1 bars").arg(bucketName(effective)));
    else
        m_bucketNote->clear();
}

} // namespace veloce
