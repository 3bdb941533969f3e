#pragma once

#include <QString>
#include <functional>

class QObject;

namespace veloce {

// Writes a file (an HTML report) on a short-lived thread of its own, so that rendering a large
// report never blocks the window, then reports back on the GUI thread.
//
// Thread contract: start() is called on the GUI thread. `write` runs on the new thread and must
// own (or share) everything it reads; `done` runs afterwards on the thread of `context`, with the
// exception's message or an empty string, and only if `context` still exists.
class BackgroundWrite
{
public:
    static void start(
        QObject* context, std::function<void()> write, std::function<void(const QString& error)> done);
};

} // namespace veloce
