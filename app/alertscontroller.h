#pragma once

#include <QList>
#include <QObject>

namespace veloce {

class AlertNotifier;
class MainWindow;
class SessionController;
class SessionHost;

// Connects the window's Alerts dock, its status-bar count and the desktop notifications to the
// running session's AlertLog (docs/safety.md "Alerts"): one log, journaled by the session, and
// these are views of it. Every change of the log is synced into the dock's AlertsModel; every new
// alert goes to the AlertNotifier; the dock's acknowledgements are made in the log (by "gui"), so
// they are journaled, close alarms in the banner too, and come back to the dock as a change.
// The notification settings are kept in QSettings (alerts/desktop, on where a notification area
// exists; alerts/sound, off).
//
// Threads: GUI thread. The log is thread-safe; its changes arrive through the SessionHost's
// queued signals, and the log is looked up from the SessionController's host on each use -- the
// host, and its log, live until the next session starts.
class AlertsController : public QObject
{
    Q_OBJECT
public:
    AlertsController(MainWindow* window, SessionController* sessions, QObject* parent = nullptr);

    AlertNotifier* notifier() const { return m_notifier; }

private:
    void onSessionStarted();
    void sync();
    void acknowledge(const QList<qint64>& ids);
    void acknowledgeThrough(qint64 id);
    void applySettings(bool desktop, bool sound);

    MainWindow* m_window;
    SessionController* m_sessions;
    AlertNotifier* m_notifier;
};

} // namespace veloce
