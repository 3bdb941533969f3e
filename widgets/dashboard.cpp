#include "dashboard.h"

#include "candlechart.h"
#include "candlechartview.h"
#include "displayformat.h"
#include "equitychart.h"
#include "signalreasonsmodel.h"
#include "statcard.h"
#include "tableviewfactory.h"
#include "theme.h"
#include "tradesmodel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace veloce {

namespace {

StatCard::Tone toneOf(double v)
{
    return v > 0 ? StatCard::Tone::Good : v < 0 ? StatCard::Tone::Bad : StatCard::Tone::Neutral;
}
} // namespace

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_export(new QPushButton(tr("Export HTML report\u2026"), this))
    , m_candles(new CandleChart(this))
    , m_equity(new EquityChart(this))
    , m_tradesModel(new TradesModel(this))
    , m_signalsModel(new SignalReasonsModel(this))
{
    setObjectName(QStringLiteral("dashboard"));
    m_header->setObjectName(QStringLiteral("dashboardHeader"));
    m_header->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setToolTip(tr("Write a self-contained HTML report of this backtest"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &Dashboard::exportRequested);

    auto* top = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_header);
    titles->addWidget(m_notice);
    top->addLayout(titles, 1);
    top->addWidget(m_export, 0, Qt::AlignTop);

    auto* cards = new QGridLayout;
    cards->setSpacing(8);
    const auto add = [&](int row, int col, const QString& key, const QString& caption, const QString& tip) {
        cards->addWidget(addCard(key, caption, tip), row, col);
    };
    add(0, 0, QStringLiteral("total_return"), tr("Total return"),
        tr("final equity / initial capital \u2212 1"));
    add(0, 1, QStringLiteral("final_equity"), tr("Final equity"), tr("cash after the end-of-data closes"));
    add(0, 2, QStringLiteral("max_drawdown"), tr("Max drawdown"),
        tr("largest (peak \u2212 equity) / peak over every bar"));
    add(0, 3, QStringLiteral("sharpe_ratio"), tr("Sharpe ratio"),
        tr("per-minute returns, annualised for a 24/7 market"));
    add(0, 4, QStringLiteral("sortino_ratio"), tr("Sortino ratio"),
        tr("like Sharpe, with downside deviation; \u2014 when there is none"));
    add(0, 5, QStringLiteral("profit_factor"), tr("Profit factor"),
        tr("gross profit / gross loss; \u2014 when there is no loss"));
    add(1, 0, QStringLiteral("win_rate"), tr("Win rate"), tr("winning trades / trades"));
    add(1, 1, QStringLiteral("total_trades"), tr("Trades"), tr("closed trades (wins / losses)"));
    add(1, 2, QStringLiteral("exposure"), tr("Exposure"), tr("share of bars that end with an open position"));
    add(1, 3, QStringLiteral("signals"), tr("Signals"),
        tr("signals built, and how many the portfolio rejected"));
    add(1, 4, QStringLiteral("bars"), tr("Bars"), tr("bars processed"));
    add(1, 5, QStringLiteral("bars_per_second"), tr("Speed"), tr("bars per second, reading included"));
    const QString phaseNames[PhaseScores::Count] = { tr("Squeeze active"), tr("Divergence active"),
        tr("Reset active"), tr("Momentum active"), tr("Volume active") };
    for (int i = 0; i < PhaseScores::Count; ++i)
        add(2, i, QStringLiteral("phase_") + QString::fromLatin1(kPhaseKeys[i]), phaseNames[i],
            tr("share of bars on which this phase scored above zero"));
    add(2, 5, QStringLiteral("elapsed_ms"), tr("Run time"),
        tr("wall time from opening the source to the last bar"));

    m_tradesView = TableViewFactory::create(m_tradesModel, QStringLiteral("dashboardTrades"), this);
    m_signalsView = TableViewFactory::create(m_signalsModel, QStringLiteral("dashboardSignals"), this);
    m_signalsView->setSortingEnabled(false);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_tradesView, tr("Trades"));
    tabs->addTab(m_signalsView, tr("Signals by decision"));

    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_candles);
    charts->addWidget(m_equity);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(charts);
    body->addWidget(tabs);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addWidget(body, 1);
    clear();
}

StatCard* Dashboard::addCard(const QString& key, const QString& caption, const QString& tip)
{
    auto* card = new StatCard(key, caption, this);
    card->setToolTipText(tip);
    m_cards.insert(key, card);
    m_cardOrder << key;
    return card;
}

