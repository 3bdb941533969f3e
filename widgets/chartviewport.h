#pragma once

#include "candle.h"

#include <QRectF>
#include <cstdint>
#include <vector>

namespace veloce {

// The visible window of a time/price chart and the maths around it: mapping between chart values
// and pixels of the plot area, zoom about an anchor, pan by pixels, following the newest bar and
// fitting the price axis. Pure value class (no widgets), so the chart's geometry is tested as maths.
class ChartViewport
{
public:
    static constexpr std::int64_t kMinSpanMs = 10 * 1000;
    static constexpr std::int64_t kMaxSpanMs = std::int64_t(10) * 366 * 24 * 3600 * 1000;
    static constexpr double kMinPixelsPerCandle = 3.0;
    static constexpr int kMaxCandles = 1000;

    void setPlotRect(const QRectF& rect) { m_plot = rect; }
    QRectF plotRect() const { return m_plot; }

    void setTimeRange(std::int64_t fromMs, std::int64_t toMs);
    std::int64_t fromMs() const { return m_from; }
    std::int64_t toMs() const { return m_to; }
    std::int64_t spanMs() const { return m_to - m_from; }
    void setPriceRange(double low, double high);
    double priceLow() const { return m_low; }
    double priceHigh() const { return m_high; }

    double timeToX(double tMs) const;
    double xToTime(double x) const;
    double priceToY(double price) const;
    double yToPrice(double y) const;

    // Candles the plot can show legibly: one per kMinPixelsPerCandle pixels, never more than
    // kMaxCandles (each candle of a QCandlestickSeries is a QObject plus a graphics item).
    int maxCandles() const;

    // factor > 1 zooms in. The time under `anchorX` stays under it; the span is clamped to
    // [kMinSpanMs, kMaxSpanMs]. While following, the right edge stays put instead.
    void zoom(double factor, double anchorX);
    // Drag by `dx` pixels: dragging right shows older bars. Panning stops following.
    void pan(double dxPixels);

    void setFollowing(bool on) { m_following = on; }
    bool following() const { return m_following; }
    // While following: the window ends `marginBuckets` buckets after the bucket of `lastMs`,
    // keeping the span, so the newest candle sits near the right edge.
    void follow(std::int64_t lastMs, std::int64_t bucketMs, int marginBuckets = 2);

    // Price range of the candles with `padFraction` of the range added above and below; a flat
    // series gets a small band around its price. Returns false when `candles` is empty.
    static bool fitPrices(const std::vector<Candle>& candles, double padFraction, double& low, double& high);

private:
    QRectF m_plot { 0, 0, 800, 400 };
    std::int64_t m_from = 0;
    std::int64_t m_to = 300 * 1000;
    double m_low = 0;
    double m_high = 1;
    bool m_following = true;
};

} // namespace veloce
