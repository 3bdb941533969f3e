#pragma once

#include "types/backtestsummary.h"
#include "types/bar.h"
#include "types/equitypoint.h"
#include "types/phasescores.h"
#include "types/signal.h"
#include "types/trade.h"

#include <QString>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace veloce {

// A bounded series as the report shows it: one point per bucket of widthMs, `t` = bucket start.
template<typename T> struct ReportSeries
{
    std::int64_t widthMs = 0;
    std::vector<T> points;
};

// One bucket of the score timeline. (Not types/backtestresult.h's ScorePoint: that header has a
// member named `signals`, which Qt's keyword macro breaks in any file that includes Qt first.)
struct ScoreBucket
{
    std::int64_t t = 0;
    PhaseScores scores;
};

// One timeframe of the candle chart (1s / 1m / 5m / 1h).
struct CandleView
{
    enum class State
    {
        Shown, // candles of widthMs (== timeframeMs, or wider when the run has too many)
        FinerThanData, // the bars are coarser than this timeframe (e.g. 1-minute klines)
        CoarserViewSuffices, // so many candles that decimation made them wider than the next view
    };
    QString label; // "1s", "1m", "5m", "1h"
    std::int64_t timeframeMs = 0;
    std::int64_t runCandles = 0; // candles of timeframeMs in the whole run
    State state = State::Shown;
    ReportSeries<Bar> candles; // vbuy/vsell summed per candle
};

// Entries (from accepted signals) and exits (from trades) counted per bucket: the chart markers.
// Bucketed so that a run with 100 000 trades still gives a few thousand markers at most.
struct EntryBin
{
    std::int64_t t = 0;
    std::int64_t longs = 0;
    std::int64_t shorts = 0;
};

struct ExitBin
{
    std::int64_t t = 0;
    std::int64_t stop = 0;
    std::int64_t target = 0;
    std::int64_t end = 0;
    std::int64_t other = 0; // kill switch, manual
    double pnl = 0;
};

// Signals by decision: index [reason][side], reason = RejectReason (None = accepted), side 0 = LONG.
struct SignalTally
{
    static constexpr int kReasons = static_cast<int>(RejectReason::Halted) + 1;
    std::int64_t count[kReasons][2] = {};

    void add(const SignalRecord& rec)
    {
        ++count[static_cast<int>(rec.accepted ? RejectReason::None : rec.reason)]
               [rec.signal.side == Side::Long ? 0 : 1];
    }
    std::int64_t total() const
    {
        std::int64_t n = 0;
        for (const auto& r : count)
            n += r[0] + r[1];
        return n;
    }
};

// Everything one HTML report shows, collected with bounded memory while the run streams (see
// ReportCollector) or read back from a result folder (ResultFolder). The numbers come from the
// same objects as summary.json; the page formats them but never recomputes a metric.
struct ReportData
{
    BacktestSummary summary;
    QString source; // data source description
    nlohmann::ordered_json config; // every config value, secrets redacted, in schema order
    QString configHash;
    QString appVersion; // of the engine that ran the backtest
    double entryThreshold = 0; // min_entry_score, the line on the score timeline
    std::int64_t dataSpacingMs = 0; // smallest step between two bars: the data's resolution

    std::vector<CandleView> views;
    ReportSeries<ScoreBucket> scores; // per-bucket maximum of every phase and of the total
    ReportSeries<EquityPoint> equity; // last equity/cash of the bucket, its deepest drawdown
    ReportSeries<EntryBin> entries;
    ReportSeries<ExitBin> exits;

    std::vector<Trade> trades; // the first ReportLimits::trades trades, exit order
    std::int64_t tradeCount = 0; // all trades of the run
    SignalTally signalTally;
};

} // namespace veloce
