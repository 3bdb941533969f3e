#include "scorebars.h"

#include "displayformat.h"
#include "theme.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace veloce {

namespace {
constexpr double kLabelWidth = 92;
constexpr double kValueWidth = 78;
constexpr double kMargin = 8;
constexpr double kTotalMax = 10;
} // namespace

ScoreBars::ScoreBars(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ScoreBars::setScores(const PhaseScores& scores)
{
    m_scores = scores;
    update();
}

void ScoreBars::setThreshold(double minEntryScore)
{
    m_threshold = minEntryScore;
    update();
}

QString ScoreBars::rowName(int row) const
{
    switch (row) {
    case 0:
        return tr("Squeeze");
    case 1:
        return tr("Divergence");
    case 2:
        return tr("Reset");
    case 3:
        return tr("Momentum");
    case 4:
        return tr("Volume");
    default:
        return tr("Total");
    }
}

QString ScoreBars::rowToolTip(int row) const
{
    // The literals break after "\u2013" because lupdate reads every hex digit after \u ("\u20133"
    // would reach the .ts as U+0133) and the text would never match its translation.
    switch (row) {
    case 0:
        return tr("Squeeze (0\u2013"
                  "3): the Bollinger Bands sit inside the Keltner Channel; one point per "
                  "minute the squeeze has lasted, up to 3.");
    case 1:
        return tr("Divergence (0\u2013"
                  "3): price moved more than 1% over the lookback while volume moved "
                  "the other way by more than 10%.");
    case 2:
        return tr("Reset (0 or 2): over the last 20 bars price moved more than 0.5% and then reversed "
                  "by more than 0.5%.");
    case 3:
        return tr("Momentum (0\u2013"
                  "1.5): the price change over the last 10 bars, full score at a 1.5% "
                  "move.");
    case 4:
        return tr("Volume (0\u2013"
                  "1.5): this bar traded more than twice the average volume of the "
                  "previous 49 bars.");
    default:
        return tr("Total (0\u2013"
                  "10): the sum of the five phases; a signal needs at least the entry "
                  "threshold (min_entry_score, %1).")
            .arg(DisplayFormat::number(m_threshold, 1));
    }
}

double ScoreBars::rowMaximum(int row) const
{
    return row < PhaseScores::Count ? kPhaseMax[row] : kTotalMax;
}

double ScoreBars::rowValue(int row) const
{
    return row < PhaseScores::Count ? m_scores.phase(row) : m_scores.total;
}

QString ScoreBars::valueText(int row) const
{
    return QStringLiteral("%1 / %2").arg(DisplayFormat::number(rowValue(row), 2),
        DisplayFormat::number(rowMaximum(row), rowMaximum(row) == 1.5 ? 1 : 0));
}

double ScoreBars::rowHeight() const
{
    // The total row is one and a half rows tall.
    return std::max(14.0, (height() - 2 * kMargin) / (kRows + 0.5));
}

QRectF ScoreBars::trackRect(int row) const
{
    const double h = rowHeight();
    const double top = kMargin + row * h + (row == kRows - 1 ? h * 0.25 : 0);
    const double barH = row == kRows - 1 ? h * 0.8 : h * 0.56;
    const double rowH = row == kRows - 1 ? h * 1.25 : h;
    return QRectF(kLabelWidth, top + (rowH - barH) / 2,
        std::max(10.0, width() - kLabelWidth - kValueWidth - kMargin), barH);
}

QRectF ScoreBars::fillRect(int row) const
{
    const QRectF track = trackRect(row);
    const double fraction = std::clamp(rowValue(row) / rowMaximum(row), 0.0, 1.0);
    return QRectF(track.left(), track.top(), track.width() * fraction, track.height());
}

QColor ScoreBars::fillColor(int row) const
{
    const double v = rowValue(row);
    if (row == kRows - 1) {
        if (v >= m_threshold)
            return Theme::up();
        return v >= 0.75 * m_threshold ? Theme::warning() : Theme::accent();
    }
    return Theme::level(v / rowMaximum(row));
}

QSize ScoreBars::sizeHint() const
{
    return QSize(340, 180);
}

QSize ScoreBars::minimumSizeHint() const
{
    return QSize(240, 120);
}

int ScoreBars::rowAt(const QPoint& pos) const
{
    for (int row = 0; row < kRows; ++row) {
        const QRectF track = trackRect(row);
        if (pos.y() >= track.top() - rowHeight() * 0.25 && pos.y() <= track.bottom() + rowHeight() * 0.25)
            return row;
    }
    return -1;
}

bool ScoreBars::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), rowToolTip(row), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ScoreBars::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Theme::panel());
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    for (int row = 0; row < kRows; ++row) {
        const bool total = row == kRows - 1;
        const QRectF track = trackRect(row);
        font.setBold(total);
        p.setFont(font);
        p.setPen(total ? Theme::text() : Theme::mutedText());
        p.drawText(QRectF(kMargin, track.top() - 4, kLabelWidth - kMargin - 4, track.height() + 8),
            Qt::AlignLeft | Qt::AlignVCenter, rowName(row));
        p.setPen(Qt::NoPen);
        p.setBrush(Theme::raised());
        p.drawRoundedRect(track, 3, 3);
        const QRectF fill = fillRect(row);
        if (fill.width() > 0.5) {
            p.setBrush(fillColor(row));
            p.drawRoundedRect(fill, 3, 3);
        }
        if (total) {
            const double x = track.left() + track.width() * std::clamp(m_threshold / kTotalMax, 0.0, 1.0);
            p.setPen(QPen(Theme::text(), 2));
            p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
        } else {
            // Tick marks at whole points help reading the level at a glance.
            p.setPen(QPen(Theme::panel(), 1));
            for (double v = 1; v < rowMaximum(row); v += 1)
                p.drawLine(QPointF(track.left() + track.width() * v / rowMaximum(row), track.top()),
                    QPointF(track.left() + track.width() * v / rowMaximum(row), track.bottom()));
        }
        p.setPen(rowValue(row) > 0 ? Theme::text() : Theme::mutedText());
        p.drawText(QRectF(track.right() + 6, track.top() - 4, kValueWidth - 6, track.height() + 8),
            Qt::AlignRight | Qt::AlignVCenter, valueText(row));
    }
}

} // namespace veloce
