#include "chartviewport.h"

#include "candlestore.h"

#include <algorithm>
#include <cmath>

namespace veloce {

void ChartViewport::setTimeRange(std::int64_t fromMs, std::int64_t toMs)
{
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1);
}

void ChartViewport::setPriceRange(double low, double high)
{
    m_low = low;
    m_high = high > low ? high : low + 1;
}

double ChartViewport::timeToX(double tMs) const
{
    return m_plot.left() + (tMs - double(m_from)) / double(spanMs()) * m_plot.width();
}

double ChartViewport::xToTime(double x) const
{
    return double(m_from) + (x - m_plot.left()) / std::max(m_plot.width(), 1.0) * double(spanMs());
}

double ChartViewport::priceToY(double price) const
{
    return m_plot.bottom() - (price - m_low) / (m_high - m_low) * m_plot.height();
}

double ChartViewport::yToPrice(double y) const
{
    return m_low + (m_plot.bottom() - y) / std::max(m_plot.height(), 1.0) * (m_high - m_low);
}

int ChartViewport::maxCandles() const
{
    const int byWidth = static_cast<int>(m_plot.width() / kMinPixelsPerCandle);
    return std::clamp(byWidth, 10, kMaxCandles);
}

void ChartViewport::zoom(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const double span = std::clamp(double(spanMs()) / factor, double(kMinSpanMs), double(kMaxSpanMs));
    if (m_following) {
        m_from = m_to - std::llround(span);
        return;
    }
    const double anchor = xToTime(anchorX);
    const double share = (anchorX - m_plot.left()) / std::max(m_plot.width(), 1.0);
    m_from = std::llround(anchor - share * span);
    m_to = m_from + std::llround(span);
}

void ChartViewport::pan(double dxPixels)
{
    const auto shift = std::llround(dxPixels / std::max(m_plot.width(), 1.0) * double(spanMs()));
    m_from -= shift;
    m_to -= shift;
    m_following = false;
}

void ChartViewport::follow(std::int64_t lastMs, std::int64_t bucketMs, int marginBuckets)
{
    const std::int64_t span = spanMs();
    m_to = CandleStore::floorTo(lastMs, bucketMs) + bucketMs * (1 + marginBuckets);
    m_from = m_to - span;
}

bool ChartViewport::fitPrices(
    const std::vector<Candle>& candles, double padFraction, double& low, double& high)
{
    if (candles.empty())
        return false;
    low = candles.front().low;
    high = candles.front().high;
    for (const Candle& c : candles) {
        low = std::min(low, c.low);
        high = std::max(high, c.high);
    }
    const double range = high - low;
    if (range <= 0) {
        const double band = std::max(std::abs(high) * 1e-3, 1e-9);
        low -= band;
        high += band;
        return true;
    }
    low -= range * padFraction;
    high += range * padFraction;
    return true;
}

} // namespace veloce
