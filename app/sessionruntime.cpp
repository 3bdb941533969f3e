#include "sessionruntime.h"

#include "broker/flattener.h"
#include "engine/session.h"
#include "engine/snapshotmailbox.h"
#include "safety/alertlog.h"
#include "safety/committedevents.h"
#include "safety/journal.h"
#include "safety/killswitch.h"

#include <QThread>

namespace veloce {

SessionRuntime::SessionRuntime() = default;

SessionRuntime::~SessionRuntime() = default;

void SessionRuntime::release()
{
    // Deleted later on another thread: such objects must not belong to a thread with an event
    // loop that could still deliver to them.
    for (QObject* o : { static_cast<QObject*>(journal.get()), static_cast<QObject*>(alerts.get()),
             static_cast<QObject*>(kill.get()), static_cast<QObject*>(engineThread.get()) })
        if (o)
            o->moveToThread(nullptr);
}

void SessionRuntime::teardown(const QString& reason, bool endRecorded)
{
    // The safety thread first: an interrupted flatten still reports, and its report handler
    // publishes the session's account -- the session must outlive it (the engine thread deletes
    // the session as soon as it ends).
    if (kill) {
        kill->shutdown();
        kill->safetyThread()->wait(); // nothing on it blocks: it ends within an event's time
    }
    if (session && engineThread && engineThread->isRunning()) {
        Session* s = session;
        QMetaObject::invokeMethod(
            s,
            [s, reason] {
                s->stop(reason);
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    }
    if (journal) {
        if (!endRecorded && journal->sessionId() > 0)
            journal->endSession(reason, [](const QString&) {});
        journal->close();
    }
    if (engineThread) {
        engineThread->wait(); // as long as a stuck engine takes; nobody waits for this thread
        if (!engineStarted)
            delete session; // its thread never ran, so nothing deleted it
    }
    session = nullptr;
    kill.reset();
    flattener.reset();
    engineThread.reset();
    journal.reset();
}

} // namespace veloce
