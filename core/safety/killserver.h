#pragma once

#include <QObject>
#include <QString>
#include <map>
#include <vector>

class QLocalServer;
class QLocalSocket;

namespace veloce {

class AlertLog;
class KillSwitch;
struct KillReport;

// The kill switch's local socket, so `veloce-cli kill|rearm|alerts` in another terminal reach a
// running session. Lives on the safety thread (works while the engine or GUI thread is stuck).
// Protocol: one JSON object per line each way. Requests {"command": "kill"|"rearm"|"status"|
// "ack", "reason": str}. A kill is answered when its flatten reports (after the journal made it
// durable), with KillReport::toJson() plus "state" and "ok"; triggers merged into one flatten
// all get that flatten's report. Every answer carries "state", "reason" and "open_alarms".
class KillServer : public QObject
{
    Q_OBJECT
public:
    KillServer(KillSwitch& killSwitch, AlertLog* alerts, QObject* parent = nullptr);
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
    void onFlattened(const KillReport& report);

    KillSwitch& m_kill;
    AlertLog* m_alerts;
    QLocalServer* m_server = nullptr;
    std::map<std::uint64_t, std::vector<QLocalSocket*>> m_waiting; // flatten id -> who asked
};

} // namespace veloce
