#include "engine/session.h"

#include "broker/broker.h"
#include "engine/barprocessor.h"
#include "engine/latencyprobe.h"
#include "engine/livefeed.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <chrono>

namespace veloce {

namespace {
std::int64_t wallNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

template<typename T> std::vector<T> lastOf(const RingBuffer<T>& ring, std::int64_t n)
{
    const std::int64_t k
        = std::min<std::int64_t>({ n, ring.size(), static_cast<std::int64_t>(ring.capacity()) });
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(k));
    for (std::int64_t i = k - 1; i >= 0; --i)
        out.push_back(ring.ago(i));
    return out;
}
} // namespace

const char* sessionStateName(SessionState s)
{
    switch (s) {
    case SessionState::Idle:
        return "idle";
    case SessionState::Running:
        return "running";
    case SessionState::Finished:
        return "finished";
    case SessionState::Stopped:
        return "stopped";
    case SessionState::Failed:
        return "failed";
    }
    return "";
}

const char* sessionEventKindName(SessionEvent::Kind k)
{
    switch (k) {
    case SessionEvent::Kind::Signal:
        return "signal";
    case SessionEvent::Kind::Order:
        return "order";
    case SessionEvent::Kind::Fill:
        return "fill";
    case SessionEvent::Kind::Trade:
        return "trade";
    case SessionEvent::Kind::Equity:
        return "equity";
    case SessionEvent::Kind::State:
        return "state";
    case SessionEvent::Kind::Venue:
        return "venue";
    }
    return "";
}

// Collects what the BarProcessor produces. Always called with Session::m_mutex held.
class Session::Sink : public BacktestSink
{
public:
    explicit Sink(Session& s)
        : m_s(s)
    {
    }
    void onSignal(const SignalRecord& rec) override
    {
        ++m_s.m_signalCount;
        if (!rec.accepted)
            ++m_s.m_rejectedCount;
        SessionEvent e;
        e.kind = SessionEvent::Kind::Signal;
        e.signal = rec;
        m_s.push(std::move(e));
    }
    void onFill(const Fill& fill) override
    {
        SessionEvent e;
        e.kind = SessionEvent::Kind::Fill;
        e.fill = fill;
        if (fill.entry) {
            for (const Position& p : m_s.m_processor->portfolio().positions())
                if (p.id == fill.positionId)
                    e.position = p;
        }
        m_s.push(std::move(e));
    }
    void onTrade(const Trade& trade) override
    {
        ++m_s.m_tradeCount;
        m_s.m_trades.push(trade);
        SessionEvent e;
        e.kind = SessionEvent::Kind::Trade;
        e.trade = trade;
        m_s.push(std::move(e));
    }
    void onEquity(const EquityPoint& point) override
    {
        m_s.m_equity.push(point);
        SessionEvent e;
        e.kind = SessionEvent::Kind::Equity;
        e.equity = point;
        m_s.push(std::move(e));
    }
    bool wantsBars() const override { return true; }
    void onBar(const Bar& bar, const PhaseScores& scores) override
    {
        m_s.m_bars.push(bar);
        m_s.m_scores.push(scores);
    }

private:
    Session& m_s;
};

