#include "sweepview.h"

#include "displayformat.h"
#include "heatmapview.h"
#include "metrictext.h"
#include "resultheader.h"
#include "statcard.h"
#include "sweepresultsmodel.h"
#include "tableviewfactory.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace veloce {

SweepView::SweepView(QWidget* parent)
    : QWidget(parent)
    , m_header(new ResultHeader(tr("Export HTML report\u2026"), QStringLiteral("exportSweepReport"), this))
    , m_x(new QComboBox(this))
    , m_y(new QComboBox(this))
    , m_heatmapNote(new QLabel(this))
    , m_heatmap(new HeatmapView(this))
    , m_model(new SweepResultsModel(this))
{
    setObjectName(QStringLiteral("sweepView"));
    m_header->action()->setToolTip(
        tr("Write the sweep's self-contained HTML report: heatmaps, ranked table, DSR and PBO"));
    connect(m_header->action(), &QPushButton::clicked, this, &SweepView::exportRequested);
    m_header->addCard(QStringLiteral("objective"), tr("Objective"), tr("the best configuration's objective"));
    m_header->addCard(QStringLiteral("deflated_sharpe"), tr("Deflated Sharpe"),
        tr("Probability that the best configuration's true Sharpe ratio beats the best of this many "
           "configurations without skill (Bailey & L\u00f3pez de Prado 2014); 95 % or more is significant"));
    m_header->addCard(QStringLiteral("pbo"), tr("PBO"),
        tr("Probability of backtest overfitting: how often the in-sample winner ends at or below the median "
           "out of sample (combinatorially symmetric cross-validation); lower is better"));
    m_header->addCard(
        QStringLiteral("total_return"), tr("Return"), tr("the best configuration's total return"));
    m_header->addCard(
        QStringLiteral("max_drawdown"), tr("Max drawdown"), tr("the best configuration's max drawdown"));
    m_header->addCard(QStringLiteral("total_trades"), tr("Trades"), tr("the best configuration's trades"));
    m_header->addCard(QStringLiteral("configurations"), tr("Configurations"),
        tr("configurations that ran, the sweep's wall time and worker threads"));

    m_x->setObjectName(QStringLiteral("heatmapX"));
    m_y->setObjectName(QStringLiteral("heatmapY"));
    m_x->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_y->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_x, &QComboBox::activated, this, [this] { onAxisChanged(m_x); });
    connect(m_y, &QComboBox::activated, this, [this] { onAxisChanged(m_y); });
    m_heatmapNote->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    auto* axes = new QHBoxLayout;
    axes->addWidget(new QLabel(tr("Heatmap across"), this));
    axes->addWidget(m_x);
    axes->addWidget(new QLabel(tr("up"), this));
    axes->addWidget(m_y);
    axes->addSpacing(12);
    axes->addWidget(m_heatmapNote, 1);
    connect(m_heatmap, &HeatmapView::configurationActivated, this, &SweepView::configurationActivated);

    auto* heat = new QWidget(this);
    auto* heatLayout = new QVBoxLayout(heat);
    heatLayout->setContentsMargins(0, 0, 0, 0);
    heatLayout->addLayout(axes);
    heatLayout->addWidget(m_heatmap, 1);

    m_table = TableViewFactory::create(m_model, QStringLiteral("sweepResults"), this);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setToolTip(tr("Double-click a configuration to backtest it in the dashboard"));
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT configurationActivated(index.data(SweepResultsModel::kConfigRole).toLongLong());
    });
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(heat);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    clear();
}

StatCard* SweepView::card(const QString& key) const
{
    return m_header->card(key);
}

void SweepView::clear()
{
    m_result.reset();
    m_heatmaps.reset();
    m_header->setHeadline(tr("No sweep yet"));
    m_header->setNotice(tr("Pick the data and the keys to vary on the left, then run the sweep."));
    m_header->clearCards();
    m_x->clear();
    m_y->clear();
    m_heatmapNote->clear();
    m_heatmap->clear();
    m_model->setResult(nullptr);
    m_header->action()->setEnabled(false);
}

void SweepView::setNotice(const QString& text)
{
    m_header->setNotice(text);
}

QString SweepView::headline() const
{
    return m_header->headline();
}

QString SweepView::heatmapNote() const
{
    return m_heatmapNote->text();
}

void SweepView::setSweep(
    std::shared_ptr<const SweepResult> result, std::shared_ptr<const SweepHeatmaps> heatmaps)
{
    if (!result) {
        clear();
        return;
    }
    const bool sameKeys = m_result && m_result->grid.keys() == result->grid.keys();
    m_result = std::move(result);
    m_heatmaps = std::move(heatmaps);
    const QStringList keys = m_result->grid.keys();
    m_x->clear();
    m_y->clear();
    m_y->addItem(tr("(none)"), -1);
    for (int i = 0; i < keys.size(); ++i) {
        m_x->addItem(keys.at(i), i);
        m_y->addItem(keys.at(i), i);
    }
    if (!sameKeys) {
        m_shownX = 0;
        m_shownY = keys.size() > 1 ? 1 : -1;
    }
    m_model->setResult(m_result);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    showBest();
    setAxes(m_shownX, m_shownY);
    m_header->action()->setEnabled(!m_result->configs.empty());
}

