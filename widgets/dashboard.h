#pragma once

#include "types/backtestresult.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace veloce {

class CandleChart;
class EquityChart;
class SignalReasonsModel;
class StatCard;
class TradeFocus;
class TradesModel;

// The single built-in view of a backtest result: the metrics of docs/strategy.md §6 as stat cards,
// candles with the trades, equity with drawdown, the trades table and the signals by decision,
// plus "Export HTML report". Laid out for a window of its own (the main window collapses its
// docks while the dashboard is shown): the price chart takes the upper half or more, the trades
// table the full width below it. Selecting a trade zooms the chart to it (TradeFocus). Shows exactly the
// numbers of the BacktestSummary it is given -- the same object summary.json is written from -- and computes
// none of them.
class Dashboard : public QWidget
{
    Q_OBJECT
public:
    explicit Dashboard(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const BacktestResult> result);
    std::shared_ptr<const BacktestResult> result() const { return m_result; }
    void clear();
    void setExportEnabled(bool enabled);
    // A line above the cards, e.g. "running… 42 %" or why there is no result.
    void setNotice(const QString& text);

    // The card for a summary.json key (total_return, sharpe_ratio, phase_squeeze, ...); for tests.
    StatCard* card(const QString& key) const { return m_cards.value(key); }
    QStringList cardKeys() const { return m_cardOrder; }
    CandleChart* candleChart() const { return m_candles; }
    EquityChart* equityChart() const { return m_equity; }
    TradesModel* tradesModel() const { return m_tradesModel; }
    QTableView* tradesView() const { return m_tradesView; }
    TradeFocus* tradeFocus() const { return m_focus; }
    SignalReasonsModel* signalsModel() const { return m_signalsModel; }
    QString headerText() const;

Q_SIGNALS:
    void exportRequested();

private:
    StatCard* addCard(const QString& key, const QString& caption, const QString& tip, bool compact);
    void showSummary(const BacktestResult& r);

    std::shared_ptr<const BacktestResult> m_result;
    QLabel* m_header;
    QLabel* m_notice;
    QPushButton* m_export;
    QHash<QString, StatCard*> m_cards;
    QStringList m_cardOrder;
    CandleChart* m_candles;
    EquityChart* m_equity;
    TradesModel* m_tradesModel;
    SignalReasonsModel* m_signalsModel;
    QTableView* m_tradesView;
    QTableView* m_signalsView;
    TradeFocus* m_focus;
};

} // namespace veloce
