#pragma once

#include "research/marketdata.h"
#include "research/runresult.h"
#include "research/sweepplan.h"
#include "research/sweepprogress.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace veloce {

class ScoreStream;

// Runs configurations of a SweepPlan over markets and time ranges on `jobs` worker threads, sharing
// all the work that does not depend on the configuration (docs/research.md §3):
// - the bars are decoded once (MarketData) and read by every worker;
// - configurations with the same indicator keys share one ScoreStream per market, computed by the
//   first worker that needs it and freed when the group's last run ends; a worker that would wait
//   for a stream another worker is computing computes the next group's instead (so at most about
//   `jobs` + 1 streams are alive, and no worker idles while one is built);
// - only the portfolio runs per configuration: up to kLockstep configurations of a group go through
//   the bars together (Backtester::runLockstep), chunk by chunk, each through the same
//   BarProcessor as `veloce-cli backtest`, so every number is the same.
//
// Thread contract: run() blocks the calling thread, starts the workers and joins them before it
// returns; the progress callback is called on the calling thread. The cancel flag may be set from
// any thread: workers stop within 65 536 bars, run() returns what finished and cancelled() is
// true. The plan and markets must stay alive and unchanged during run().
class SweepRunner
{
public:
    using Progress = std::function<void(const SweepProgress&)>;
    static constexpr std::size_t kLockstep = 8;

    SweepRunner(const SweepPlan& plan, std::vector<std::shared_ptr<const MarketData>> markets);

    void setJobs(int jobs) { m_jobs = jobs; }
    // Returns are summed into this many equal blocks per run (PBO's CSCV); default 16.
    void setBlocks(int blocks) { m_blocks = blocks; }
    // Grid indices to run (a shard); default all.
    void setMembers(std::vector<std::int64_t> members) { m_members = std::move(members); }
    // Time ranges each configuration runs over separately; default the whole data.
    void setRanges(std::vector<TimeRange> ranges) { m_ranges = std::move(ranges); }
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    const std::vector<std::int64_t>& members() const { return m_members; }
    // Results in the order [member][market][range]; see index(). Throws what a worker threw.
    std::vector<RunResult> run();
    std::size_t index(std::size_t member, std::size_t market, std::size_t range) const
    {
        return (member * m_markets.size() + market) * m_ranges.size() + range;
    }
    bool cancelled() const { return m_cancelled; }

private:
    struct Unit;
    struct Item
    {
        std::size_t unit = 0;
        std::size_t first = 0; // into the unit's members
        std::size_t count = 0; // <= kLockstep
    };
    void work(std::vector<Unit>& units, const std::vector<Item>& items, std::vector<RunResult>& results);
    void runItem(std::vector<Unit>& units, const Item& item, std::vector<RunResult>& results);
    std::shared_ptr<const ScoreStream> streamOf(std::vector<Unit>& units, std::size_t unit);
    void build(Unit& unit); // computes the unit's stream unless it exists, is being built or done

    const SweepPlan& m_plan;
    std::vector<std::shared_ptr<const MarketData>> m_markets;
    std::vector<std::int64_t> m_members;
    std::vector<TimeRange> m_ranges { TimeRange() };
    int m_jobs = 1;
    int m_blocks = 16;
    const std::atomic<bool>* m_cancel = nullptr;
    Progress m_progress;

    // Shared by the workers during run().
    std::atomic<bool> m_stop { false };
    std::atomic<std::size_t> m_nextItem { 0 };
    std::atomic<std::int64_t> m_barsDone { 0 };
    std::atomic<std::int64_t> m_runsDone { 0 };
    bool m_cancelled = false;
};

} // namespace veloce
