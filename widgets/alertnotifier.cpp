#include "alertnotifier.h"

#include "alertsmodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>

namespace veloce {

AlertNotifier::AlertNotifier(QObject* parent)
    : QObject(parent)
{
    m_later.setSingleShot(true);
    connect(&m_later, &QTimer::timeout, this, &AlertNotifier::flush);
}

AlertNotifier::~AlertNotifier() = default;

bool AlertNotifier::desktopAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void AlertNotifier::setDesktop(bool on)
{
    m_desktop = on && desktopAvailable();
    if (m_desktop && !m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(tr("Veloce"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::activated);
        connect(m_tray, &QSystemTrayIcon::activated, this, &AlertNotifier::activated);
    }
    if (m_tray)
        m_tray->setVisible(m_desktop);
}

void AlertNotifier::notify(const Alert& alert)
{
    if (m_sound && alert.severity != AlertSeverity::Info) {
        QApplication::beep();
        Q_EMIT beeped();
    }
    if (!m_desktop)
        return;
    if (m_sinceShown.isValid() && m_sinceShown.elapsed() < kMinGapMs) {
        ++m_held;
        if (m_held == 1 || alert.severity >= m_newestHeld.severity)
            m_newestHeld = alert;
        if (!m_later.isActive())
            m_later.start(int(kMinGapMs - m_sinceShown.elapsed()));
        return;
    }
    show(tr("%1 \u2014 %2").arg(AlertsModel::kindText(alert.kind), alert.source), alert.message,
        alert.severity);
}

void AlertNotifier::flush()
{
    if (m_held == 0 || !m_desktop)
        return;
    const Alert a = m_newestHeld;
    const int n = m_held;
    m_held = 0;
    if (n == 1)
        show(tr("%1 \u2014 %2").arg(AlertsModel::kindText(a.kind), a.source), a.message, a.severity);
    else
        show(tr("%n new alert(s)", nullptr, n),
            tr("%1: %2 (see the Alerts dock)").arg(AlertsModel::kindText(a.kind), a.message), a.severity);
}

void AlertNotifier::show(const QString& title, const QString& text, AlertSeverity severity)
{
    m_sinceShown.start();
    const QSystemTrayIcon::MessageIcon icon = severity == AlertSeverity::Alarm ? QSystemTrayIcon::Critical
        : severity == AlertSeverity::Warning                                   ? QSystemTrayIcon::Warning
                                                                               : QSystemTrayIcon::Information;
    if (m_tray)
        m_tray->showMessage(title, text, icon, 10000);
    Q_EMIT notified(title, text);
}

} // namespace veloce
