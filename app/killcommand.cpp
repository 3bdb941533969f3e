#include "killcommand.h"

#include "cliparser.h"
#include "safety/killserver.h"
#include "sessionhost.h"
#include "types/printable.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace veloce {

int KillCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Trigger the kill switch of the session running on a journal: entries are "
                       "halted at once and every position is flattened. Prints the result as JSON "
                       "and exits 0 when the session reports flat."));
    p.addOption({ QStringLiteral("journal"),
        QStringLiteral("The running session's journal (default: %1).").arg(SessionHost::defaultJournalPath()),
        QStringLiteral("file") });
    p.addOption({ QStringLiteral("reason"), QStringLiteral("Why (journaled)."), QStringLiteral("text"),
        QStringLiteral("veloce-cli kill") });
    p.addOption(
        { QStringLiteral("rearm"), QStringLiteral("Re-arm a halted session instead (explicit action).") });
    p.addOption({ QStringLiteral("status"), QStringLiteral("Only print the trading state.") });
    p.addOption({ QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the answer (default 10)."),
        QStringLiteral("s"), QStringLiteral("10") });
    if (!p.parse(arguments))
        return 0;
    const QString journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                               : SessionHost::defaultJournalPath();
    const int timeoutMs = static_cast<int>(p.number(QStringLiteral("timeout"), 0.1, 3600) * 1000);
    const QString socketName = KillServer::socketNameFor(journal);

    nlohmann::json request;
    request["command"] = p.isSet(QStringLiteral("rearm")) ? "rearm"
        : p.isSet(QStringLiteral("status"))               ? "status"
                                                          : "kill";
    request["reason"] = p.value(QStringLiteral("reason")).toStdString();

    QElapsedTimer clock;
    clock.start();
    QLocalSocket socket;
    socket.connectToServer(socketName);
    if (!socket.waitForConnected(2000)) {
        QTextStream(stderr) << QStringLiteral(
            "veloce-cli kill: no session is running on %1 (socket %2: %3)\n")
                                   .arg(journal, socketName, socket.errorString());
        return 2;
    }
    socket.write(QByteArray::fromStdString(request.dump()) + '\n');
    socket.flush();
    while (!socket.canReadLine()) {
        const int left = timeoutMs - static_cast<int>(clock.elapsed());
        if (left <= 0 || !socket.waitForReadyRead(left)) {
            QTextStream(stderr) << "veloce-cli kill: the session did not answer in time -- check it NOW\n";
            return 1;
        }
    }
    const QByteArray line = socket.readLine();
    const double roundTripMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    nlohmann::json reply
        = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (!reply.is_object()) {
        QTextStream(stderr) << "veloce-cli kill: unreadable answer from the session\n";
        return 1;
    }
    reply["journal"] = journal.toStdString();
    reply["round_trip_ms"] = roundTripMs;
    QTextStream(stdout) << QString::fromStdString(reply.dump()) << '\n';
    // Read by type, never with json::value(), which throws on an unexpected type.
    const auto flag = [&](const char* key) {
        return reply.contains(key) && reply[key].is_boolean() && reply[key].get<bool>();
    };
    const auto number = [&](const char* key) {
        return reply.contains(key) && reply[key].is_number() ? reply[key].get<double>() : 0.0;
    };
    if (request["command"] == "kill") {
        const bool flat = flag("flat");
        const QString message = reply.contains("message") && reply["message"].is_string()
            ? printable(QString::fromStdString(reply["message"].get<std::string>()))
            : QString();
        QTextStream(stderr) << (flat
                ? QStringLiteral("session halted and flat (%1 position(s) closed in %2 ms)\n")
                      .arg(number("closed"))
                      .arg(number("flatten_latency_ms"), 0, 'f', 3)
                : QStringLiteral("SESSION HALTED BUT NOT FLAT: %1\n").arg(message));
        return flat ? 0 : 1;
    }
    return flag("ok") ? 0 : 1;
}

} // namespace veloce
