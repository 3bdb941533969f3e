#pragma once

#include "candlestore.h"
#include "chartviewport.h"
#include "types/position.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QTimer>
#include <optional>
#include <vector>

class QCandlestickSeries;
class QCandlestickSet;
class QDateTimeAxis;
class QScatterSeries;
class QValueAxis;

namespace veloce {

// The candle chart itself: a QCandlestickSeries that only ever holds the candles of the visible
// window, aggregated to the plot's pixel width (at most ChartViewport::kMaxCandles set objects).
// Redraws are coalesced to at most ~30 per second and update the series by batches: candles that
// scrolled out are removed together, new ones appended together, only changed ones touched.
// Signal and trade markers are scatter series limited to the window (one per bucket and kind);
// stop/target lines, the last-price tag and the crosshair readout are painted over the plot.
class CandleChartView : public QChartView
{
    Q_OBJECT
public:
    explicit CandleChartView(QWidget* parent = nullptr);
    ~CandleChartView() override;

    void clear();
    // Replaces all bars (dashboard) / appends live bars (older or duplicate ones are ignored).
    void setBars(const std::vector<Bar>& bars);
    void appendBars(const std::vector<Bar>& bars);
    void appendBar(const Bar& bar);
    void setTrades(std::vector<Trade> trades);
    void appendTrade(const Trade& trade);
    void setSignals(std::vector<SignalRecord> records);
    void appendSignal(const SignalRecord& record);
    void setOpenPositions(std::vector<Position> positions);

    // 1 s, 1 min, 5 min or 1 h (any whole number of seconds works). Keeps the number of candles
    // on screen about the same by scaling the visible span.
    void setTimeframe(std::int64_t ms);
    std::int64_t timeframe() const { return m_timeframe; }
    // The timeframe actually shown: never finer than the data (1-minute klines have no 1s candles).
    std::int64_t effectiveTimeframe() const;
    // Bucket width of the candles on screen (the timeframe, or coarser when zoomed out).
    std::int64_t bucketMs() const { return m_shownBucket; }

    void setFollowing(bool on);
    bool following() const { return m_viewport.following(); }
    void setSpan(std::int64_t ms);
    void showRange(std::int64_t fromMs, std::int64_t toMs);
    void showAll();
    void zoomBy(double factor);
    // Zooms to a trade, entry to exit with a margin on both sides, and highlights it (a band over
    // its holding time, rings on its entry and exit). Stops following. O(log n) in the number of
    // trades and bars: the visible window is all that is rebuilt.
    void focusTrade(const Trade& trade);
    void clearTradeFocus();
    const std::optional<Trade>& focusedTrade() const { return m_focus; }
    // The window focusTrade() shows for `trade` at the current timeframe (for tests).
    std::pair<std::int64_t, std::int64_t> tradeRange(const Trade& trade) const;

    const ChartViewport& chartViewport() const { return m_viewport; }
    const CandleStore& store() const { return m_store; }
    int candleObjectCount() const;
    const std::vector<Candle>& shownCandles() const { return m_shown; }
    int markerCount() const;
    int refreshCount() const { return m_refreshes; }

public Q_SLOTS:
    void refreshNow();

Q_SIGNALS:
    void followingChanged(bool following);
    void bucketChanged(qint64 bucketMs);
    // Up/Down on the chart: the owner of the trades table moves its selection by `delta`.
    void tradeStepRequested(int delta);
    // Esc on the chart, or the focus was cleared.
    void tradeFocusCleared();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void scheduleRefresh();
    void syncCandles(std::int64_t bucket);
    void updateMarkers();
    void updateAxes();
    void setFollowingInternal(bool on);

    QChart* m_chart;
    QCandlestickSeries* m_series;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_priceAxis;
    QScatterSeries* m_longEntries;
    QScatterSeries* m_shortEntries;
    QScatterSeries* m_winExits;
    QScatterSeries* m_lossExits;
    QScatterSeries* m_acceptedSignals;
    QScatterSeries* m_rejectedSignals;

    CandleStore m_store;
    ChartViewport m_viewport;
    std::int64_t m_timeframe = CandleStore::kSecond;
    std::vector<Candle> m_window; // scratch: candles of the window, reused per refresh
    std::vector<Candle> m_shown; // what the series holds, in time order, parallel to m_sets
    std::vector<QCandlestickSet*> m_sets;
    std::int64_t m_shownBucket = 0;
    std::vector<Trade> m_trades; // exit order
    std::int64_t m_maxHoldMs = 0; // longest exit - entry of m_trades: bounds the marker scan
    std::optional<Trade> m_focus;
    std::vector<SignalRecord> m_signals; // time order
    std::vector<Position> m_positions;

    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh;
    int m_refreshes = 0;
    bool m_dragging = false;
    double m_lastDragX = 0;
    double m_hoverX = -1;
    double m_hoverY = -1;
};

} // namespace veloce