Session::Session(
    const Config& config, std::unique_ptr<Broker> broker, LiveFeed* feed, Options options, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_options(std::move(options))
    , m_broker(std::move(broker))
    , m_feed(feed)
    , m_sink(std::make_unique<Sink>(*this))
    , m_processor(std::make_unique<BarProcessor>(m_config, *m_sink, m_broker.get()))
    , m_bars(SessionSnapshot::kBarHistory)
    , m_scores(SessionSnapshot::kBars)
    , m_barsAcked(std::make_shared<std::atomic<std::int64_t>>(-1))
    , m_trades(SessionSnapshot::kTrades)
    , m_equity(SessionSnapshot::kEquityPoints)
{
    qRegisterMetaType<SessionSnapshotPtr>();
    qRegisterMetaType<SessionEvent>();
    qRegisterMetaType<SessionState>();
    qRegisterMetaType<FeedHealth>();
    m_pending.reserve(64);
    m_feed->setParent(this);
    connect(m_feed, &LiveFeed::barReady, this, &Session::onBar, Qt::DirectConnection);
    connect(m_feed, &LiveFeed::finished, this, &Session::onFeedFinished);
    connect(m_feed, &LiveFeed::failed, this, &Session::onFeedFailed);
    connect(m_feed, &LiveFeed::trouble, this, [this](const QString& message) { alert(message); });
    connect(m_feed, &LiveFeed::healthChanged, this, &Session::onFeedHealth);
    connect(m_feed, &LiveFeed::recordingChanged, this, &Session::recordingChanged);
    connect(
        m_feed, &LiveFeed::holdingChanged, this,
        [this](bool holding) {
            if (state() != SessionState::Running)
                return;
            // A paused replay is silent on purpose; after it resumes the heartbeat counts anew.
            if (!holding)
                m_feedBeatNs.store(nowNs(), std::memory_order_release);
            m_dataExpected.store(!holding, std::memory_order_release);
        },
        Qt::DirectConnection);
    connect(
        m_feed, &LiveFeed::alive, this, [this] { m_feedBeatNs.store(nowNs(), std::memory_order_release); },
        Qt::DirectConnection);
}

Session::~Session() = default;

std::int64_t Session::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void Session::setHaltFlag(const std::atomic<bool>* halted)
{
    m_halted = halted;
    m_processor->setHaltFlag(halted);
}

bool Session::wallClockFeed() const
{
    return m_feed->wallClockTimes();
}

bool Session::venueBroker() const
{
    return !m_broker->fillsImmediately();
}

QString Session::description() const
{
    return m_feed->description();
}

QString Session::brokerName() const
{
    return m_broker->name();
}

void Session::restore(const RecoveredAccount& account)
{
    if (!account.any)
        return;
    // Metrics start their peak at initial_capital; a restored account continues from its own
    // peak, so that the drawdown checks (docs/strategy.md §5) see the same peak as before the stop.
    Config c = m_config;
    c.initialCapital = std::max(account.peakEquity, account.cash);
    std::lock_guard lock(m_mutex);
    m_processor = std::make_unique<BarProcessor>(c, *m_sink, m_broker.get());
    m_processor->setHaltFlag(m_halted);
    std::vector<Position> positions = account.positions;
    for (Position& p : positions)
        p.last = account.lastClose > 0 ? account.lastClose : p.entry;
    m_processor->portfolio().restore(account.cash, positions, account.nextPositionId, account.lastEntryMs);
    Bar last;
    last.t = account.lastBarMs;
    last.open = last.high = last.low = last.close = account.lastClose;
    m_processor->primeLastBar(last);
    m_lastT = account.lastBarMs;
    m_open.store(static_cast<int>(positions.size()));
    m_dirty = true;
}

void Session::start()
{
    if (!m_snapshotTimer) {
        m_snapshotTimer = new QTimer(this); // on the engine thread
        connect(m_snapshotTimer, &QTimer::timeout, this, [this] {
            bool dirty;
            {
                std::lock_guard lock(m_mutex);
                // Also while a view is behind (bars it has not acknowledged): it catches up at
                // kMaxBars per snapshot even when no new bar arrives (a paused replay).
                const std::int64_t acked = m_barsAcked->load(std::memory_order_acquire);
                dirty = m_dirty || (acked >= 0 && acked < m_bars.size());
            }
            if (dirty)
                publishNow();
        });
    }
    m_snapshotTimer->start(m_config.snapshotIntervalMs);
    {
        std::lock_guard lock(m_mutex);
        m_rateNs = nowNs();
    }
    m_feed->setGate([this] { return consumersHaveRoom(); });
    m_broker->start([this] { onVenueChange(); },
        [this](const QString& message) { alert(message, AlertOrigin::Venue); },
        [this](const QString& message) {
            m_feed->stop(); // the venue must not be used: end the session, as a failed feed does
            alert(message, AlertOrigin::Venue);
            endFailed(message);
        });
    m_dataExpected.store(true, std::memory_order_release);
    setState(SessionState::Running, QStringLiteral("started"));
    m_feed->start();
}

bool Session::consumersHaveRoom() const
{
    // The journal: its bounded queue has room for the next bar's events.
    if (m_recorder && !m_recorder->hasRoom())
        return false;
    // A view that acknowledges bars (Session::barAcknowledgement) is at most half the bar
    // history behind, so the ring still holds every bar it has not drawn. m_bars is read without
    // the lock: this runs on the engine thread, the only one that adds bars.
    const std::int64_t acked = m_barsAcked->load(std::memory_order_acquire);
    return acked < 0 || m_bars.size() - acked <= SessionSnapshot::kBarHistory / 2;
}

void Session::stop(const QString& reason)
{
    if (state() != SessionState::Running)
        return;
    m_dataExpected.store(false, std::memory_order_release);
    m_feed->stop();
    m_broker->stop();
    setState(SessionState::Stopped, reason);
    publishNow();
    Q_EMIT finished();
}

void Session::stall(int ms)
{
    m_stalled.store(true, std::memory_order_release);
    QThread::msleep(static_cast<unsigned long>(ms));
    m_stalled.store(false, std::memory_order_release);
}

void Session::onBar(const Bar& bar)
{
    const std::int64_t arrival = nowNs();
    // Live exchange feeds know when the message that made this bar final came in: latencies
    // are then measured from there (message -> bar final -> signal -> fill).
    const std::int64_t origin = m_feed->barOriginNs();
    if (bar.t <= m_lastT) {
        // Strictly increasing bar times (docs/strategy.md §1): e.g. a replay restarted on a journal
        // that already saw these bars. Counted and reported once, never silently.
        if (m_dropped++ == 0)
            alert(QStringLiteral("dropping bars not newer than %1 (already processed)").arg(m_lastT));
        return;
    }
    m_lastT = bar.t;
    bool filled = false;
    {
        std::lock_guard lock(m_mutex);
        m_processor->process(bar);
        ++m_barCount;
        m_dirty = true;
        for (const auto& e : m_pending)
            filled = filled || e.kind == SessionEvent::Kind::Fill;
        recordPending();
        m_drawdown.store(m_processor->metrics().drawdown(), std::memory_order_release);
        m_open.store(
            static_cast<int>(m_processor->portfolio().positions().size()), std::memory_order_release);
    }
    m_lastBeatNs.store(nowNs(), std::memory_order_release);
    m_lastBarMs.store(bar.t, std::memory_order_release);
    if (m_probe) {
        if (origin > 0)
            m_probe->addFinality(arrival - origin);
        m_probe->add(nowNs() - (origin > 0 ? origin : arrival), filled);
    }
}

void Session::onFeedHealth(const FeedHealth& health)
{
    {
        std::lock_guard lock(m_mutex);
        m_feedHealth = health;
        m_dirty = true;
    }
    Q_EMIT feedHealthChanged(health);
}

void Session::onFeedFinished()
{
    m_dataExpected.store(false, std::memory_order_release);
    if (m_options.closeAtEnd && !venueBroker()) {
        std::lock_guard lock(m_mutex);
        m_processor->closeAll(ExitReason::End);
        recordPending();
        m_open.store(0);
    }
    m_broker->stop();
    setState(SessionState::Finished, QStringLiteral("end of data"));
    publishNow();
    Q_EMIT finished();
}

void Session::onFeedFailed(const QString& message)
{
    alert(message);
    endFailed(message);
}

void Session::endFailed(const QString& message)
{
    m_dataExpected.store(false, std::memory_order_release);
    m_broker->stop();
    setState(SessionState::Failed, message);
    publishNow();
    Q_EMIT finished();
}

void Session::onVenueChange()
{
    std::lock_guard lock(m_mutex);
    VenueUpdate update;
    m_broker->reconcile(m_processor->portfolio(), update);
    if (!update.venueMode.isEmpty()) {
        SessionEvent e;
        e.kind = SessionEvent::Kind::Venue;
        e.text = update.venueMode;
        e.detail = update.venueDetail;
        push(std::move(e));
    }
    for (const OrderEvent& o : update.orders) {
        SessionEvent e;
        e.kind = SessionEvent::Kind::Order;
        e.order = o;
        push(std::move(e));
    }
    m_processor->applyVenueUpdate(update);
    m_dirty = true;
    recordPending();
    m_open.store(static_cast<int>(m_processor->portfolio().positions().size()));
}

std::optional<FlattenResult> Session::tryFlatten(ExitReason reason)
{
    FlattenResult out;
    if (venueBroker()) {
        out.message = QStringLiteral("orders go to %1: flatten through the venue").arg(m_broker->name());
        return out;
    }
    // Never wait for the engine here: the kill switch's thread must stay free. The engine holds
    // the account for microseconds per bar; the caller retries on a timer.
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (!lock.owns_lock())
        return std::nullopt;
    const std::int64_t tradesBefore = m_tradeCount;
    m_processor->closeAll(reason);
    out.closed = static_cast<int>(m_tradeCount - tradesBefore);
    out.flat = m_processor->portfolio().flat();
    for (std::int64_t i = out.closed - 1; i >= 0; --i)
        out.trades.push_back(m_trades.ago(i));
    out.cash = m_processor->portfolio().cash();
    out.equity = m_processor->portfolio().equity();
    m_open.store(static_cast<int>(m_processor->portfolio().positions().size()));
    m_dirty = true;
    recordPending();
    return out;
}

SessionSnapshotPtr Session::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return buildSnapshot(m_snapshotSeq);
}

