#pragma once

#include "backtestrunner.h"

#include <QObject>
#include <QPointer>

namespace veloce {

class SessionsBrowser;

// File -> Sessions: lists the journal's past sessions in the SessionsBrowser and loads one for
// the dashboard (and its HTML report). Reads through JournalReader only -- a read-only SQLite
// connection -- never through the Journal writer, so it is safe while a session runs.
//
// Threads: the list is read on the GUI thread (a few grouped queries); a session is loaded on a
// worker thread (its own reader and connection) and handed back as immutable values through a
// queued call. Each load has a run id: a late answer for an older request is dropped.
class SessionHistory : public QObject
{
    Q_OBJECT
public:
    SessionHistory(QWidget* window, QObject* parent = nullptr);
    ~SessionHistory() override;

    void setJournal(const QString& path) { m_path = path; }
    QString journal() const { return m_path; }
    SessionsBrowser* browser() const { return m_browser; }

public Q_SLOTS:
    // Opens the browser and (re)reads the list.
    void show();
    void refresh();
    // Loads session `id`; loaded() follows (or failed()).
    void load(qint64 id, bool thenExport = false);

Q_SIGNALS:
    void loaded(
        veloce::BacktestRunner::ResultPtr result, veloce::BacktestRunner::ReportPtr report, bool thenExport);
    void failed(const QString& message);

private:
    QString m_path;
    SessionsBrowser* m_browser;
    int m_run = 0;
    std::vector<QThread*> m_workers;
};

} // namespace veloce
