#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace veloce {

class KillSwitch;

// The kill switch's local socket, so `veloce-cli kill` in another terminal can stop a running
// session. Lives on the safety thread (works while the engine or GUI thread is stuck).
// Protocol: one JSON object per line each way. Requests {"command": "kill"|"rearm"|"status",
// "reason": str}; a kill is answered after the flatten, with KillReport::toJson() plus "state"
// and "ok".
class KillServer : public QObject
{
    Q_OBJECT
public:
    explicit KillServer(KillSwitch& killSwitch, QObject* parent = nullptr);
    ~KillServer() override;

    // The socket name for a journal file: one running session per journal.
    static QString socketNameFor(const QString& journalPath);
    // true if a session is already listening on `name`.
    static bool inUse(const QString& name);

public Q_SLOTS:
    // Call on the safety thread. Returns false (and sets *error) when the name is taken.
    bool listen(const QString& name, QString* error);
    void close();

private:
    void onConnection();
    void onRequest(QLocalSocket* socket);

    KillSwitch& m_kill;
    QLocalServer* m_server = nullptr;
};

} // namespace veloce
