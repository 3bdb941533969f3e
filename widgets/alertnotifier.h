#pragma once

#include "safety/alert.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QSystemTrayIcon;

namespace veloce {

// Tells a person about new alerts outside the window: a desktop notification through the
// notification area (QSystemTrayIcon, only where QSystemTrayIcon::isSystemTrayAvailable()) and,
// if chosen, a beep (QApplication::beep) for warnings and alarms. Both are settings of the Alerts
// dock; sound is off by default. A burst of alerts (a feed that keeps failing) never becomes a
// burst of pop-ups: at most one notification per kMinGapMs, the ones in between summed up in
// the next. GUI thread only.
class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinGapMs = 3000;

    explicit AlertNotifier(QObject* parent = nullptr);
    ~AlertNotifier() override;

    static bool desktopAvailable();
    void setDesktop(bool on);
    void setSound(bool on) { m_sound = on; }
    bool desktop() const { return m_desktop; }
    bool sound() const { return m_sound; }

    void notify(const Alert& alert);

Q_SIGNALS:
    // A desktop notification was handed to the notification area (title, text), and a beep.
    void notified(const QString& title, const QString& text);
    void beeped();
    // The person clicked the notification or the tray icon: show the Alerts dock.
    void activated();

private:
    void flush();
    void show(const QString& title, const QString& text, AlertSeverity severity);

    QSystemTrayIcon* m_tray = nullptr;
    bool m_desktop = false;
    bool m_sound = false;
    QElapsedTimer m_sinceShown;
    QTimer m_later;
    int m_held = 0; // alerts not shown yet because the last notification was too recent
    Alert m_newestHeld;
};

} // namespace veloce
