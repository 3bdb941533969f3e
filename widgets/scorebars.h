#pragma once

#include "types/phasescores.h"

#include <QRectF>
#include <QWidget>

namespace veloce {

// The five phase scores of docs/strategy.md §2 as horizontal bars against their maxima (squeeze 0-3,
// divergence 0-3, reset 0/2, momentum 0-1.5, volume 0-1.5), then the total against 10 with a
// marker at min_entry_score. Bars are coloured by how full they are, the total by whether it
// reaches the entry threshold; each row explains its phase in a tooltip. Custom painted: a
// repaint per bar costs microseconds.
class ScoreBars : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRows = PhaseScores::Count + 1; // five phases, then the total

    explicit ScoreBars(QWidget* parent = nullptr);

    void setScores(const PhaseScores& scores);
    const PhaseScores& scores() const { return m_scores; }
    void setThreshold(double minEntryScore);
    double threshold() const { return m_threshold; }

    // What row `row` shows: its name, value text ("1.50 / 3"), maximum, the filled rectangle and
    // its colour. Public so that tests can check the drawing against a snapshot.
    QString rowName(int row) const;
    QString valueText(int row) const;
    double rowMaximum(int row) const;
    double rowValue(int row) const;
    QRectF trackRect(int row) const;
    QRectF fillRect(int row) const;
    QColor fillColor(int row) const;
    QString rowToolTip(int row) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int rowAt(const QPoint& pos) const;
    double rowHeight() const;

    PhaseScores m_scores;
    double m_threshold = 4.0;
};

} // namespace veloce
