#pragma once

#include "broker/broker.h"

#include <functional>

class QObject;

namespace veloce {

// How the kill switch closes every position (docs/safety.md "Kill switch"): the paper account
// directly (SessionFlattener), a venue through its API (FreqtradeFlattener).
//
// Threads: start() and cancel() are called on the kill switch's (safety) thread and return at
// once. The work goes on through that thread's event loop -- timers and network replies whose
// context is `context`, a QObject living there -- never a nested event loop, never a sleep, so
// the thread stays free for the kill socket and the watchdog. `done` is called exactly once, on
// that thread, when flat or when `deadlineMs` has passed -- unless cancel() came first. The kill
// switch runs one flatten at a time.
class Flattener
{
public:
    using Done = std::function<void(const FlattenResult& result)>;
    virtual ~Flattener() = default;
    virtual void start(QObject* context, int deadlineMs, Done done) = 0;
    virtual void cancel() = 0;
};

} // namespace veloce
