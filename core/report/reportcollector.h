#pragma once

#include "engine/backtestsink.h"
#include "report/decimatedseries.h"
#include "report/reportdata.h"
#include "types/config.h"

#include <array>
#include <cstddef>

namespace veloce {

// How much of a run a report keeps. The defaults bound the HTML file to well under 10 MB for any
// run length (a year of 1-second bars included); see HtmlReport.
struct ReportLimits
{
    std::size_t candlesPerView = 50000; // 44 640 one-minute candles (a month) stay exact
    std::size_t scorePoints = 25000;
    std::size_t equityPoints = 25000;
    std::size_t markerBins = 2000; // per kind (entries, exits)
    std::size_t trades = 5000; // trades listed in full; all are counted
};

// The report's BacktestSink: collects, while the run streams, everything HtmlReport needs with
// memory bounded by ReportLimits, whatever the number of bars. Tee it with the ResultWriter.
//
// Decimation (DecimatedSeries): every series covers the whole run. Candles of each timeframe are
// aggregated from the bars (open of the first bar, max high, min low, close of the last, volumes
// summed) into buckets aligned to the epoch; a view with more than candlesPerView candles merges
// neighbours into wider candles (1m -> 5m -> 15m ...), still the exact OHLC of their span. A view
// merged up to the next view's timeframe is dropped (CoarserViewSuffices) rather than duplicated.
// Scores keep per-bucket maxima (a threshold crossing never disappears), equity the bucket's last
// value and deepest drawdown, markers per-bucket counts.
class ReportCollector : public BacktestSink
{
public:
    static constexpr int kViews = 4;
    static constexpr std::array<std::int64_t, kViews> kTimeframesMs = { 1000, 60000, 300000, 3600000 };

    explicit ReportCollector(const ReportLimits& limits = ReportLimits());

    void onSignal(const SignalRecord& rec) override;
    void onTrade(const Trade& trade) override;
    void onEquity(const EquityPoint& point) override;
    bool wantsBars() const override { return true; }
    void onBar(const Bar& bar, const PhaseScores& scores) override;

    // The complete report of a finished run: header (summary, source, redacted config and its
    // hash, engine version), the series and the trades.
    ReportData result(const BacktestSummary& summary, const QString& source, const Config& config) const;

    // The parts built from signals and trades (trades, markers, signal tally).
    void fillEvents(ReportData& out) const;
    // The parts built from bars and equity (candle views, scores, equity, data resolution).
    void fillSeries(ReportData& out) const;
    // Header fields from the summary and the config, with this build's version.
    static void fillHeader(
        ReportData& out, const BacktestSummary& summary, const QString& source, const Config& config);

private:
    struct MergeCandle
    {
        void operator()(Bar& into, const Bar& next) const;
    };
    struct MergeScore
    {
        void operator()(ScoreBucket& into, const ScoreBucket& next) const;
    };
    struct MergeEquity
    {
        void operator()(EquityPoint& into, const EquityPoint& next) const;
    };
    struct MergeEntry
    {
        void operator()(EntryBin& into, const EntryBin& next) const;
    };
    struct MergeExit
    {
        void operator()(ExitBin& into, const ExitBin& next) const;
    };

    ReportLimits m_limits;
    std::vector<DecimatedSeries<Bar, MergeCandle>> m_views;
    DecimatedSeries<ScoreBucket, MergeScore> m_scores;
    DecimatedSeries<EquityPoint, MergeEquity> m_equity;
    DecimatedSeries<EntryBin, MergeEntry> m_entries;
    DecimatedSeries<ExitBin, MergeExit> m_exits;
    std::vector<Trade> m_trades;
    std::int64_t m_tradeCount = 0;
    SignalTally m_tally;
    std::int64_t m_lastBarMs = 0;
    std::int64_t m_minSpacingMs = 0; // 0 until two bars were seen
    bool m_hasBar = false;
};

} // namespace veloce
