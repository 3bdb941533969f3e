#include "alertspanel.h"

#include "alertsmodel.h"
#include "tableviewfactory.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace veloce {

AlertsPanel::AlertsPanel(AlertsModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(TableViewFactory::create(model, QStringLiteral("alertsTable"), this))
    , m_count(new QLabel(this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
    , m_acknowledgeAll(new QPushButton(tr("Acknowledge all"), this))
    , m_desktop(new QCheckBox(tr("Notify"), this))
    , m_sound(new QCheckBox(tr("Sound"), this))
    , m_acknowledgeAllAction(new QAction(tr("Acknowledge all &alerts"), this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_count->setObjectName(QStringLiteral("alertsCount"));
    // The count gives way first: the dock sits beside the positions and must stay narrow.
    m_count->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_count->setMinimumWidth(60);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlerts"));
    m_acknowledge->setToolTip(tr("Mark the selected alerts as seen (Enter); they stay in the journal"));
    m_acknowledgeAll->setObjectName(QStringLiteral("acknowledgeAllAlerts"));
    m_acknowledgeAll->setToolTip(tr("Mark every alert shown as seen (Ctrl+Shift+A)"));
    m_desktop->setObjectName(QStringLiteral("alertsDesktop"));
    m_sound->setObjectName(QStringLiteral("alertsSound"));
    m_sound->setToolTip(tr("Beep when a warning or an alarm arrives"));
    m_acknowledgeAllAction->setObjectName(QStringLiteral("acknowledgeAllAlertsAction"));
    m_acknowledgeAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    // Newest first, time and kind narrow, the message takes the room.
    m_table->sortByColumn(AlertsModel::Time, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AlertsModel::Message, QHeaderView::Stretch);
    m_table->setToolTip(tr("Enter acknowledges the selected alerts"));
    // Enter acknowledges the selected rows (Space is the replay's pause, window-wide).
    m_table->installEventFilter(this);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_desktop);
    bar->addWidget(m_sound);
    bar->addSpacing(12);
    bar->addWidget(m_acknowledge);
    bar->addWidget(m_acknowledgeAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedUnacknowledged();
        if (!ids.isEmpty())
            Q_EMIT acknowledgeRequested(ids);
    });
    connect(m_acknowledgeAllAction, &QAction::triggered, this, [this] {
        if (m_model->unacknowledgedCount() > 0)
            Q_EMIT acknowledgeAllRequested(m_model->newestId());
    });
    connect(m_acknowledgeAll, &QPushButton::clicked, m_acknowledgeAllAction, &QAction::trigger);
    connect(m_desktop, &QCheckBox::toggled, this,
        [this] { Q_EMIT settingsChanged(desktopNotifications(), sound()); });
    connect(m_sound, &QCheckBox::toggled, this,
        [this] { Q_EMIT settingsChanged(desktopNotifications(), sound()); });
    connect(m_model, &AlertsModel::unacknowledgedChanged, this, &AlertsPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsPanel::updateState);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPanel::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertsPanel::updateState);
    updateState();
}

bool AlertsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress
        && (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Return
            || static_cast<QKeyEvent*>(event)->key() == Qt::Key_Enter)) {
        m_acknowledge->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QList<qint64> AlertsPanel::selectedUnacknowledged() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        const QModelIndex status = row.siblingAtColumn(AlertsModel::Status);
        if (!status.data(Qt::UserRole).toBool())
            ids.append(row.data(AlertsModel::IdRole).toLongLong());
    }
    return ids;
}

void AlertsPanel::setSettings(bool desktop, bool sound)
{
    const QSignalBlocker b1(m_desktop);
    const QSignalBlocker b2(m_sound);
    m_desktop->setChecked(desktop && m_desktop->isEnabled());
    m_sound->setChecked(sound);
}

bool AlertsPanel::desktopNotifications() const
{
    return m_desktop->isChecked();
}

bool AlertsPanel::sound() const
{
    return m_sound->isChecked();
}

void AlertsPanel::setDesktopAvailable(bool available)
{
    m_desktop->setEnabled(available);
    if (!available)
        m_desktop->setChecked(false);
    m_desktop->setToolTip(available ? tr("Show each alert as a desktop notification (notification area)")
                                    : tr("This desktop has no notification area (system tray)"));
}

void AlertsPanel::updateState()
{
    const int open = m_model->unacknowledgedCount();
    const int all = m_model->rowCount();
    m_count->setText(
        all == 0 ? tr("No alerts in this session") : tr("%1 of %2 unacknowledged").arg(open).arg(all));
    m_count->setToolTip(m_count->text());
    m_acknowledgeAll->setEnabled(open > 0);
    m_acknowledgeAllAction->setEnabled(open > 0);
    m_acknowledge->setEnabled(!selectedUnacknowledged().isEmpty());
}

} // namespace veloce