void Dashboard::clear()
{
    m_result.reset();
    m_header->setText(tr("No backtest yet"));
    m_notice->setText(
        tr("Run one from the Backtest panel (a file, the simulator or InfluxDB); the results appear here."));
    for (StatCard* c : std::as_const(m_cards))
        c->setValue(QStringLiteral("\u2014"));
    m_tradesModel->setTrades({});
    m_signalsModel->clear();
    m_equity->clear();
    m_candles->view()->clear();
    m_export->setEnabled(false);
}

void Dashboard::setExportEnabled(bool enabled)
{
    m_export->setEnabled(enabled && m_result);
}

void Dashboard::setNotice(const QString& text)
{
    m_notice->setText(text);
}

QString Dashboard::headerText() const
{
    return m_header->text();
}

void Dashboard::setResult(std::shared_ptr<const BacktestResult> result)
{
    if (!result) {
        clear();
        return;
    }
    m_result = std::move(result);
    const BacktestResult& r = *m_result;
    const BacktestSummary& s = r.summary;
    const QString symbol = s.symbol.isEmpty() ? tr("(unnamed instrument)") : s.symbol;
    m_header->setText(
        tr("%1 \u2014 %2 to %3")
            .arg(symbol, DisplayFormat::dateTime(s.startMs, false), DisplayFormat::dateTime(s.endMs, false)));
    QString notice = tr("Source: %1 \u00b7 config %2").arg(r.source, r.configHash);
    if (s.cancelled)
        notice += tr(" \u00b7 cancelled before the end of the data: partial result");
    if (std::int64_t(r.signalRecords.size()) < s.signalCount)
        notice += tr(" \u00b7 signal table limited to the first %1")
                      .arg(DisplayFormat::count(std::int64_t(r.signalRecords.size())));
    m_notice->setText(notice);
    showSummary(r);

    m_tradesModel->setTrades(r.trades);
    m_signalsModel->setSignals(r.signalRecords);
    m_equity->setInitialCapital(s.initialCapital);
    m_equity->setEquity(r.equity);
    CandleChartView* v = m_candles->view();
    m_candles->setTitle(symbol);
    v->setOpenPositions({});
    v->setBars(r.bars);
    v->setTrades(r.trades);
    v->setSignals(r.signalRecords);
    v->showAll();
    m_export->setEnabled(true);
}

void Dashboard::showSummary(const BacktestResult& r)
{
    const BacktestSummary& s = r.summary;
    const auto set = [this](const char* key, const QString& value,
                         StatCard::Tone tone = StatCard::Tone::Neutral, const QString& note = QString()) {
        if (StatCard* c = m_cards.value(QString::fromLatin1(key)))
            c->setValue(value, tone, note);
    };
    set("total_return", DisplayFormat::percent(s.totalReturn, 2, true), toneOf(s.totalReturn));
    set("final_equity", DisplayFormat::money(s.finalEquity), toneOf(s.finalEquity - s.initialCapital),
        tr("from %1").arg(DisplayFormat::money(s.initialCapital)));
    set("max_drawdown", DisplayFormat::percent(s.maxDrawdown),
        s.maxDrawdown > 0 ? StatCard::Tone::Bad : StatCard::Tone::Neutral);
    set("sharpe_ratio", DisplayFormat::number(s.sharpeRatio, 2), toneOf(s.sharpeRatio));
    set("sortino_ratio", DisplayFormat::ratio(s.sortinoRatio),
        s.sortinoRatio ? toneOf(*s.sortinoRatio) : StatCard::Tone::Neutral);
    set("profit_factor", DisplayFormat::ratio(s.profitFactor),
        s.profitFactor ? (*s.profitFactor >= 1 ? StatCard::Tone::Good : StatCard::Tone::Bad)
                       : StatCard::Tone::Neutral);
    set("win_rate", DisplayFormat::percent(s.winRate, 1));
    set("total_trades", DisplayFormat::count(s.totalTrades), StatCard::Tone::Neutral,
        tr("%1 won \u00b7 %2 lost")
            .arg(DisplayFormat::count(s.winningTrades), DisplayFormat::count(s.losingTrades)));
    set("exposure", DisplayFormat::percent(s.exposure, 1));
    set("signals", DisplayFormat::count(s.signalCount), StatCard::Tone::Neutral,
        tr("%1 rejected").arg(DisplayFormat::count(s.rejectedSignals)));
    set("bars", DisplayFormat::count(s.bars));
    set("bars_per_second", tr("%1/s").arg(DisplayFormat::count(std::int64_t(s.barsPerSecond))));
    for (int i = 0; i < PhaseScores::Count; ++i)
        set(qPrintable(QStringLiteral("phase_") + QString::fromLatin1(kPhaseKeys[i])),
            DisplayFormat::percent(s.phaseActivity[i], 1));
    set("elapsed_ms", DisplayFormat::duration(s.elapsedMs));
}

} // namespace veloce
