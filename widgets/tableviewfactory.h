#pragma once

class QAbstractItemModel;
class QString;
class QTableView;
class QWidget;

namespace veloce::TableViewFactory {

// The one look of every table in the window (positions, closed trades, dashboard trades and
// signals): sortable through a proxy on Qt::UserRole (models give raw numbers there, so sorting
// is numeric, not by the formatted text), whole-row selection, compact rows.
QTableView* create(QAbstractItemModel* model, const QString& objectName, QWidget* parent);

} // namespace veloce::TableViewFactory
