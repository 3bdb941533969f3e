#include "sessionhistory.h"

#include "report/journalresult.h"
#include "safety/journal.h"
#include "safety/journalreader.h"
#include "sessionsbrowser.h"
#include "sessionsmodel.h"

#include <QThread>
#include <algorithm>

namespace veloce {

SessionHistory::SessionHistory(QWidget* window, QObject* parent)
    : QObject(parent)
    , m_browser(new SessionsBrowser(window))
{
    connect(m_browser, &SessionsBrowser::refreshRequested, this, &SessionHistory::refresh);
    connect(m_browser, &SessionsBrowser::openRequested, this, [this](qint64 id) { load(id, false); });
    connect(m_browser, &SessionsBrowser::exportRequested, this, [this](qint64 id) { load(id, true); });
}

SessionHistory::~SessionHistory()
{
    for (QThread* t : m_workers) {
        t->wait();
        delete t;
    }
}

void SessionHistory::show()
{
    refresh();
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
}

void SessionHistory::refresh()
{
    m_browser->setJournal(m_path);
    try {
        const JournalReader reader(m_path);
        const qint64 selected = m_browser->selectedId();
        m_browser->model()->setSessions(reader.sessions());
        m_browser->setStatus(tr("%n session(s)", nullptr, m_browser->model()->rowCount()));
        m_browser->selectId(selected > 0
                ? selected
                : (m_browser->model()->rowCount() > 0 ? m_browser->model()->sessions().front().id : 0));
    } catch (const JournalError& e) {
        m_browser->model()->setSessions({});
        m_browser->setStatus(QString::fromUtf8(e.what()), true);
    }
}

void SessionHistory::load(qint64 id, bool thenExport)
{
    const int run = ++m_run;
    m_browser->setStatus(tr("Loading session %1\u2026").arg(id));
    const QString path = m_path;
    QPointer<SessionHistory> self(this);
    QThread* thread = QThread::create([self, run, path, id, thenExport] {
        BacktestRunner::ResultPtr result;
        BacktestRunner::ReportPtr report;
        QString error;
        try {
            const JournalSession session = JournalReader(path).session(id);
            auto r = std::make_shared<BacktestResult>(JournalResult::result(session));
            report = std::make_shared<ReportData>(JournalResult::report(session, *r));
            result = std::move(r);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, run, result, report, error, thenExport] {
                if (!self || run != self->m_run)
                    return; // superseded by a newer request
                if (!error.isEmpty()) {
                    self->m_browser->setStatus(error, true);
                    Q_EMIT self->failed(error);
                    return;
                }
                self->m_browser->setStatus(
                    tr("Session %1 is shown in the dashboard (read-only).").arg(result->journalSessionId));
                Q_EMIT self->loaded(result, report, thenExport);
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("veloce-session-load"));
    m_workers.push_back(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_workers.erase(std::remove(m_workers.begin(), m_workers.end(), thread), m_workers.end());
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
}

} // namespace veloce
