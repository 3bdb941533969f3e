#include "dashboard.h"

#include "candlechart.h"
#include "candlechartview.h"
#include "displayformat.h"
#include "equitychart.h"
#include "signalreasonsmodel.h"
#include "statcard.h"
#include "tableviewfactory.h"
#include "theme.h"
#include "tradefocus.h"
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

    // One line: title, then source and config (cut at the window's edge, whole in the tooltip).
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(m_header);
    top->addWidget(m_notice, 1);
    top->addWidget(m_export);

    // The headline numbers in one row of cards, the per-phase activity and the run time in a
    // slim row below: the charts keep the height.
    auto* cards = new QGridLayout;
    cards->setSpacing(6);
    int slot = 0;
    const auto add = [&](const QString& key, const QString& caption, const QString& tip) {
        cards->addWidget(addCard(key, caption, tip, false), 0, slot++);
    };
    add(QStringLiteral("total_return"), tr("Total return"), tr("final equity / initial capital \u2212 1"));
    add(QStringLiteral("final_equity"), tr("Final equity"), tr("cash after the end-of-data closes"));
    add(QStringLiteral("max_drawdown"), tr("Max drawdown"),
        tr("largest (peak \u2212 equity) / peak over every bar"));
    add(QStringLiteral("sharpe_ratio"), tr("Sharpe ratio"),
        tr("per-minute returns, annualised for a 24/7 market"));
    add(QStringLiteral("sortino_ratio"), tr("Sortino ratio"),
        tr("like Sharpe, with downside deviation; \u2014 when there is none"));
    add(QStringLiteral("profit_factor"), tr("Profit factor"),
        tr("gross profit / gross loss; \u2014 when there is no loss"));
    add(QStringLiteral("win_rate"), tr("Win rate"), tr("winning trades / trades"));
    add(QStringLiteral("total_trades"), tr("Trades"), tr("closed trades (wins / losses)"));
    add(QStringLiteral("exposure"), tr("Exposure"), tr("share of bars that end with an open position"));
    add(QStringLiteral("signals"), tr("Signals"), tr("signals built, and how many the portfolio rejected"));
    add(QStringLiteral("bars"), tr("Bars"), tr("bars processed"));
    add(QStringLiteral("bars_per_second"), tr("Throughput"),
        tr("bars per second from opening the source to the last bar: reading and decoding included, "
           "so below the engine's own speed"));
    auto* slim = new QHBoxLayout;
    slim->setSpacing(6);
    const QString phaseNames[PhaseScores::Count] = { tr("Squeeze active"), tr("Divergence active"),
        tr("Reset active"), tr("Momentum active"), tr("Volume active") };
    for (int i = 0; i < PhaseScores::Count; ++i)
        slim->addWidget(addCard(QStringLiteral("phase_") + QString::fromLatin1(kPhaseKeys[i]), phaseNames[i],
            tr("share of bars on which this phase scored above zero"), true));
    slim->addWidget(addCard(QStringLiteral("elapsed_ms"), tr("Run time"),
        tr("wall time from opening the source to the last bar"), true));
    cards->addLayout(slim, 1, 0, 1, slot);

    m_tradesView = TableViewFactory::create(m_tradesModel, QStringLiteral("dashboardTrades"), this);
    m_tradesView->setToolTip(tr("Select a trade to zoom the chart to it; Up/Down walk through the trades"));
    m_signalsView = TableViewFactory::create(m_signalsModel, QStringLiteral("dashboardSignals"), this);
    m_signalsView->setSortingEnabled(false);
    m_focus = new TradeFocus(m_tradesView, m_tradesModel, m_candles, this);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("dashboardTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_tradesView, tr("Trades"));
    tabs->addTab(m_signalsView, tr("Signals by decision"));

    // Price beside equity on top, the tables across the whole width below: the trades table
    // shows every column without scrolling sideways.
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(QStringLiteral("dashboardCharts"));
    charts->addWidget(m_candles);
    charts->addWidget(m_equity);
    charts->setStretchFactor(0, 7);
    charts->setStretchFactor(1, 3);
    charts->setSizes({ 1100, 440 });
    auto* body = new QSplitter(Qt::Vertical, this);
    body->setObjectName(QStringLiteral("dashboardBody"));
    body->addWidget(charts);
    body->addWidget(tabs);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 1);
    body->setSizes({ 700, 190 });
    body->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(cards);
    layout->addWidget(body, 1);
    // The central tabs are as wide as their widest page needs, and the live view shares the
    // window with its docks: the dashboard's own minimum (a row of eleven cards, two charts side
    // by side, about 1300 px) would push a 1600 px window off the screen. It gets the window's
    // whole width while shown (the docks collapse), so it asks for less than it lays out.
    setMinimumSize(720, 480);
    clear();
}

