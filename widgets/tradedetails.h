#pragma once

#include "types/trade.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace veloce {

class ScoreBars;

// Why a trade entered and why it left: a small panel that floats over the candle chart while a
// trade is selected. Shows the trade (side, entry and exit, PnL, holding time), the five phase
// scores of its entry bar as the strategy computed them (Trade::entryScores, drawn by ScoreBars
// against min_entry_score) and its exit reason in words. Renders the Trade it is given; computes
// nothing.
class TradeDetails : public QFrame
{
    Q_OBJECT
public:
    explicit TradeDetails(QWidget* parent = nullptr);

    void setTrade(const Trade& trade);
    void setThreshold(double minEntryScore);
    const Trade& trade() const { return m_trade; }

    QString titleText() const;
    QString entryText() const;
    QString exitText() const;
    const ScoreBars* scoreBars() const { return m_scores; }
    bool scoresRecorded() const;

    // One line on why a position closed, for a person: "target reached", "stop hit", ...
    static QString exitExplanation(ExitReason reason);

Q_SIGNALS:
    void closeRequested();

private:
    QLabel* m_title;
    QLabel* m_entry;
    QLabel* m_exit;
    QLabel* m_noScores;
    ScoreBars* m_scores;
    Trade m_trade;
};

} // namespace veloce
