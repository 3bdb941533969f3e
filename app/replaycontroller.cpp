#include "replaycontroller.h"

#include "engine/pacedfeed.h"
#include "engine/session.h"
#include "replaycontrols.h"
#include "sessioncontroller.h"
#include "sessionhost.h"
#include "sessionpanel.h"

namespace veloce {

ReplayController::ReplayController(
    ReplayControls* controls, SessionController* sessions, SessionPanel* panel, QObject* parent)
    : QObject(parent)
    , m_controls(controls)
    , m_sessions(sessions)
    , m_panel(panel)
{
    connect(sessions, &SessionController::sessionStarted, this, &ReplayController::onSessionStarted);
    connect(sessions, &SessionController::sessionFinished, this, &ReplayController::onSessionFinished);
    connect(sessions, &SessionController::snapshotShown, this,
        [this](const SessionSnapshotPtr& s) { m_controls->setPosition(s->lastBarMs); });

    connect(controls, &ReplayControls::pauseRequested, this, [this](bool paused) {
        if (PacedFeed* f = feed())
            QMetaObject::invokeMethod(
                f, [f, paused] { f->setPaused(paused); }, Qt::QueuedConnection);
    });
    connect(controls, &ReplayControls::stepRequested, this, [this] {
        if (PacedFeed* f = feed())
            QMetaObject::invokeMethod(
                f, [f] { f->step(); }, Qt::QueuedConnection);
    });
    connect(controls, &ReplayControls::speedRequested, this, [this](double speed) {
        if (PacedFeed* f = feed())
            QMetaObject::invokeMethod(
                f, [f, speed] { f->setSpeed(speed); }, Qt::QueuedConnection);
        m_panel->setSpeed(speed); // the next session starts at the speed chosen last
    });
    connect(controls, &ReplayControls::jumpRequested, this, [this](qint64 barMs) {
        if (PacedFeed* f = feed())
            QMetaObject::invokeMethod(
                f, [f, barMs] { f->runTo(barMs); }, Qt::QueuedConnection);
    });
    m_controls->setControllable(false, tr("no replay running"));
}

PacedFeed* ReplayController::feed() const
{
    SessionHost* host = m_sessions->host();
    if (!host || !host->isRunning() || !host->session())
        return nullptr;
    return qobject_cast<PacedFeed*>(host->session()->feed());
}

void ReplayController::onSessionStarted()
{
    PacedFeed* f = feed();
    if (!f) {
        m_controls->setControllable(false, tr("live data: nothing to pace"));
        return;
    }
    connect(
        f, &PacedFeed::paceChanged, this,
        [this](bool paused, double speed, qint64 runToMs) { m_controls->setState(paused, speed, runToMs); },
        Qt::QueuedConnection);
    m_controls->setControllable(true);
    m_controls->setState(false, f->speed(), 0);
}

void ReplayController::onSessionFinished()
{
    m_controls->setControllable(false, tr("no replay running"));
}

} // namespace veloce