StatCard* Dashboard::addCard(const QString& key, const QString& caption, const QString& tip, bool compact)
{
    auto* card
        = new StatCard(key, caption, this, compact ? StatCard::Size::Compact : StatCard::Size::Regular);
    card->setToolTipText(tip);
    m_cards.insert(key, card);
    m_cardOrder << key;
    return card;
}

void Dashboard::clear()
{
    m_result.reset();
    m_header->setText(tr("No backtest yet"));
    setNotice(
        tr("Run one from the Backtest panel of the Live view, with File \u2192 Open data file, or drop a "
           "data file onto the window; the results appear here."));
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
    m_notice->setToolTip(text);
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
    const bool journal = r.journalSessionId > 0;
    const QString symbol = s.symbol.isEmpty() ? tr("(unnamed instrument)") : s.symbol;
    const QString span
        = tr("%1 to %2")
              .arg(DisplayFormat::dateTime(s.startMs, false), DisplayFormat::dateTime(s.endMs, false));
    m_header->setText(journal ? tr("Session #%1 \u2014 %2").arg(r.journalSessionId).arg(span)
                              : tr("%1 \u2014 %2").arg(symbol, span));
    QString notice = journal
        ? tr("Past live session from the journal, read-only \u00b7 %1 \u00b7 config %2 \u00b7 bars are not "
             "journaled: the chart joins each minute's last close")
              .arg(r.source, r.configHash)
        : tr("Source: %1 \u00b7 config %2").arg(r.source, r.configHash);
    if (s.cancelled)
        notice += tr(" \u00b7 cancelled before the end of the data: partial result");
    if (std::int64_t(r.signalRecords.size()) < s.signalCount)
        notice += tr(" \u00b7 signal table limited to the first %1")
                      .arg(DisplayFormat::count(std::int64_t(r.signalRecords.size())));
    setNotice(notice);
    showSummary(r);

    m_tradesModel->setTrades(r.trades);
    m_signalsModel->setSignals(r.signalRecords);
    m_equity->setInitialCapital(s.initialCapital);
    m_equity->setEquity(r.equity);
    CandleChartView* v = m_candles->view();
    m_candles->setTitle(journal ? tr("%1 (minute closes)").arg(symbol) : symbol);
    m_candles->setEntryThreshold(r.minEntryScore);
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
    if (r.journalSessionId > 0) {
        // Per-bar facts a journal does not keep: said so rather than shown as zero.
        const QString none = QStringLiteral("\u2014");
        const QString why = tr("not journaled");
        set("exposure", none, StatCard::Tone::Neutral, why);
        set("bars", none, StatCard::Tone::Neutral, why);
        set("bars_per_second", none, StatCard::Tone::Neutral, why);
        for (int i = 0; i < PhaseScores::Count; ++i)
            set(qPrintable(QStringLiteral("phase_") + QString::fromLatin1(kPhaseKeys[i])), none,
                StatCard::Tone::Neutral, why);
        set("elapsed_ms", s.elapsedMs > 0 ? DisplayFormat::duration(s.elapsedMs) : none,
            StatCard::Tone::Neutral, tr("session wall time"));
        return;
    }
    set("bars", DisplayFormat::count(s.bars));
    set("bars_per_second", tr("%1/s").arg(DisplayFormat::count(std::int64_t(s.barsPerSecond))),
        StatCard::Tone::Neutral, tr("end to end, reading included"));
    for (int i = 0; i < PhaseScores::Count; ++i)
        set(qPrintable(QStringLiteral("phase_") + QString::fromLatin1(kPhaseKeys[i])),
            DisplayFormat::percent(s.phaseActivity[i], 1));
    set("elapsed_ms", DisplayFormat::duration(s.elapsedMs));
}

} // namespace veloce
