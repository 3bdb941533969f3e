#include "killcommand.h"

#include "cliparser.h"
#include "sessionhost.h"
#include "sessionsocket.h"
#include "types/printable.h"

#include <QTextStream>

namespace veloce {

int KillCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Trigger the kill switch of the session running on a journal: entries are halted at "
                       "once and every position is flattened. Prints the result as JSON once the halt and "
                       "every closing fill are committed to the journal, and exits 0 when the session "
                       "reports flat and durable. (Re-arm with veloce-cli rearm.)"));
    p.addOption({ QStringLiteral("journal"),
        QStringLiteral("The running session's journal (default: %1).").arg(SessionHost::defaultJournalPath()),
        QStringLiteral("file") });
    p.addOption({ QStringLiteral("reason"), QStringLiteral("Why (journaled)."), QStringLiteral("text"),
        QStringLiteral("veloce-cli kill") });
    p.addOption({ QStringLiteral("rearm"),
        QStringLiteral("Re-arm a halted session instead (same as veloce-cli rearm).") });
    p.addOption({ QStringLiteral("status"), QStringLiteral("Only print the trading state.") });
    p.addOption({ QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the answer (default 60)."),
        QStringLiteral("s"), QStringLiteral("60") });
    if (!p.parse(arguments))
        return 0;
    const QString journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                               : SessionHost::defaultJournalPath();
    const int timeoutMs = static_cast<int>(p.number(QStringLiteral("timeout"), 0.1, 3600) * 1000);
    nlohmann::json request;
    request["command"] = p.isSet(QStringLiteral("rearm")) ? "rearm"
        : p.isSet(QStringLiteral("status"))               ? "status"
                                                          : "kill";
    request["reason"] = p.value(QStringLiteral("reason")).toStdString();

    const SessionSocketReply r = askSession(journal, request, timeoutMs);
    QTextStream err(stderr);
    if (!r.connected) {
        err << QStringLiteral("veloce-cli kill: no session is running on %1 (socket %2: %3)\n")
                   .arg(journal, r.socketName, r.error);
        return 2;
    }
    if (!r.answered) {
        err << QStringLiteral("veloce-cli kill: the session did not answer (%1) -- check it NOW\n")
                   .arg(r.error);
        return 1;
    }
    nlohmann::json reply = r.reply;
    reply["journal"] = journal.toStdString();
    reply["round_trip_ms"] = r.roundTripMs;
    QTextStream(stdout) << QString::fromStdString(reply.dump()) << '\n';
    // Read by type, never with json::value(), which throws on an unexpected type; text from the
    // socket is shown printable (no control bytes reach the terminal).
    const auto flag = [&](const char* key) {
        return reply.contains(key) && reply[key].is_boolean() && reply[key].get<bool>();
    };
    const auto number = [&](const char* key) {
        return reply.contains(key) && reply[key].is_number() ? reply[key].get<double>() : 0.0;
    };
    const QString message = reply.contains("message") && reply["message"].is_string()
        ? printable(QString::fromStdString(reply["message"].get<std::string>()))
        : QString();
    if (request["command"] == "kill") {
        // "Flat" is said only for what the journal made durable: a crash cannot undo it.
        const bool flat = flag("flat") && flag("durable");
        err << (flat ? QStringLiteral("session halted and flat (%1 position(s) closed in %2 ms, committed)\n")
                           .arg(number("closed"))
                           .arg(number("flatten_latency_ms"), 0, 'f', 3)
                     : QStringLiteral("SESSION HALTED BUT NOT FLAT: %1\n").arg(message));
        return flat ? 0 : 1;
    }
    if (!flag("ok"))
        err << QStringLiteral("veloce-cli kill: %1\n").arg(message);
    return flag("ok") ? 0 : 1;
}

} // namespace veloce
