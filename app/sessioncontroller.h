#pragma once

#include "engine/sessionsnapshot.h"
#include "safety/killreport.h"
#include "sessionhost.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace veloce {

class MainWindow;
class SessionPanel;

// Drives paper sessions for the window: builds a SessionHost from the session panel and the
// config, feeds its snapshots to the views (coalesced: at most one redraw per snapshot_interval_ms
// however fast snapshots arrive; a snapshot that changes what the kill switch did is drawn at
// once), routes the kill switch control to the host's KillSwitch and shows the outcome, and
// keeps the alarm banner in step with the session's AlertLog. Pressing the kill switch with no
// session running still latches HALTED, and a session started while halted starts halted: only
// an explicit re-arm allows entries again. It never waits for the engine or the safety thread:
// stopping or replacing a session returns at once (SessionHost hands the threads to a reaper).
class SessionController : public QObject
{
    Q_OBJECT
public:
    SessionController(MainWindow* window, SessionPanel* panel, QObject* parent = nullptr);
    ~SessionController() override;

    // Throws nothing and returns at once: the journal is opened on its own thread, then the
    // session starts (sessionStarted()) or the problem is shown in the panel (and a refused
    // journal reported through journalRefused()). false: it could not even begin.
    bool start(const SessionSetup& setup);
    // The panel's choices; a FreqTrade LIVE session starts only after the typed confirmation.
    bool startFromPanel(const Config& config, const QString& journalPath);
    // Asks the user to confirm live trading through FreqTrade at `endpoint` for `pair`; the
    // default shows LiveConfirmDialog. Tests replace it (they cannot type into a modal dialog).
    using LiveConfirmation = std::function<bool(const QString& endpoint, const QString& pair)>;
    void setLiveConfirmation(LiveConfirmation ask) { m_confirmLive = std::move(ask); }
    void stop();
    // Records the running session's market (Binance feeds) into `path`; the outcome comes
    // through recordingChanged().
    void startRecording(const QString& path);
    void stopRecording();
    bool isRunning() const { return m_host && m_host->isRunning(); }
    bool isOpening() const { return m_host && !m_host->isOpen(); }
    bool halted() const { return m_halted; }
    SessionHost* host() const { return m_host.get(); }
    SessionSnapshotPtr lastSnapshot() const { return m_last; }
    // Bars the views have received (for the benchmark: compared with the engine's count), and
    // bars they never received (a gap in SessionSnapshot::firstBarSeq: the view fell more than
    // kBarHistory bars behind).
    std::int64_t barsShown() const { return m_barsShown; }
    std::int64_t barsLost() const { return m_barsLost; }
    // Sequence number of the newest bar drawn (the acknowledgement sent to the session).
    std::int64_t lastBarSeq() const { return m_lastBarSeq; }
    int redraws() const { return m_redraws; }

public Q_SLOTS:
    void kill();
    void rearm();
    void acknowledgeAlarms();

Q_SIGNALS:
    void snapshotShown(const veloce::SessionSnapshotPtr& snapshot);
    // A session is running (host() is set and stays until the next start() or destruction).
    void sessionStarted();
    void killed(const veloce::KillReport& report);
    void tradingStateChanged(bool halted);
    void sessionFinished(const QString& reason);
    void message(const QString& text);
    void recordingChanged(bool recording, const QString& text);
    // The journal cannot be used (not a journal, damaged, inconsistent): it was not changed.
    void journalRefused(const QString& path, const QString& message);
    void alarmsChanged(int openAlarms);

private:
    void onOpened(SessionHost* host, std::exception_ptr error);
    void onSnapshot(const SessionSnapshotPtr& snapshot);
    void render();
    void onKillReport(const KillReport& report);
    void onTradingState(TradingState state, const QString& reason);
    void onFinished(SessionState state, const QString& reason);
    void showAlarms();

    MainWindow* m_window;
    SessionPanel* m_panel;
    std::unique_ptr<SessionHost> m_host;
    SessionSnapshotPtr m_pending;
    SessionSnapshotPtr m_last;
    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;
    std::int64_t m_barsShown = 0;
    std::int64_t m_barsLost = 0;
    std::int64_t m_lastBarSeq = 0;
    std::shared_ptr<std::atomic<std::int64_t>> m_barsAcked;
    int m_redraws = 0;
    int m_redrawMs = Config().snapshotIntervalMs;
    bool m_halted = false;
    LiveConfirmation m_confirmLive;
};

} // namespace veloce
