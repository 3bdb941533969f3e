#include "research/sweeprunner.h"

#include "engine/backtester.h"
#include "engine/barprocessor.h"
#include "research/returncollector.h"
#include "research/scorestream.h"

#include <QElapsedTimer>
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace veloce {

// One score stream's worth of work: a score group on one market.
struct SweepRunner::Unit
{
    const SweepPlan::ScoreGroup* group = nullptr;
    std::size_t market = 0;
    std::vector<std::size_t> members; // positions in m_members
    struct Span
    {
        std::size_t begin = 0, end = 0;
        std::int64_t returns = 0;
    };
    const std::vector<Span>* spans = nullptr; // per range, of this market

    std::mutex mutex;
    std::condition_variable built;
    bool building = false;
    std::shared_ptr<const ScoreStream> stream;
    std::size_t remaining = 0; // members still to start or finish; the stream is freed at 0
};

SweepRunner::SweepRunner(const SweepPlan& plan, std::vector<std::shared_ptr<const MarketData>> markets)
    : m_plan(plan)
    , m_markets(std::move(markets))
    , m_members(plan.allIndices())
{
}

std::vector<RunResult> SweepRunner::run()
{
    m_stop = false;
    m_nextItem = 0;
    m_barsDone = 0;
    m_runsDone = 0;
    m_cancelled = false;

    // Bar spans of every range in every market, and the work they make.
    std::vector<std::vector<Unit::Span>> spans(m_markets.size());
    std::int64_t barsPerMember = 0;
    for (std::size_t m = 0; m < m_markets.size(); ++m) {
        for (const TimeRange& r : m_ranges) {
            Unit::Span s;
            s.begin = m_markets[m]->lowerBound(r.fromMs);
            s.end = std::max(s.begin, m_markets[m]->lowerBound(r.toMs));
            s.returns = std::max<std::int64_t>(0, m_markets[m]->minutes(s.begin, s.end) - 1);
            barsPerMember += static_cast<std::int64_t>(s.end - s.begin);
            spans[m].push_back(s);
        }
    }

    const std::vector<SweepPlan::ScoreGroup> groups = m_plan.scoreGroups(m_members);
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < m_members.size(); ++i)
        position.emplace(m_members[i], i);
    std::vector<Unit> units(groups.size() * m_markets.size());
    std::size_t u = 0;
    for (const SweepPlan::ScoreGroup& g : groups) {
        for (std::size_t m = 0; m < m_markets.size(); ++m, ++u) {
            units[u].group = &g;
            units[u].market = m;
            units[u].spans = &spans[m];
            for (const std::int64_t i : g.members)
                units[u].members.push_back(position.at(i));
            units[u].remaining = units[u].members.size();
        }
    }

    // Batches of up to kLockstep members of one unit, in unit order, so that workers tend to
    // share the stream that is alive.
    std::vector<Item> items;
    for (std::size_t i = 0; i < units.size(); ++i)
        for (std::size_t first = 0; first < units[i].members.size(); first += kLockstep)
            items.push_back({ i, first, std::min(kLockstep, units[i].members.size() - first) });

    std::vector<RunResult> results(m_members.size() * m_markets.size() * m_ranges.size());
    const std::int64_t runsTotal = static_cast<std::int64_t>(results.size());
    const std::int64_t barsTotal = barsPerMember * static_cast<std::int64_t>(m_members.size());

    QElapsedTimer clock;
    clock.start();
    std::exception_ptr failure;
    std::mutex failureMutex;
    std::atomic<int> running { 0 };
    std::vector<std::thread> workers;
    const int jobs
        = std::max(1, std::min<int>(m_jobs, static_cast<int>(std::max<std::size_t>(1, m_members.size()))));
    for (int j = 0; j < jobs; ++j) {
        ++running;
        workers.emplace_back([&] {
            try {
                work(units, items, results);
            } catch (...) {
                const std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                m_stop = true;
            }
            --running;
        });
    }
    const auto report = [&] {
        if (!m_progress)
            return;
        SweepProgress p;
        p.runsDone = m_runsDone.load();
        p.runsTotal = runsTotal;
        p.fraction = barsTotal > 0 ? std::min(1.0, static_cast<double>(m_barsDone.load()) / barsTotal) : 1.0;
        p.elapsedMs = static_cast<double>(clock.elapsed());
        if (p.fraction > 0.01)
            p.etaMs = p.elapsedMs * (1.0 - p.fraction) / p.fraction;
        m_progress(p);
    };
    // The calling thread watches: cancel requests, progress at ~10 Hz.
    qint64 lastReport = 0;
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            m_stop = true;
        if (clock.elapsed() - lastReport >= 100) {
            lastReport = clock.elapsed();
            report();
        }
    }
    for (std::thread& w : workers)
        w.join();
    if (failure)
        std::rethrow_exception(failure);
    // Cancelled means cut short: a flag that came after the last run finished cancels nothing.
    const bool stopped = m_stop.load() || (m_cancel && m_cancel->load());
    m_cancelled = stopped && m_runsDone.load() < runsTotal;
    report();
    return results;
}

