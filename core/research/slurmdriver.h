#pragma once

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <map>
#include <stdexcept>

namespace veloce {

// A Slurm command failed or is missing; the message names the command and quotes its stderr.
class SlurmError : public std::runtime_error
{
public:
    explicit SlurmError(const QString& message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// Runs an array job on Slurm through its own commands (sbatch, squeue, sacct, scontrol), started as
// external processes: no cluster logic of our own (docs/research.md §6). Array task i is shard i.
//
// Thread contract: every call blocks the calling thread (QProcess, no event loop needed); each
// command has a time limit. SLURM_CONF and PATH come from the environment, as for the user's own
// sbatch.
class SlurmDriver
{
public:
    struct Script
    {
        QString jobName = QStringLiteral("veloce-sweep");
        int tasks = 1; // --array=1-tasks
        int cpusPerTask = 1;
        QString partition; // empty: the cluster's default
        QString logPattern; // --output; %a is the task id
        // The task's command; "{task}" in an argument becomes the array task id.
        QStringList command;
    };
    struct TaskState
    {
        QString state; // COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, ...
        QString exitCode; // "code:signal" as Slurm prints it
    };
    using Log = std::function<void(const QString&)>;

    // The sbatch file: #SBATCH lines and the command, every argument shell-quoted.
    static QString scriptText(const Script& script);

    // sbatch --parsable [--array=LIST] SCRIPT; returns the job id. `array` overrides the script's
    // --array (resubmitting single tasks).
    QString submit(const QString& scriptPath, const QString& array = QString()) const;
    // Polls squeue every `pollMs` until no task of `jobId` is pending or running (or `cancel` is
    // set: then returns at once), reporting changes through `log`. Returns the final state of every
    // task that Slurm still knows, by task id: from sacct, or from scontrol when accounting is off.
    // A task cancelled before it started may be known to neither.
    std::map<int, TaskState> wait(const QString& jobId, const Log& log,
        const std::atomic<bool>* cancel = nullptr, int pollMs = 1000) const;
    void cancel(const QString& jobId) const;

private:
    // Runs `program args`; returns its stdout. With `mayFail`, a non-zero exit returns a null
    // string instead of throwing.
    QString run(const QString& program, const QStringList& args, bool mayFail = false) const;
    std::map<int, TaskState> finalStates(const QString& jobId) const;
};

} // namespace veloce
