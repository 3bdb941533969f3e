#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace veloce {

class SessionsModel;

// File -> Sessions: the journal's past sessions in a sortable table. "Open in dashboard" (or a
// double click, or Enter) shows the selected one read-only in the backtest dashboard; "Export
// HTML report" writes its report. A view: the app reads the journal and loads sessions.
class SessionsBrowser : public QDialog
{
    Q_OBJECT
public:
    explicit SessionsBrowser(QWidget* parent = nullptr);

    SessionsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void setJournal(const QString& path);
    // A line under the table: "loading session 4…", an error, or empty.
    void setStatus(const QString& text, bool error = false);
    QString statusText() const;
    // Id of the session in the selected row, 0 when none.
    qint64 selectedId() const;
    void selectId(qint64 id);

Q_SIGNALS:
    void openRequested(qint64 sessionId);
    void exportRequested(qint64 sessionId);
    void refreshRequested();

private:
    void updateButtons();

    SessionsModel* m_model;
    QTableView* m_table;
    QLabel* m_journal;
    QLabel* m_status;
    QPushButton* m_open;
    QPushButton* m_export;
};

} // namespace veloce
