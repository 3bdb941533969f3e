#pragma once

#include "safety/journalrecovery.h"

#include <QString>
#include <memory>

class QThread;

namespace veloce {

class AlertLog;
class CommittedEvents;
class Flattener;
class Journal;
class KillServer;
class KillSwitch;
class Session;
class SnapshotMailbox;
class Watchdog;

// The parts of a live session that run on other threads, owned apart from the SessionHost so
// that they can outlive it: the host hands them to the ThreadReaper, whose thread runs
// teardown() while the GUI or CLI goes on.
struct SessionRuntime
{
    SessionRuntime();
    ~SessionRuntime();

    std::unique_ptr<Journal> journal;
    std::unique_ptr<AlertLog> alerts;
    std::unique_ptr<CommittedEvents> outbox;
    std::unique_ptr<SnapshotMailbox> mailbox;
    std::unique_ptr<KillSwitch> kill;
    std::unique_ptr<QThread> engineThread;
    std::shared_ptr<Flattener> flattener;
    Session* session = nullptr; // on engineThread; deletes itself when the thread ends
    Watchdog* watchdog = nullptr; // on the safety thread, idem
    KillServer* server = nullptr; // on the safety thread, idem
    JournalState recovered;
    bool engineStarted = false;

    // Detaches the host's objects from its thread (call there, before handing over).
    void release();
    // Blocking, on a reaper thread: stops the engine (its open positions stay journaled), lets
    // the kill switch report a flatten still running as interrupted, closes the journal with an
    // end row unless `endRecorded`, then waits for the engine thread -- as long as it takes.
    void teardown(const QString& reason, bool endRecorded);
};

} // namespace veloce
