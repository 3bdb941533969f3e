#include "alertscontroller.h"

#include "alertnotifier.h"
#include "alertsmodel.h"
#include "alertspanel.h"
#include "mainwindow.h"
#include "safety/alertlog.h"
#include "sessioncontroller.h"
#include "sessionhost.h"

#include <QSettings>

namespace veloce {

namespace {
const QString kDesktopKey = QStringLiteral("alerts/desktop");
const QString kSoundKey = QStringLiteral("alerts/sound");
const QString kBy = QStringLiteral("gui");
} // namespace

AlertsController::AlertsController(MainWindow* window, SessionController* sessions, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_sessions(sessions)
    , m_notifier(new AlertNotifier(this))
{
    AlertsPanel* panel = window->alertsPanel();
    const bool available = AlertNotifier::desktopAvailable();
    panel->setDesktopAvailable(available);
    const QSettings settings;
    applySettings(settings.value(kDesktopKey, true).toBool(), settings.value(kSoundKey, false).toBool());
    panel->setSettings(m_notifier->desktop(), m_notifier->sound());

    connect(sessions, &SessionController::sessionStarted, this, &AlertsController::onSessionStarted);
    connect(panel, &AlertsPanel::acknowledgeRequested, this, &AlertsController::acknowledge);
    connect(panel, &AlertsPanel::acknowledgeAllRequested, this, &AlertsController::acknowledgeThrough);
    connect(panel, &AlertsPanel::settingsChanged, this, [this](bool desktop, bool sound) {
        applySettings(desktop, sound);
        QSettings settings;
        settings.setValue(kDesktopKey, desktop);
        settings.setValue(kSoundKey, sound);
    });
    connect(m_notifier, &AlertNotifier::activated, window, [window] {
        window->showNormal();
        window->raise();
        window->activateWindow();
        window->showAlerts();
    });
}

void AlertsController::applySettings(bool desktop, bool sound)
{
    m_notifier->setDesktop(desktop);
    m_notifier->setSound(sound);
}

void AlertsController::onSessionStarted()
{
    SessionHost* host = m_sessions->host();
    if (!host)
        return;
    // A new session, a new log (holding the alarms of earlier runs still open): start over.
    m_window->alertsModel()->clear();
    connect(host, &SessionHost::alertsChanged, this, &AlertsController::sync, Qt::UniqueConnection);
    connect(host, &SessionHost::alertRaised, m_notifier, &AlertNotifier::notify, Qt::UniqueConnection);
    sync();
}

void AlertsController::sync()
{
    // A change announced by an older host (queued before it was replaced) is read from the
    // current one: harmless, the model only ever shows the current log.
    if (SessionHost* host = m_sessions->host(); host && host->alerts())
        m_window->alertsModel()->sync(host->alerts()->alerts());
}

void AlertsController::acknowledge(const QList<qint64>& ids)
{
    SessionHost* host = m_sessions->host();
    if (!host || !host->alerts())
        return;
    for (qint64 id : ids)
        host->alerts()->acknowledge(id, kBy);
}

void AlertsController::acknowledgeThrough(qint64 id)
{
    if (SessionHost* host = m_sessions->host(); host && host->alerts())
        host->alerts()->acknowledgeThrough(id, kBy);
}

} // namespace veloce