void SweepView::showBest()
{
    const SweepResult& r = *m_result;
    const qint64 ran = qint64(r.configs.size());
    const std::int64_t position = r.best < 0 ? -1 : r.position(r.best);
    const SweepMarket* market = r.markets.empty() ? nullptr : &r.markets.front();
    QString notice = market ? tr("%1 \u00b7 %2 bars \u00b7 %3 to %4")
                                  .arg(market->source, DisplayFormat::count(market->bars),
                                      DisplayFormat::dateTime(market->startMs, false),
                                      DisplayFormat::dateTime(market->endMs, false))
                            : QString();
    if (r.cancelled)
        notice += tr(" \u00b7 cancelled: %1 of %2 configurations ran").arg(ran).arg(r.grid.size());
    m_header->setNotice(notice);
    m_header->card(QStringLiteral("configurations"))
        ->setValue(r.cancelled
                ? tr("%1 of %2").arg(DisplayFormat::count(ran), DisplayFormat::count(r.grid.size()))
                : DisplayFormat::count(ran),
            StatCard::Tone::Neutral,
            tr("%1 on %n thread(s)", nullptr, r.jobs).arg(DisplayFormat::duration(r.elapsedMs)));
    if (position < 0) {
        m_header->setHeadline(tr("No configuration finished"));
        return;
    }
    m_header->setHeadline(tr("Best of %1: %2").arg(DisplayFormat::count(ran), r.grid.describe(r.best)));
    const BacktestSummary& s = r.row(std::size_t(position), 0).summary;
    const QString key = r.objective.key();
    m_header->card(QStringLiteral("objective"))
        ->setValue(MetricText::format(key, r.objective.value(s)), StatCard::Tone::Neutral,
            r.objective.minimised() ? tr("%1, minimised").arg(key) : tr("%1, maximised").arg(key));
    m_header->card(QStringLiteral("total_return"))
        ->setValue(DisplayFormat::percent(s.totalReturn, 2, true),
            s.totalReturn > 0       ? StatCard::Tone::Good
                : s.totalReturn < 0 ? StatCard::Tone::Bad
                                    : StatCard::Tone::Neutral);
    m_header->card(QStringLiteral("max_drawdown"))->setValue(DisplayFormat::percent(s.maxDrawdown));
    m_header->card(QStringLiteral("total_trades"))->setValue(DisplayFormat::count(s.totalTrades));
    if (r.checks.empty())
        return;
    const OverfittingCheck& check = r.checks.front();
    const std::optional<double> dsr = check.deflatedSharpe.probability;
    const std::optional<double> pbo = check.overfitting.probability;
    m_header->card(QStringLiteral("deflated_sharpe"))
        ->setValue(dsr ? DisplayFormat::percent(*dsr, 1) : QStringLiteral("\u2014"),
            !dsr               ? StatCard::Tone::Neutral
                : *dsr >= 0.95 ? StatCard::Tone::Good
                               : StatCard::Tone::Bad,
            tr("of %n configuration(s) tried", nullptr, int(check.deflatedSharpe.trials)));
    m_header->card(QStringLiteral("pbo"))
        ->setValue(pbo ? DisplayFormat::percent(*pbo, 1) : QStringLiteral("\u2014"),
            !pbo             ? StatCard::Tone::Neutral
                : *pbo < 0.5 ? StatCard::Tone::Good
                             : StatCard::Tone::Bad,
            tr("%1 splits of %2 blocks")
                .arg(DisplayFormat::count(check.overfitting.combinations))
                .arg(check.overfitting.blocks));
}

void SweepView::setAxes(int x, int y)
{
    if (!m_result || !m_heatmaps)
        return;
    const int keys = m_heatmaps->keys();
    if (x < 0 || x >= keys)
        x = 0;
    if (y >= keys || y == x)
        y = -1;
    m_shownX = x;
    m_shownY = y;
    m_x->setCurrentIndex(m_x->findData(x));
    m_y->setCurrentIndex(m_y->findData(y));
    showHeatmap();
}

void SweepView::onAxisChanged(QComboBox* changed)
{
    int x = m_x->currentData().toInt();
    int y = m_y->currentData().toInt();
    // Picking the other axis's key swaps the two, as a user who wants that key there expects.
    if (x == y)
        (changed == m_x ? y : x) = (changed == m_x ? m_shownX : m_shownY);
    if (x < 0) // the x axis always has a key
        std::swap(x, y);
    setAxes(x, y);
}

void SweepView::showHeatmap()
{
    const SweepHeatmap* map = m_heatmaps ? m_heatmaps->find(m_shownX, m_shownY) : nullptr;
    if (!map || m_result->configs.empty()) {
        m_heatmap->clear();
        m_heatmapNote->clear();
        return;
    }
    m_heatmap->setHeatmap(*map, m_result->grid, m_result->objective, m_result->best);
    QStringList others;
    const auto& dims = m_result->grid.dimensions();
    const std::vector<int> at = m_result->grid.coordinates(m_result->best < 0 ? 0 : m_result->best);
    for (int k = 0; k < int(dims.size()); ++k)
        if (k != m_shownX && k != m_shownY)
            others << QStringLiteral("%1 = %2").arg(dims[std::size_t(k)].key,
                Grid::valueText(dims[std::size_t(k)].values[std::size_t(at[std::size_t(k)])]));
    const QString what = m_result->markets.size() > 1
        ? tr("%1, the worst over the markets").arg(m_result->objective.key())
        : m_result->objective.key();
    m_heatmapNote->setText(others.isEmpty()
            ? what
            : tr("%1; held at the best configuration: %2").arg(what, others.join(QStringLiteral(", "))));
}

} // namespace veloce
