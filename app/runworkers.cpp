#include "runworkers.h"

#include <QThread>

namespace veloce {

RunWorkers::RunWorkers(QObject* owner)
    : m_owner(owner)
{
}

RunWorkers::~RunWorkers()
{
    for (Worker& w : m_workers)
        w.cancel->store(true);
    for (Worker& w : m_workers) {
        w.thread->wait();
        delete w.thread;
    }
}

void RunWorkers::start(int run, const QString& threadName, Body body)
{
    auto flag = std::make_shared<std::atomic<bool>>(false);
    QThread* thread = QThread::create([flag, body = std::move(body)] { body(flag.get()); });
    thread->setObjectName(threadName);
    QObject::connect(thread, &QThread::finished, m_owner, [this, thread] { reap(thread); });
    m_workers.push_back({ run, thread, flag });
    thread->start(QThread::LowPriority);
}

void RunWorkers::cancel(int run)
{
    for (Worker& w : m_workers)
        if (w.run == run)
            w.cancel->store(true);
}

void RunWorkers::reap(QThread* thread)
{
    for (auto it = m_workers.begin(); it != m_workers.end(); ++it) {
        if (it->thread == thread) {
            m_workers.erase(it);
            thread->deleteLater();
            return;
        }
    }
}

} // namespace veloce
