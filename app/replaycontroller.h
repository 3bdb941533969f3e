#pragma once

#include <QObject>

namespace veloce {

class PacedFeed;
class ReplayControls;
class SessionController;
class SessionPanel;

// Connects the window's replay controls to the running session's feed. Only paced feeds (the
// simulator and file replays) can be controlled; a live source disables the controls.
//
// Threads: lives on the GUI thread. The feed lives on the engine thread: every request is queued
// to it, and its paceChanged arrives queued. The feed is looked up from the SessionController's
// host on each request -- the host, and with it the engine thread and the feed, lives until the
// next session starts, so a request never reaches a deleted feed.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    ReplayController(ReplayControls* controls, SessionController* sessions, SessionPanel* panel,
        QObject* parent = nullptr);

    // The running session's paced feed, or null (no session, or a live source).
    PacedFeed* feed() const;

private:
    void onSessionStarted();
    void onSessionFinished();

    ReplayControls* m_controls;
    SessionController* m_sessions;
    SessionPanel* m_panel;
};

} // namespace veloce