SessionSnapshotPtr Session::buildSnapshot(std::int64_t seq) const
{
    auto s = std::make_shared<SessionSnapshot>();
    s->seq = seq;
    s->wallMs = wallNow();
    s->state = state();
    s->halted = m_halted && m_halted->load(std::memory_order_acquire);
    s->mode = m_options.mode;
    s->broker = m_broker->name();
    s->source = m_feed->description();
    fillBars(*s);
    s->scores = lastOf(m_scores, SessionSnapshot::kBars);
    if (!s->scores.empty())
        s->current = s->scores.back();
    const Portfolio& pf = m_processor->portfolio();
    s->positions = pf.positions();
    s->recentTrades = lastOf(m_trades, SessionSnapshot::kTrades);
    s->equityCurve = lastOf(m_equity, SessionSnapshot::kEquityPoints - 1);
    s->equity = pf.equity();
    s->cash = pf.cash();
    const double peak = std::max(m_processor->metrics().peak(), s->equity);
    s->drawdown = peak > 0 ? (peak - s->equity) / peak : 0;
    s->maxDrawdown = m_processor->metrics().maxDrawdown();
    if (m_processor->hasBars())
        s->equityCurve.push_back({ m_processor->lastBarMs(), s->equity, s->cash, s->drawdown });
    s->barCount = m_barCount;
    s->signalCount = m_signalCount;
    s->rejectedCount = m_rejectedCount;
    s->tradeCount = m_tradeCount;
    s->barsPerSecond = m_barsPerSecond;
    s->lastBarMs = m_barCount > 0 ? m_processor->lastBarMs() : 0;
    const std::int64_t beat = m_lastBeatNs.load(std::memory_order_acquire);
    s->lastBarAgeMs = beat > 0 ? static_cast<double>(nowNs() - beat) / 1e6 : -1;
    s->lastAlert = m_lastAlert;
    s->feed = m_feedHealth;
    return s;
}

