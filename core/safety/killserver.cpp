#include "safety/killserver.h"

#include "safety/alertlog.h"
#include "safety/killrequest.h"
#include "safety/killswitch.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
void reply(QLocalSocket* socket, const nlohmann::json& j)
{
    socket->write(QByteArray::fromStdString(j.dump()) + '\n');
    socket->flush();
}
} // namespace

KillServer::KillServer(KillSwitch& killSwitch, AlertLog* alerts, QObject* parent)
    : QObject(parent)
    , m_kill(killSwitch)
    , m_alerts(alerts)
{
    // Both live on the safety thread: a direct call, in the order reports are made.
    connect(&m_kill, &KillSwitch::flattened, this, &KillServer::onFlattened, Qt::DirectConnection);
}

KillServer::~KillServer() = default;

QString KillServer::socketNameFor(const QString& journalPath)
{
    // The canonical path, so "./j.sqlite" and "/abs/j.sqlite" meet; hashed because socket
    // paths are short (108 bytes) and the name must not depend on the working directory.
    QFileInfo fi(journalPath);
    const QString canonical = fi.exists() ? fi.canonicalFilePath() : fi.absoluteFilePath();
    const QByteArray h
        = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("veloce-kill-") + QString::fromLatin1(h);
}

bool KillServer::inUse(const QString& name)
{
    QLocalSocket probe;
    probe.connectToServer(name);
    const bool up = probe.waitForConnected(500);
    probe.abort();
    return up;
}

bool KillServer::listen(const QString& name, QString* error)
{
    if (inUse(name)) {
        if (error)
            *error = QStringLiteral("another session is running on this journal (socket %1)").arg(name);
        return false;
    }
    // Left behind by a crashed session (nobody answered above).
    QLocalServer::removeServer(name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &KillServer::onConnection);
    if (!m_server->listen(name)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1: %2").arg(name, m_server->errorString());
        return false;
    }
    return true;
}

void KillServer::close()
{
    if (m_server)
        m_server->close();
}

void KillServer::onConnection()
{
    while (QLocalSocket* s = m_server->nextPendingConnection()) {
        connect(s, &QLocalSocket::disconnected, this, [this, s] {
            for (auto& [id, sockets] : m_waiting)
                std::erase(sockets, s);
            s->deleteLater();
        });
        connect(s, &QLocalSocket::readyRead, this, [this, s] { onRequest(s); });
    }
}

void KillServer::onFlattened(const KillReport& r)
{
    const auto it = m_waiting.find(r.id);
    if (it == m_waiting.end())
        return;
    const std::vector<QLocalSocket*> sockets = std::move(it->second);
    m_waiting.erase(it);
    nlohmann::json j = r.toJson();
    j["ok"] = r.flat && r.durable;
    j["state"] = tradingStateName(m_kill.halted() ? TradingState::Halted : TradingState::Active);
    j["open_alarms"] = m_alerts ? m_alerts->openAlarmCount() : 0;
    for (QLocalSocket* socket : sockets)
        reply(socket, j);
}

void KillServer::onRequest(QLocalSocket* socket)
{
    // One bounded request line: a client that sends more without a newline is dropped unread.
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > KillRequest::kMaxLineBytes)
            socket->abort();
        return;
    }
    const KillRequest request = KillRequest::parse(socket->readLine(KillRequest::kMaxLineBytes + 1));
    nlohmann::json out;
    switch (request.command) {
    case KillRequest::Command::Kill:
        // Answered by onFlattened() with the report of the flatten this trigger joined.
        m_waiting[m_kill.trigger(request.reason, QStringLiteral("cli"), true)].push_back(socket);
        return;
    case KillRequest::Command::Rearm: {
        const QString refused = m_kill.rearm(QStringLiteral("cli"));
        out["ok"] = refused.isEmpty();
        if (!refused.isEmpty())
            out["message"] = refused.toStdString();
        break;
    }
    case KillRequest::Command::Ack:
        out["ok"] = true;
        out["acknowledged"] = m_alerts ? m_alerts->acknowledgeAll(QStringLiteral("cli")) : 0;
        break;
    case KillRequest::Command::Status:
        out["ok"] = true;
        break;
    case KillRequest::Command::Unknown:
        out["ok"] = false;
        out["message"] = "unknown command (kill, rearm, status, ack)";
        break;
    }
    out["state"] = tradingStateName(m_kill.halted() ? TradingState::Halted : TradingState::Active);
    out["reason"] = m_kill.haltReason().toStdString();
    out["open_alarms"] = m_alerts ? m_alerts->openAlarmCount() : 0;
    reply(socket, out);
}

} // namespace veloce
