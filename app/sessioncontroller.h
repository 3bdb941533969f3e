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
// config, feeds its snapshots to the views (coalesced: at most one redraw per kRedrawMs however
// fast snapshots arrive), routes the kill switch control to the host's KillSwitch and shows the
// outcome. Pressing the kill switch with no session running still latches HALTED, and a session
// started while halted starts halted: only an explicit re-arm allows entries again.
class SessionController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRedrawMs = 33;

    SessionController(MainWindow* window, SessionPanel* panel, QObject* parent = nullptr);
    ~SessionController() override;

    // Throws nothing: problems are shown in the panel and returned as false.
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
    bool halted() const { return m_halted; }
    SessionHost* host() const { return m_host.get(); }
    SessionSnapshotPtr lastSnapshot() const { return m_last; }
    // Bars the views have received (for the benchmark: compared with the engine's count).
    std::int64_t barsShown() const { return m_barsShown; }
    int redraws() const { return m_redraws; }

public Q_SLOTS:
    void kill();
    void rearm();

Q_SIGNALS:
    void snapshotShown(const veloce::SessionSnapshotPtr& snapshot);
    void killed(const veloce::KillReport& report);
    void tradingStateChanged(bool halted);
    void sessionFinished(const QString& reason);
    void message(const QString& text);
    void recordingChanged(bool recording, const QString& text);

private:
    void onSnapshot(const SessionSnapshotPtr& snapshot);
    void render();
    void onKillReport(const KillReport& report);
    void onTradingState(TradingState state, const QString& reason);
    void onFinished(SessionState state, const QString& reason);

    MainWindow* m_window;
    SessionPanel* m_panel;
    std::unique_ptr<SessionHost> m_host;
    SessionSnapshotPtr m_pending;
    SessionSnapshotPtr m_last;
    QTimer m_redrawTimer;
    QElapsedTimer m_sinceRedraw;
    std::int64_t m_barsShown = 0;
    std::int64_t m_lastBarMs = 0;
    int m_redraws = 0;
    bool m_halted = false;
    LiveConfirmation m_confirmLive;
};

} // namespace veloce
