#pragma once

#include <QByteArray>
#include <QString>

namespace veloce {

// One request line on the kill switch's local socket (KillServer's protocol): a JSON object
// {"command": "kill"|"rearm"|"status", "reason": str}. Anything else -- not JSON, not an object,
// another command, a reason that is not a string -- is Unknown (answered with ok:false) or gets
// the default reason; parsing never throws, whatever arrives on the socket. Control bytes in the
// reason are escaped before it reaches the journal or a terminal.
struct KillRequest
{
    enum class Command
    {
        Unknown,
        Kill,
        Rearm,
        Status
    };
    // Requests longer than this are refused unread (a request is well under 1 KiB).
    static constexpr qsizetype kMaxLineBytes = 64 * 1024;

    Command command = Command::Unknown;
    QString reason;

    static KillRequest parse(const QByteArray& line);
};

} // namespace veloce
