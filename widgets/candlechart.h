#pragma once

#include "types/position.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QWidget>
#include <vector>

class QButtonGroup;
class QLabel;
class QToolButton;

namespace veloce {

class CandleChartView;
class TradeDetails;

// The candle chart with its tool row: instrument title, timeframe switch (1s / 1m / 5m / 1h),
// zoom, "follow newest" and a note when zoomed out far enough that candles are merged.
class CandleChart : public QWidget
{
    Q_OBJECT
public:
    explicit CandleChart(QWidget* parent = nullptr);

    CandleChartView* view() const { return m_view; }
    void setTitle(const QString& title);
    void setTimeframe(std::int64_t ms);
    std::int64_t timeframe() const;

    // Zooms to `trade`, highlights it and shows its details (phase scores at entry, exit reason)
    // over the chart; clearTradeFocus() hides them again.
    void focusTrade(const Trade& trade);
    void clearTradeFocus();
    // min_entry_score, the marker on the details' total bar.
    void setEntryThreshold(double minEntryScore);
    TradeDetails* tradeDetails() const { return m_details; }

Q_SIGNALS:
    void tradeStepRequested(int delta);
    void tradeFocusCleared();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateBucketNote();
    void placeDetails();

    CandleChartView* m_view;
    QLabel* m_title;
    QLabel* m_bucketNote;
    QButtonGroup* m_timeframes;
    QToolButton* m_follow;
    TradeDetails* m_details;
};

} // namespace veloce
