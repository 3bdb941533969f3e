#include "sessionsbrowser.h"

#include "sessionsmodel.h"
#include "tableviewfactory.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace veloce {

SessionsBrowser::SessionsBrowser(QWidget* parent)
    : QDialog(parent)
    , m_model(new SessionsModel(this))
    , m_journal(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("sessionsBrowser"));
    setWindowTitle(tr("Sessions"));
    m_table = TableViewFactory::create(m_model, QStringLiteral("sessionsTable"), this);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->sortByColumn(SessionsModel::Id, Qt::DescendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_journal->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    m_journal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    m_open = buttons->addButton(tr("Open in dashboard"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openSession"));
    m_open->setToolTip(tr("Show the session read-only in the dashboard: equity, trades and signals"));
    m_export = buttons->addButton(tr("Export HTML report\u2026"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportSession"));
    QPushButton* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ResetRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedId())
            Q_EMIT openRequested(id);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedId())
            Q_EMIT exportRequested(id);
    });
    connect(refresh, &QPushButton::clicked, this, &SessionsBrowser::refreshRequested);
    connect(m_table, &QTableView::activated, this, [this] {
        if (const qint64 id = selectedId())
            Q_EMIT openRequested(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SessionsBrowser::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SessionsBrowser::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_journal);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1180, 520);
    updateButtons();
}

void SessionsBrowser::setJournal(const QString& path)
{
    m_journal->setText(tr("Journal: %1 (read-only)").arg(path));
}

void SessionsBrowser::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? Theme::down() : Theme::mutedText()).name()));
}

QString SessionsBrowser::statusText() const
{
    return m_status->text();
}

qint64 SessionsBrowser::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionsModel::IdRole).toLongLong();
}

void SessionsBrowser::selectId(qint64 id)
{
    QAbstractItemModel* shown = m_table->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, 0);
        if (index.data(SessionsModel::IdRole).toLongLong() == id) {
            m_table->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}

void SessionsBrowser::updateButtons()
{
    const bool any = selectedId() != 0;
    m_open->setEnabled(any);
    m_export->setEnabled(any);
}

} // namespace veloce
