#pragma once

#include "engine/recoveredaccount.h"
#include "engine/session.h"
#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"
#include "safety/killreport.h"
#include "safety/killserver.h"
#include "safety/watchdog.h"
#include "sourcespec.h"
#include "types/config.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>

namespace veloce {

class Journal;
class KillSwitch;

// What a live session is made of, as chosen on the command line or in the GUI.
struct SessionSetup
{
    Config config;
    SourceSpec source; // Simulator (endless), File (replay), Influx (live polling) or Binance (live)
    double speed = 1.0; // × real time for the simulator and replays; 0 = as fast as possible
    QString broker = QStringLiteral("paper"); // "paper" | "freqtrade"
    // FreqTrade with config.mode Live: the user confirmed real orders (--confirm-live, or typed
    // in the window). The broker still refuses a bot whose mode is not config.mode.
    bool confirmLive = false;
    QString journalPath; // SQLite journal; also names the kill socket
    bool killSocket = true; // listen for `veloce-cli kill`
};

// The composition root of a live session (docs/architecture.md threads): builds the feed, the broker and
// the Session on an engine QThread, the KillSwitch (safety thread) with its Watchdog and kill
// socket, and the Journal (writer thread), and wires them. The CLI's `paper` command and the
// GUI both drive sessions through this class; everything they show arrives as signals.
//
// Lifecycle: open() (journal, recovery, sockets; throws with a message for the user), start(),
// then stop() or the feed's end; finished() says when the session is over and the journal has
// its end row. Destroying a host stops it first.
class SessionHost : public QObject
{
    Q_OBJECT
public:
    explicit SessionHost(SessionSetup setup, QObject* parent = nullptr);
    ~SessionHost() override;

    // Throws JournalError, DataError, UsageError or std::runtime_error.
    void open();
    void start();
    // Asynchronous: finished() follows. Open positions stay open (and journaled).
    void stop(const QString& reason);
    // Emergency stop (thread-safe): halt + flatten; the report comes through killReport().
    void kill(const QString& reason, const QString& origin = QStringLiteral("gui"));
    void rearm(const QString& origin = QStringLiteral("gui"));

    Session* session() const { return m_session; }
    KillSwitch* killSwitch() const { return m_kill.get(); }
    Journal* journal() const { return m_journal.get(); }
    const RecoveredAccount& recovered() const { return m_recovered; }
    std::int64_t sessionId() const { return m_sessionId; }
    QString socketName() const { return m_socketName; }
    const SessionSetup& setup() const { return m_setup; }
    bool isRunning() const { return m_running; }

    // The journal used when none is given: one per user, shared by the CLI and the GUI (so
    // `veloce-cli kill` finds a GUI session too).
    static QString defaultJournalPath();

Q_SIGNALS:
    void snapshotReady(const veloce::SessionSnapshotPtr& snapshot);
    // Every session event once it is durable in the journal (the acknowledgement).
    void eventCommitted(const veloce::SessionEvent& event);
    void killReport(const veloce::KillReport& report);
    void tradingStateChanged(veloce::TradingState state, const QString& reason, const QString& origin);
    // kind: "heartbeat", "stale", "drawdown", "heartbeat_ok", "journal"
    void alert(const QString& kind, const QString& message);
    void finished(veloce::SessionState state, const QString& reason);
    // Live exchange feeds: the connection's health (state, lag, reconnects, repairs).
    void feedHealthChanged(const veloce::FeedHealth& health);
    // Recording the feed's market data started or ended (Session::recordingChanged).
    void recordingChanged(bool recording, const QString& message);

private:
    void buildSession();
    void onSessionFinished();

    SessionSetup m_setup;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<KillSwitch> m_kill;
    QThread m_engineThread;
    QPointer<Session> m_session;
    QPointer<Watchdog> m_watchdog;
    QPointer<KillServer> m_killServer;
    RecoveredAccount m_recovered;
    std::int64_t m_sessionId = 0;
    QString m_socketName;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace veloce
