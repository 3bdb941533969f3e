#include "walkforwardview.h"

#include "displayformat.h"
#include "metrictext.h"
#include "resultheader.h"
#include "statcard.h"
#include "tableviewfactory.h"
#include "theme.h"
#include "walkforwardchart.h"
#include "walkforwardmodel.h"

#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace veloce {

namespace {
StatCard::Tone toneOf(double v)
{
    return v > 0 ? StatCard::Tone::Good : v < 0 ? StatCard::Tone::Bad : StatCard::Tone::Neutral;
}

// A span as the user typed it ("30 d", "12 h"), not as a stopwatch reads ("30 d 0 h").
QString span(std::int64_t ms)
{
    if (ms > 0 && ms % 86400000 == 0)
        return QStringLiteral("%1 d").arg(ms / 86400000);
    if (ms > 0 && ms % 3600000 == 0)
        return QStringLiteral("%1 h").arg(ms / 3600000);
    if (ms > 0 && ms % 60000 == 0)
        return QStringLiteral("%1 min").arg(ms / 60000);
    return DisplayFormat::duration(double(ms));
}
} // namespace

WalkForwardView::WalkForwardView(QWidget* parent)
    : QWidget(parent)
    , m_header(new ResultHeader(tr("Open in dashboard"), QStringLiteral("openStitched"), this))
    , m_chart(new WalkForwardChart(this))
    , m_model(new WalkForwardModel(this))
{
    setObjectName(QStringLiteral("walkForwardView"));
    m_header->action()->setToolTip(
        tr("Show the stitched out-of-sample run (trades, equity) in the backtest dashboard"));
    connect(m_header->action(), &QPushButton::clicked, this, &WalkForwardView::openStitchedRequested);
    m_header->addCard(QStringLiteral("efficiency"), tr("Walk-forward efficiency"),
        tr("annualised return of the stitched out-of-sample account over the mean in-sample annualised "
           "return of the windows; \u2014 when the in-sample mean is not positive"));
    m_header->addCard(QStringLiteral("total_return"), tr("Out-of-sample return"),
        tr("total return of the test windows traded as one account"));
    m_header->addCard(QStringLiteral("annual_return"), tr("OOS annualised"),
        tr("(1 + total return) ^ (365 days / span) \u2212 1"));
    m_header->addCard(QStringLiteral("sharpe_ratio"), tr("OOS Sharpe"), tr("of the stitched account"));
    m_header->addCard(QStringLiteral("max_drawdown"), tr("OOS max drawdown"), tr("of the stitched account"));
    m_header->addCard(QStringLiteral("total_trades"), tr("OOS trades"), tr("of the stitched account"));
    m_header->addCard(QStringLiteral("windows"), tr("Windows"), tr("train and test windows"));

    m_table = TableViewFactory::create(m_model, QStringLiteral("walkForwardWindows"), this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setSizes({ 500, 300 }); // the chart gets the room, the windows' rows what they need

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    clear();
}

StatCard* WalkForwardView::card(const QString& key) const
{
    return m_header->card(key);
}

void WalkForwardView::clear()
{
    m_result.reset();
    m_header->setHeadline(tr("No walk-forward analysis yet"));
    m_header->setNotice(tr("Set the train and test spans on the left, then run the walk-forward analysis."));
    m_header->clearCards();
    m_chart->clear();
    m_model->setResult(nullptr);
    m_header->action()->setEnabled(false);
}

void WalkForwardView::setNotice(const QString& text)
{
    m_header->setNotice(text);
}

QString WalkForwardView::headline() const
{
    return m_header->headline();
}

void WalkForwardView::setResult(
    std::shared_ptr<const WalkForwardResult> result, std::shared_ptr<const BacktestResult> stitched)
{
    if (!result) {
        clear();
        return;
    }
    m_result = std::move(result);
    const WalkForwardResult& r = *m_result;
    const BacktestSummary& s = r.stitched;
    m_header->setHeadline(tr("Walk-forward: %n window(s), train %1, test %2", nullptr, int(r.windows.size()))
                              .arg(span(r.trainMs), span(r.testMs)));
    m_header->setNotice(
        tr("%1 \u00b7 %2 configurations per window, best by %3 \u00b7 dashed lines: where each "
           "test window starts")
            .arg(r.market.source, DisplayFormat::count(r.grid.size()), r.objective.key()));
    m_header->card(QStringLiteral("efficiency"))
        ->setValue(r.efficiency ? DisplayFormat::percent(*r.efficiency, 1) : QStringLiteral("\u2014"),
            r.efficiency ? toneOf(*r.efficiency) : StatCard::Tone::Neutral);
    m_header->card(QStringLiteral("total_return"))
        ->setValue(DisplayFormat::percent(s.totalReturn, 2, true), toneOf(s.totalReturn));
    m_header->card(QStringLiteral("annual_return"))
        ->setValue(DisplayFormat::percent(r.stitchedAnnualReturn, 1, true), toneOf(r.stitchedAnnualReturn));
    m_header->card(QStringLiteral("sharpe_ratio"))
        ->setValue(MetricText::format(QStringLiteral("sharpe_ratio"), s.sharpeRatio));
    m_header->card(QStringLiteral("max_drawdown"))->setValue(DisplayFormat::percent(s.maxDrawdown));
    m_header->card(QStringLiteral("total_trades"))->setValue(DisplayFormat::count(s.totalTrades));
    m_header->card(QStringLiteral("windows"))->setValue(DisplayFormat::count(std::int64_t(r.windows.size())));

    std::vector<std::int64_t> starts;
    for (const WalkForwardWindow& w : r.windows)
        starts.push_back(w.test.fromMs);
    const std::int64_t end = r.windows.empty() ? 0 : r.windows.back().test.toMs;
    m_chart->setData(stitched ? stitched->equity : std::vector<EquityPoint>(), starts, end, s.initialCapital);
    m_model->setResult(m_result);
    m_table->sortByColumn(WalkForwardModel::Window, Qt::AscendingOrder);
    m_header->action()->setEnabled(stitched != nullptr);
}

} // namespace veloce
