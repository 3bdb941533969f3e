#include "report/reportcollector.h"

#include "types/configjson.h"

#include <algorithm>

namespace veloce {

namespace {
QString viewLabel(std::int64_t ms)
{
    if (ms % 3600000 == 0)
        return QStringLiteral("%1h").arg(ms / 3600000);
    if (ms % 60000 == 0)
        return QStringLiteral("%1m").arg(ms / 60000);
    return QStringLiteral("%1s").arg(ms / 1000);
}
} // namespace

void ReportCollector::MergeCandle::operator()(Bar& into, const Bar& next) const
{
    into.high = std::max(into.high, next.high);
    into.low = std::min(into.low, next.low);
    into.close = next.close;
    into.vbuy += next.vbuy;
    into.vsell += next.vsell;
}

void ReportCollector::MergeScore::operator()(ScoreBucket& into, const ScoreBucket& next) const
{
    PhaseScores& a = into.scores;
    const PhaseScores& b = next.scores;
    a.squeeze = std::max(a.squeeze, b.squeeze);
    a.divergence = std::max(a.divergence, b.divergence);
    a.reset = std::max(a.reset, b.reset);
    a.momentum = std::max(a.momentum, b.momentum);
    a.volume = std::max(a.volume, b.volume);
    a.total = std::max(a.total, b.total);
}

void ReportCollector::MergeEquity::operator()(EquityPoint& into, const EquityPoint& next) const
{
    into.equity = next.equity;
    into.cash = next.cash;
    into.drawdown = std::max(into.drawdown, next.drawdown);
}

void ReportCollector::MergeEntry::operator()(EntryBin& into, const EntryBin& next) const
{
    into.longs += next.longs;
    into.shorts += next.shorts;
}

void ReportCollector::MergeExit::operator()(ExitBin& into, const ExitBin& next) const
{
    into.stop += next.stop;
    into.target += next.target;
    into.end += next.end;
    into.other += next.other;
    into.pnl += next.pnl;
}

ReportCollector::ReportCollector(const ReportLimits& limits)
    : m_limits(limits)
    , m_scores(1000, limits.scorePoints)
    , m_equity(60000, limits.equityPoints) // equity arrives once per minute with a bar
    , m_entries(1000, limits.markerBins)
    , m_exits(1000, limits.markerBins)
{
    m_views.reserve(kViews);
    for (std::int64_t tf : kTimeframesMs)
        m_views.emplace_back(tf, limits.candlesPerView);
}

void ReportCollector::onSignal(const SignalRecord& rec)
{
    m_tally.add(rec);
    if (!rec.accepted)
        return;
    // Accepted signals arrive in time order and open at their bar: the entry markers. (Trades
    // come in exit order, so their entry times are not monotonic.)
    EntryBin bin;
    bin.t = rec.signal.t;
    (rec.signal.side == Side::Long ? bin.longs : bin.shorts) = 1;
    m_entries.add(bin);
}

void ReportCollector::onTrade(const Trade& trade)
{
    ++m_tradeCount;
    if (m_trades.size() < m_limits.trades)
        m_trades.push_back(trade);
    ExitBin bin;
    bin.t = trade.exitMs;
    switch (trade.reason) {
    case ExitReason::Stop:
        bin.stop = 1;
        break;
    case ExitReason::Target:
        bin.target = 1;
        break;
    case ExitReason::End:
        bin.end = 1;
        break;
    case ExitReason::Kill:
    case ExitReason::Manual:
        bin.other = 1;
        break;
    }
    bin.pnl = trade.pnl;
    m_exits.add(bin);
}

void ReportCollector::onEquity(const EquityPoint& point)
{
    m_equity.add(point);
}

void ReportCollector::onBar(const Bar& bar, const PhaseScores& scores)
{
    if (m_hasBar) {
        const std::int64_t step = bar.t - m_lastBarMs;
        if (step > 0 && (m_minSpacingMs == 0 || step < m_minSpacingMs))
            m_minSpacingMs = step;
    }
    m_hasBar = true;
    m_lastBarMs = bar.t;
    for (auto& view : m_views)
        view.add(bar);
    m_scores.add(ScoreBucket { bar.t, scores });
}

void ReportCollector::fillEvents(ReportData& out) const
{
    out.trades = m_trades;
    out.tradeCount = m_tradeCount;
    out.signalTally = m_tally;
    out.entries = { m_entries.widthMs(), m_entries.points() };
    out.exits = { m_exits.widthMs(), m_exits.points() };
}

void ReportCollector::fillSeries(ReportData& out) const
{
    out.dataSpacingMs = m_minSpacingMs;
    out.views.clear();
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const auto& series = m_views[i];
        CandleView view;
        view.timeframeMs = kTimeframesMs[i];
        view.label = viewLabel(view.timeframeMs);
        view.runCandles = series.baseBuckets();
        view.candles.widthMs = series.widthMs();
        if (m_minSpacingMs > view.timeframeMs)
            view.state = CandleView::State::FinerThanData;
        else if (i + 1 < m_views.size() && series.widthMs() >= kTimeframesMs[i + 1])
            view.state = CandleView::State::CoarserViewSuffices;
        else
            view.candles.points = series.points();
        out.views.push_back(std::move(view));
    }
    out.scores = { m_scores.widthMs(), m_scores.points() };
    out.equity = { m_equity.widthMs(), m_equity.points() };
}

void ReportCollector::fillHeader(
    ReportData& out, const BacktestSummary& summary, const QString& source, const Config& config)
{
    out.summary = summary;
    out.source = source;
    const nlohmann::json values = ConfigJson::toJson(config, true);
    out.config = nlohmann::ordered_json::object();
    for (const QString& key : ConfigJson::keys()) {
        const std::string k = key.toStdString();
        if (values.contains(k))
            out.config[k] = values[k];
    }
    out.configHash = ConfigJson::hash(config);
    out.appVersion = QStringLiteral(VELOCE_VERSION);
    out.entryThreshold = config.minEntryScore;
}

ReportData ReportCollector::result(
    const BacktestSummary& summary, const QString& source, const Config& config) const
{
    ReportData out;
    fillHeader(out, summary, source, config);
    fillEvents(out);
    fillSeries(out);
    return out;
}

} // namespace veloce