void Session::fillBars(SessionSnapshot& s) const
{
    const std::int64_t newest = m_bars.size();
    const std::int64_t held = std::min<std::int64_t>(newest, static_cast<std::int64_t>(m_bars.capacity()));
    const std::int64_t acked = m_barsAcked->load(std::memory_order_acquire);
    // Bars after the acknowledged one that the ring still holds, oldest first, at most kMaxBars.
    const std::int64_t pending = acked < 0 ? std::min<std::int64_t>(held, SessionSnapshot::kBars)
                                           : std::min(held, std::max<std::int64_t>(newest - acked, 0));
    const std::int64_t n = acked < 0 ? pending : std::min<std::int64_t>(pending, SessionSnapshot::kMaxBars);
    s.firstBarSeq = newest - pending + 1;
    s.bars.reserve(static_cast<std::size_t>(n));
    for (std::int64_t k = pending - 1; k > pending - 1 - n; --k)
        s.bars.push_back(m_bars.ago(k));
}

void Session::publishNow()
{
    SessionSnapshotPtr snap;
    {
        std::lock_guard lock(m_mutex);
        // Over at least a second: snapshots also follow feed-health changes between bars, and a
        // rate over those short spans would flicker between 0 and bursts.
        const std::int64_t now = nowNs();
        if (now - m_rateNs >= 1'000'000'000) {
            m_barsPerSecond
                = static_cast<double>(m_barCount - m_rateBars) * 1e9 / static_cast<double>(now - m_rateNs);
            m_rateBars = m_barCount;
            m_rateNs = now;
        }
        m_dirty = false;
        // Numbered under the account lock: whichever thread publishes, a higher seq is a later
        // state of the account, and a view that keeps the highest never goes back in time.
        snap = buildSnapshot(++m_snapshotSeq);
    }
    Q_EMIT snapshotReady(snap);
}

void Session::push(SessionEvent&& event)
{
    event.seq = ++m_seq;
    event.wallMs = wallNow();
    event.barMs = m_processor->lastBarMs();
    event.close = m_processor->lastClose();
    m_pending.push_back(std::move(event));
}

void Session::recordPending()
{
    if (m_pending.empty())
        return;
    if (m_recorder)
        m_recorder->record(m_pending.data(), m_pending.size());
    m_pending.clear();
}

void Session::alert(const QString& text, AlertOrigin origin)
{
    {
        std::lock_guard lock(m_mutex);
        m_lastAlert = text;
        m_dirty = true;
    }
    Q_EMIT alertRaised(origin, text);
}

void Session::setState(SessionState state, const QString& reason)
{
    m_state.store(static_cast<int>(state), std::memory_order_release);
    {
        std::lock_guard lock(m_mutex);
        SessionEvent e;
        e.kind = SessionEvent::Kind::State;
        e.text = QString::fromUtf8(sessionStateName(state));
        e.detail = reason;
        push(std::move(e));
        recordPending();
        m_dirty = true;
    }
    Q_EMIT stateChanged(state, reason);
}

} // namespace veloce
