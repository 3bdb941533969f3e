#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace veloce {

// One request to the session running on a journal, through its kill socket (KillServer): the
// client side shared by `veloce-cli kill`, `rearm` and `alerts`.
struct SessionSocketReply
{
    bool connected = false; // false: no session is running on this journal
    bool answered = false; // false: connected, but no (readable) answer in time
    nlohmann::json reply;
    double roundTripMs = 0;
    QString socketName;
    QString error; // why not connected / answered
};

SessionSocketReply askSession(const QString& journalPath, const nlohmann::json& request, int timeoutMs);

} // namespace veloce