void SweepRunner::work(
    std::vector<Unit>& units, const std::vector<Item>& items, std::vector<RunResult>& results)
{
    // The caller's flag is read here too, not only by the watching thread: a sweep cancelled
    // before or while it starts takes no further batch.
    while (
        !m_stop.load(std::memory_order_relaxed) && !(m_cancel && m_cancel->load(std::memory_order_relaxed))) {
        const std::size_t item = m_nextItem.fetch_add(1);
        if (item >= items.size())
            return;
        runItem(units, items[item], results);
    }
}

void SweepRunner::build(Unit& unit)
{
    std::unique_lock lock(unit.mutex);
    if (unit.stream || unit.building || unit.remaining == 0)
        return;
    unit.building = true;
    lock.unlock();
    auto computed = ScoreStream::compute(*m_markets[unit.market], unit.group->scoring, &m_stop);
    lock.lock();
    unit.stream = std::move(computed);
    unit.building = false;
    unit.built.notify_all();
}

std::shared_ptr<const ScoreStream> SweepRunner::streamOf(std::vector<Unit>& units, std::size_t u)
{
    Unit& unit = units[u];
    build(unit);
    bool othersBuild = false;
    {
        const std::lock_guard lock(unit.mutex);
        othersBuild = unit.building;
    }
    // Another worker is computing this stream: compute the next one meanwhile rather than idle
    // (items come in unit order, so it is the stream needed next).
    if (othersBuild && u + 1 < units.size())
        build(units[u + 1]);
    std::unique_lock lock(unit.mutex);
    unit.built.wait(lock, [&] { return !unit.building; });
    return unit.stream;
}

void SweepRunner::runItem(std::vector<Unit>& units, const Item& item, std::vector<RunResult>& results)
{
    Unit& unit = units[item.unit];
    const std::shared_ptr<const ScoreStream> stream = streamOf(units, item.unit);
    if (stream) {
        const MarketData& market = *m_markets[unit.market];
        for (std::size_t r = 0; r < unit.spans->size() && !m_stop.load(std::memory_order_relaxed); ++r) {
            const Unit::Span& s = (*unit.spans)[r];
            const std::size_t n = s.end - s.begin;
            std::vector<ReturnCollector> returns;
            returns.reserve(item.count); // the processors keep references: no reallocation
            std::vector<std::unique_ptr<BarProcessor>> processors;
            std::vector<BarProcessor*> lockstep;
            for (std::size_t k = 0; k < item.count; ++k) {
                returns.emplace_back(s.returns, m_blocks);
                processors.push_back(std::make_unique<BarProcessor>(
                    m_plan.config(m_members[unit.members[item.first + k]]), returns.back()));
                lockstep.push_back(processors.back().get());
            }
            std::int64_t reported = 0;
            const std::vector<BacktestSummary> summaries = Backtester::runLockstep(lockstep,
                std::span<const Bar>(market.bars).subspan(s.begin, n), stream->scored().subspan(s.begin, n),
                market.symbol, &m_stop, [&](double, std::int64_t work) {
                    m_barsDone.fetch_add(work - reported, std::memory_order_relaxed);
                    reported = work;
                });
            for (std::size_t k = 0; k < item.count; ++k) {
                RunResult& out = results[index(unit.members[item.first + k], unit.market, r)];
                out.summary = summaries[k];
                out.returns = returns[k].summary();
                out.done = !out.summary.cancelled;
                if (out.done)
                    m_runsDone.fetch_add(1, std::memory_order_relaxed);
            }
        }
    }
    const std::lock_guard lock(unit.mutex);
    unit.remaining -= item.count;
    if (unit.remaining == 0)
        unit.stream.reset(); // the group's last run on this market: free the stream
}

} // namespace veloce
