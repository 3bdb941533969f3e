#pragma once

#include "broker/broker.h"
#include "engine/backtestsink.h"
#include "engine/recoveredaccount.h"
#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"
#include "strategy/ringbuffer.h"
#include "types/config.h"

#include <QObject>
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

class QTimer;

namespace veloce {

class BarProcessor;
class Broker;
class LiveFeed;
struct LatencyProbe;

// A live (paper or FreqTrade) trading session: the backtester's per-bar engine (BarProcessor,
// docs/strategy.md §4) driven by a LiveFeed. A QObject meant to live on its own QThread together
// with its feed and broker; every bar is processed in the call that delivers it.
//
// Threads: start/stop/stall are slots for the engine thread (queue them). snapshot(), flatten()
// and the beat accessors are thread-safe: the account is guarded by one mutex that the engine
// takes per bar and the kill switch takes from its own thread, so a flatten works while the
// engine's event loop is blocked. Views get immutable snapshots through snapshotReady
// (coalesced to at most 1000/snapshotIntervalMs per second); nothing here ever waits for a view.
class Session : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString mode = QStringLiteral("paper");
        // When a finite feed (a replayed file) ends, close open positions at the last close with
        // reason "end", exactly as a backtest does.
        bool closeAtEnd = true;
        int snapshotIntervalMs = 33;
    };

    // Takes ownership of `broker` and `feed` (the feed becomes a child and moves with us).
    Session(const Config& config, std::unique_ptr<Broker> broker, LiveFeed* feed, Options options,
        QObject* parent = nullptr);
    ~Session() override;

    // The feed (it lives on the engine thread: queue calls to its slots, e.g. startRecording).
    LiveFeed* feed() const { return m_feed; }

    // Before start(), from the creating thread.
    void setRecorder(SessionRecorder* recorder) { m_recorder = recorder; }
    void setHaltFlag(const std::atomic<bool>* halted);
    void restore(const RecoveredAccount& account);
    void setLatencyProbe(LatencyProbe* probe) { m_probe = probe; }

    // Thread-safe.
    SessionSnapshotPtr snapshot() const;
    // Paper: closes every position at the last price, from any thread. Gives up (not flat,
    // with a message) if the engine holds the account longer than `lockTimeoutMs`.
    FlattenResult flatten(ExitReason reason, int lockTimeoutMs);
    // The newest sign of life: a processed bar, or the feed's connection hearing from the
    // exchange (a quiet market sends no bars but its stream still talks).
    std::int64_t lastBeatNs() const
    {
        return std::max(
            m_lastBeatNs.load(std::memory_order_acquire), m_feedBeatNs.load(std::memory_order_acquire));
    }
    std::int64_t lastBarMs() const { return m_lastBarMs.load(std::memory_order_acquire); }
    bool dataExpected() const { return m_dataExpected.load(std::memory_order_acquire); }
    double drawdown() const { return m_drawdown.load(std::memory_order_acquire); }
    int openPositions() const { return m_open.load(std::memory_order_acquire); }
    SessionState state() const { return static_cast<SessionState>(m_state.load(std::memory_order_acquire)); }
    bool wallClockFeed() const;
    bool venueBroker() const; // orders go to a venue (flatten through it, not flatten())
    QString description() const;
    QString brokerName() const;
    const Config& config() const { return m_config; }
    // steady-clock nanoseconds, the time base of lastBeatNs()
    static std::int64_t nowNs();

public Q_SLOTS:
    void start();
    // Stops the feed; open positions stay open (journaled, restored by the next session).
    void stop(const QString& reason);
    // Blocks the engine thread for `ms` (tests and benchmarks of the kill switch).
    void stall(int ms);

public:
    bool stalled() const { return m_stalled.load(std::memory_order_acquire); }

Q_SIGNALS:
    void snapshotReady(const veloce::SessionSnapshotPtr& snapshot);
    void eventOccurred(const veloce::SessionEvent& event);
    void stateChanged(veloce::SessionState state, const QString& reason);
    // The feed's connection health changed (live exchange feeds only): for status displays.
    void feedHealthChanged(const veloce::FeedHealth& health);
    // Recording the feed's market data started or ended (LiveFeed::recordingChanged).
    void recordingChanged(bool recording, const QString& message);
    // Stopped, finished or failed: the engine thread may quit.
    void finished();

private:
    class Sink;
    void onBar(const Bar& bar);
    void onFeedFinished();
    void onFeedFailed(const QString& message);
    void onFeedHealth(const FeedHealth& health);
    void onVenueChange();
    void setState(SessionState state, const QString& reason);
    void publish();
    SessionSnapshotPtr buildSnapshot() const; // m_mutex held
    void push(SessionEvent&& event); // m_mutex held
    void dispatch(std::vector<SessionEvent>& events);
    void alert(const QString& text);

    Config m_config;
    Options m_options;
    std::unique_ptr<Broker> m_broker;
    LiveFeed* m_feed;
    std::unique_ptr<Sink> m_sink;
    std::unique_ptr<BarProcessor> m_processor;
    SessionRecorder* m_recorder = nullptr;
    const std::atomic<bool>* m_halted = nullptr;
    LatencyProbe* m_probe = nullptr;
    QTimer* m_snapshotTimer = nullptr;

    // Guarded by m_mutex: the account and everything a snapshot shows.
    mutable std::timed_mutex m_mutex;
    RingBuffer<Bar> m_bars;
    RingBuffer<PhaseScores> m_scores;
    RingBuffer<Trade> m_trades;
    RingBuffer<EquityPoint> m_equity;
    std::vector<SessionEvent> m_pending;
    std::int64_t m_seq = 0;
    std::int64_t m_barCount = 0;
    std::int64_t m_signalCount = 0;
    std::int64_t m_rejectedCount = 0;
    std::int64_t m_tradeCount = 0;
    std::int64_t m_snapshotSeq = 0;
    double m_barsPerSecond = 0;
    QString m_lastAlert;
    FeedHealth m_feedHealth;
    bool m_dirty = false;

    // Engine thread only.
    std::vector<SessionEvent> m_dispatch;
    std::int64_t m_lastT = INT64_MIN;
    std::int64_t m_dropped = 0;
    std::int64_t m_rateBars = 0;
    std::int64_t m_rateNs = 0;

    std::atomic<std::int64_t> m_lastBeatNs { 0 };
    std::atomic<std::int64_t> m_feedBeatNs { 0 };
    std::atomic<std::int64_t> m_lastBarMs { 0 };
    std::atomic<bool> m_dataExpected { false };
    std::atomic<double> m_drawdown { 0 };
    std::atomic<int> m_open { 0 };
    std::atomic<bool> m_stalled { false };
    std::atomic<int> m_state { static_cast<int>(SessionState::Idle) };
};

} // namespace veloce
