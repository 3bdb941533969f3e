#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace veloce {

class AlertsModel;

// The Alerts dock's content: every alert of the session (AlertsModel, newest first) with buttons
// to acknowledge the selected ones or all, and the two notification settings: a desktop
// notification (only offered where the desktop has a notification area) and a sound, off by
// default. A view: it asks for acknowledgements through signals; the owner acknowledges in the
// session's AlertLog and syncs the model.
class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    AlertsPanel(AlertsModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QAction* acknowledgeAllAction() const { return m_acknowledgeAllAction; }
    // Ids of the selected rows' alerts that are not acknowledged yet.
    QList<qint64> selectedUnacknowledged() const;

    // The settings as stored by the owner; changing them here emits settingsChanged.
    void setSettings(bool desktop, bool sound);
    bool desktopNotifications() const;
    bool sound() const;
    // Whether the desktop has a notification area; without one the checkbox says so and is off.
    void setDesktopAvailable(bool available);

Q_SIGNALS:
    void acknowledgeRequested(const QList<qint64>& ids);
    // Everything up to and including the newest alert shown.
    void acknowledgeAllRequested(qint64 throughId);
    void settingsChanged(bool desktop, bool sound);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateState();

    AlertsModel* m_model;
    QTableView* m_table;
    QLabel* m_count;
    QPushButton* m_acknowledge;
    QPushButton* m_acknowledgeAll;
    QCheckBox* m_desktop;
    QCheckBox* m_sound;
    QAction* m_acknowledgeAllAction;
};

} // namespace veloce
