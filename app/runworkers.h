#pragma once

#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QObject;
class QThread;

namespace veloce {

// The worker threads of a GUI runner (BacktestRunner, OptimizerRunner): each run gets a QThread of
// its own (low priority: the GUI thread stays first in line) and a cancel flag; a finished thread
// is deleted on the owner's thread; the destructor sets every flag and joins every thread, so no
// worker outlives the runner that reads its results.
//
// Thread contract: owned by a runner on the GUI thread; every member function is called there. The
// body runs on the worker and gets its run's flag, which stays alive as long as the body runs.
class RunWorkers
{
public:
    using Body = std::function<void(const std::atomic<bool>* cancel)>;

    explicit RunWorkers(QObject* owner);
    ~RunWorkers();
    RunWorkers(const RunWorkers&) = delete;
    RunWorkers& operator=(const RunWorkers&) = delete;

    void start(int run, const QString& threadName, Body body);
    // Sets the flag of every worker of `run`.
    void cancel(int run);
    // Workers still alive (a cancelled run winds down in the background).
    int count() const { return int(m_workers.size()); }

private:
    struct Worker
    {
        int run = 0;
        QThread* thread = nullptr;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    void reap(QThread* thread);

    QObject* m_owner;
    std::vector<Worker> m_workers;
};

} // namespace veloce
