#pragma once

#include "engine/recoveredaccount.h"
#include "engine/sessionevent.h"
#include "engine/sessionsnapshot.h"
#include "safety/alert.h"
#include "safety/journal.h"
#include "safety/killreport.h"
#include "sessionsetup.h"

#include <QObject>
#include <exception>
#include <functional>
#include <memory>

namespace veloce {

class AlertLog;
class KillSwitch;
class Session;
struct SessionRuntime;

// The composition root of a live session (docs/architecture.md threads, docs/safety.md): builds
// the feed, the broker and the Session on an engine thread, the KillSwitch (safety thread) with
// its Watchdog and kill socket, the Journal (writer thread) and the AlertLog, and wires them.
// The CLI's `paper` command and the GUI both drive sessions through this class; everything they
// show arrives as queued signals on the host's thread.
//
// Lifecycle: open() or openAsync() (kill socket, journal validation and recovery on the journal's
// thread, then the session), start(), then stop() or the feed's end; finished() comes once the
// journal has the session's end row and every committed event was delivered. The window uses
// openAsync(): it never waits for the disk, the engine or the safety thread; destroying a host
// hands its threads to the ThreadReaper and returns.
class SessionHost : public QObject
{
    Q_OBJECT
public:
    explicit SessionHost(SessionSetup setup, QObject* parent = nullptr);
    ~SessionHost() override;

    // Throws JournalError (refused: exit code 2), DataError, UsageError or std::runtime_error.
    void open();
    // Returns at once; `done` runs on the host's thread with nullptr, or the error open() would
    // have thrown. Errors found before the journal is read (the kill socket) are thrown here.
    using Opened = std::function<void(std::exception_ptr error)>;
    void openAsync(Opened done);
    bool isOpen() const { return m_open; }
    void start();
    // Asynchronous: finished() follows. Open positions stay open (and journaled).
    void stop(const QString& reason);
    // Emergency stop (thread-safe): halt + flatten; the report comes through killReport().
    std::uint64_t kill(const QString& reason, const QString& origin = QStringLiteral("gui"));
    // Empty when re-armed, else why it was refused (a flatten running, the journal failed).
    QString rearm(const QString& origin = QStringLiteral("gui"));

    Session* session() const;
    KillSwitch* killSwitch() const;
    Journal* journal() const;
    AlertLog* alerts() const;
    const RecoveredAccount& recovered() const;
    std::int64_t sessionId() const { return m_sessionId; }
    QString socketName() const { return m_socketName; }
    const SessionSetup& setup() const { return m_setup; }
    bool isRunning() const { return m_running && !m_finished; }

    // The journal used when none is given: one per user, shared by the CLI and the GUI (so
    // `veloce-cli kill` finds a GUI session too).
    static QString defaultJournalPath();

Q_SIGNALS:
    // The newest snapshot (older ones that were not delivered yet are dropped).
    void snapshotReady(const veloce::SessionSnapshotPtr& snapshot);
    // Every session event once it is durable in the journal (the acknowledgement).
    void eventCommitted(const veloce::SessionEvent& event);
    void killReport(const veloce::KillReport& report);
    void tradingStateChanged(veloce::TradingState state, const QString& reason, const QString& origin);
    // Every entry of the alert log as it is raised (alarms also through alerts()->openAlarms()).
    void alertRaised(const veloce::Alert& alert);
    void alarmsChanged(int openAlarms);
    // The alert log changed (a raise or an acknowledgement, of any severity): read alerts() again.
    void alertsChanged();
    void finished(veloce::SessionState state, const QString& reason);
    // Live exchange feeds: the connection's health (state, lag, reconnects, repairs).
    void feedHealthChanged(const veloce::FeedHealth& health);
    // Recording the feed's market data started or ended (Session::recordingChanged).
    void recordingChanged(bool recording, const QString& message);

private:
    struct Link;
    void createRuntime();
    void listenKillSocket();
    JournalRecovery::Rules recoveryRules() const;
    void build(const JournalState& state); // the session and its wiring, from the recovered state
    void takeOverJournal(const JournalState& state);
    void createSession();
    void createFlattener();
    void wireJournal();
    void wireKillSwitch();
    void wireWatchdog();
    void wireDelivery();
    Journal::SessionInfo sessionInfo() const;
    void onSessionBegun(std::int64_t id);
    void finishOpen(std::exception_ptr error); // calls the open callback once; nullptr: opened
    void onSessionFinished();
    void deliverEvents();
    void deliverSnapshot();

    SessionSetup m_setup;
    std::shared_ptr<SessionRuntime> m_rt;
    std::shared_ptr<Link> m_link; // lets other threads post to this host while it exists
    Opened m_opened;
    std::int64_t m_sessionId = 0;
    std::int64_t m_feedStartMs = 0; // the simulator's start, journaled (its bars can be made again)
    double m_feedStartPrice = 0;
    QString m_socketName;
    bool m_open = false;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace veloce
