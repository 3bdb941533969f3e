#include "report/journalresult.h"

#include "portfolio/metrics.h"
#include "report/reportcollector.h"
#include "types/configjson.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
Config configOf(const JournalSession& s)
{
    // The session's own config as journaled; a row an older or newer version cannot read keeps
    // the defaults (the report header then shows those -- the hash still names the original).
    try {
        return ConfigJson::apply(nlohmann::json::parse(s.configJson.toStdString()),
            QStringLiteral("journal session %1").arg(s.info.id));
    } catch (const std::exception&) {
        return Config();
    }
}
} // namespace

std::vector<Bar> JournalResult::closeCandles(const JournalSession& s)
{
    std::vector<Bar> bars;
    bars.reserve(s.equity.size());
    for (std::size_t i = 0; i < s.equity.size() && i < s.closes.size(); ++i) {
        Bar b;
        b.t = s.equity[i].t;
        b.close = s.closes[i];
        b.open = i == 0 ? b.close : s.closes[i - 1];
        b.high = std::max(b.open, b.close);
        b.low = std::min(b.open, b.close);
        if (!bars.empty() && b.t <= bars.back().t)
            continue; // bar times strictly increase (docs/strategy.md §1)
        bars.push_back(b);
    }
    return bars;
}

BacktestResult JournalResult::result(const JournalSession& s)
{
    BacktestResult r;
    r.journalSessionId = s.info.id;
    r.source = s.info.source;
    r.configJson = s.configJson;
    r.configHash = s.info.configHash;
    r.minEntryScore = s.minEntryScore;
    r.trades = s.trades;
    r.signalRecords = s.signalRecords;
    r.equity = s.equity;
    r.bars = closeCandles(s);

    Metrics metrics(s.startingEquity);
    for (const EquityPoint& p : s.equity)
        metrics.onBar(p.t, p.equity, false, PhaseScores());
    for (const Trade& t : s.trades)
        metrics.onTrade(t);
    for (const SignalRecord& rec : s.signalRecords)
        metrics.onSignal(rec.accepted);
    BacktestSummary& sum = r.summary;
    metrics.finish(s.equity.empty() ? s.startingEquity : s.equity.back().equity, sum);
    sum.symbol = s.info.source;
    sum.startMs = s.equity.empty() ? 0 : s.equity.front().t;
    sum.endMs = s.equity.empty() ? 0 : s.equity.back().t;
    // Per-bar facts the journal does not keep: left at zero, shown as "not journaled".
    sum.bars = 0;
    sum.exposure = 0;
    for (double& a : sum.phaseActivity)
        a = 0;
    sum.signalCount = s.signalCount;
    sum.elapsedMs = s.info.endedMs > 0 ? double(s.info.endedMs - s.info.startedMs) : 0;
    sum.barsPerSecond = 0;
    return r;
}

ReportData JournalResult::report(const JournalSession& s, const BacktestResult& r)
{
    ReportCollector collector;
    for (const SignalRecord& rec : s.signalRecords)
        collector.onSignal(rec);
    for (const Trade& t : s.trades)
        collector.onTrade(t);
    for (const EquityPoint& p : s.equity)
        collector.onEquity(p);
    for (const Bar& b : r.bars)
        collector.onBar(b, PhaseScores());
    ReportData out = collector.result(r.summary, r.source, configOf(s));
    out.configHash = s.info.configHash;
    out.scores.points.clear(); // no per-bar scores in the journal: no timeline rather than zeros
    return out;
}

} // namespace veloce
