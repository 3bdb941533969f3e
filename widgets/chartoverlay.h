#pragma once

#include "candle.h"
#include "types/position.h"
#include "types/trade.h"

#include <QCoreApplication>
#include <QRectF>
#include <vector>

class QColor;
class QPainter;

namespace veloce {

class ChartViewport;

// What the candle chart paints over its plot rather than as series: stop/target/entry lines of
// open positions, the last-price tag on the axis, the crosshair and the OHLC readout. Stateless
// apart from the painter it is given for one paint event.
class ChartOverlay
{
    Q_DECLARE_TR_FUNCTIONS(ChartOverlay)

public:
    ChartOverlay(QPainter* painter, const QRectF& plot, const ChartViewport& viewport);

    void positionLines(const std::vector<Position>& positions);
    // The selected trade: a band over its holding time, a line from entry to exit and rings on
    // both, drawn above the candles so that it stands out from the other markers.
    void tradeSpan(const Trade& trade);
    void lastPrice(double close, bool up);
    void crosshair(const QPointF& scene);
    void readout(const Candle& candle);

private:
    void priceTag(double y, const QString& text, const QColor& background);

    QPainter* m_painter;
    QRectF m_plot;
    const ChartViewport& m_viewport;
};

} // namespace veloce
