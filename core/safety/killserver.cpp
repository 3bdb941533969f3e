#include "safety/killserver.h"

#include "safety/killrequest.h"
#include "safety/killswitch.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
void reply(QLocalSocket* socket, const nlohmann::json& j)
{
    socket->write(QByteArray::fromStdString(j.dump()) + '\n');
    socket->flush();
}
} // namespace

KillServer::KillServer(KillSwitch& killSwitch, QObject* parent)
    : QObject(parent)
    , m_kill(killSwitch)
{
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
        connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QLocalSocket::readyRead, this, [this, s] { onRequest(s); });
    }
}

void KillServer::onRequest(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        // No end of line within the limit: not a client of this protocol; do not buffer it all.
        if (socket->bytesAvailable() > KillRequest::kMaxLineBytes)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(KillRequest::kMaxLineBytes + 1);
    const KillRequest request = KillRequest::parse(line);
    const QString& reason = request.reason;
    nlohmann::json out;
    if (request.command == KillRequest::Command::Kill) {
        // Answer with this trigger's report: the next flattened() on this (the safety) thread.
        auto* conn = new QMetaObject::Connection;
        QPointer<QLocalSocket> guard(socket);
        *conn = connect(&m_kill, &KillSwitch::flattened, this, [this, guard, conn](const KillReport& r) {
            QObject::disconnect(*conn);
            delete conn;
            if (!guard)
                return;
            QLocalSocket* socket = guard.data();
            nlohmann::json j = r.toJson();
            j["ok"] = r.flat;
            j["state"] = tradingStateName(m_kill.halted() ? TradingState::Halted : TradingState::Active);
            reply(socket, j);
        });
        m_kill.trigger(reason, QStringLiteral("cli"), true);
        return;
    }
    if (request.command == KillRequest::Command::Rearm) {
        m_kill.rearm(QStringLiteral("cli"));
        out["ok"] = true;
    } else if (request.command == KillRequest::Command::Status) {
        out["ok"] = true;
    } else {
        out["ok"] = false;
        out["message"] = "unknown command (kill, rearm, status)";
    }
    out["state"] = tradingStateName(m_kill.halted() ? TradingState::Halted : TradingState::Active);
    out["reason"] = m_kill.haltReason().toStdString();
    reply(socket, out);
}

} // namespace veloce
