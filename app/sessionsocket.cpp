#include "sessionsocket.h"

#include "safety/killserver.h"

#include <QElapsedTimer>
#include <QLocalSocket>

namespace veloce {

SessionSocketReply askSession(const QString& journalPath, const nlohmann::json& request, int timeoutMs)
{
    SessionSocketReply out;
    out.socketName = KillServer::socketNameFor(journalPath);
    QElapsedTimer clock;
    clock.start();
    QLocalSocket socket;
    socket.connectToServer(out.socketName);
    if (!socket.waitForConnected(2000)) {
        out.error = socket.errorString();
        return out;
    }
    out.connected = true;
    socket.write(QByteArray::fromStdString(request.dump()) + '\n');
    socket.flush();
    while (!socket.canReadLine()) {
        const int left = timeoutMs - static_cast<int>(clock.elapsed());
        if (left <= 0 || !socket.waitForReadyRead(left)) {
            out.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
            return out;
        }
    }
    const QByteArray line = socket.readLine();
    out.roundTripMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    out.reply = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    out.answered = out.reply.is_object();
    if (!out.answered)
        out.error = QStringLiteral("unreadable answer");
    return out;
}

} // namespace veloce
