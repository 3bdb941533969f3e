#include "research/slurmdriver.h"

#include <QProcess>
#include <QRegularExpression>
#include <thread>

namespace veloce {

namespace {
constexpr int kCommandTimeoutMs = 60000;

// Single-quoted for bash; "{task}" becomes "${SLURM_ARRAY_TASK_ID}" outside the quotes.
QString shellQuote(const QString& arg)
{
    const auto quote = [](QString p) -> QString {
        p.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + p + QLatin1Char('\'');
    };
    if (!arg.contains(QStringLiteral("{task}")))
        return quote(arg);
    QStringList parts = arg.split(QStringLiteral("{task}"));
    for (QString& p : parts)
        if (!p.isEmpty())
            p = quote(p);
    return parts.join(QStringLiteral("\"${SLURM_ARRAY_TASK_ID}\""));
}

// "12_3" -> 3 for the array job 12; -1 for anything else (the array's pending meta record "12_[3-4]").
int taskOf(const QString& id, const QString& jobId)
{
    if (!id.startsWith(jobId + QLatin1Char('_')))
        return -1;
    bool ok = false;
    const int task = id.mid(jobId.size() + 1).toInt(&ok);
    return ok ? task : -1;
}
} // namespace

QString SlurmDriver::scriptText(const Script& s)
{
    QString text = QStringLiteral("#!/bin/bash\n"
                                  "# Written by veloce-cli: one array task per shard (docs/research.md).\n");
    text += QStringLiteral("#SBATCH --job-name=%1\n").arg(s.jobName);
    text += QStringLiteral("#SBATCH --array=1-%1\n").arg(s.tasks);
    text += QStringLiteral("#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=%1\n").arg(s.cpusPerTask);
    if (!s.logPattern.isEmpty())
        text += QStringLiteral("#SBATCH --output=%1\n").arg(s.logPattern);
    if (!s.partition.isEmpty())
        text += QStringLiteral("#SBATCH --partition=%1\n").arg(s.partition);
    text += QStringLiteral("set -eu\nexec");
    for (const QString& arg : s.command)
        text += QLatin1Char(' ') + shellQuote(arg);
    text += QLatin1Char('\n');
    return text;
}

QString SlurmDriver::run(const QString& program, const QStringList& args, bool mayFail) const
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(kCommandTimeoutMs))
        throw SlurmError(QStringLiteral("%1: cannot start (%2); is Slurm installed and on PATH?")
                             .arg(program, p.errorString()));
    if (!p.waitForFinished(kCommandTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        throw SlurmError(QStringLiteral("%1 %2: no answer within %3 s")
                             .arg(program, args.join(QLatin1Char(' ')))
                             .arg(kCommandTimeoutMs / 1000));
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (mayFail)
            return QString();
        throw SlurmError(QStringLiteral("%1 %2 failed (exit code %3): %4")
                             .arg(program, args.join(QLatin1Char(' ')))
                             .arg(p.exitCode())
                             // The tool's own words, but not a page of them in one message.
                             .arg(QString::fromUtf8(p.readAllStandardError().left(2000)).trimmed()));
    }
    return out;
}

QString SlurmDriver::submit(const QString& scriptPath, const QString& array) const
{
    QStringList args { QStringLiteral("--parsable") };
    if (!array.isEmpty())
        args << QStringLiteral("--array=") + array;
    args << scriptPath;
    // --parsable prints "jobid" or "jobid;cluster".
    const QString id = run(QStringLiteral("sbatch"), args).trimmed().section(QLatin1Char(';'), 0, 0);
    if (id.isEmpty() || !id.at(0).isDigit())
        throw SlurmError(QStringLiteral("sbatch %1: unexpected answer \"%2\"").arg(scriptPath, id));
    return id;
}

std::map<int, SlurmDriver::TaskState> SlurmDriver::wait(
    const QString& jobId, const Log& log, const std::atomic<bool>* cancel, int pollMs) const
{
    static const QRegularExpression pendingRange(QStringLiteral("_\\[(\\d+)-(\\d+)"));
    QString last;
    while (!(cancel && cancel->load())) {
        // One line per running task and one for the array's pending rest; an unknown job (gone
        // from the controller) fails, which also means it is over.
        const QString out = run(QStringLiteral("squeue"),
            { QStringLiteral("-h"), QStringLiteral("-j"), jobId, QStringLiteral("-o"),
                QStringLiteral("%i %T") },
            true);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        int pending = 0, running = 0;
        for (const QString& line : lines) {
            const QString state = line.section(QLatin1Char(' '), 1, 1);
            const QString id = line.section(QLatin1Char(' '), 0, 0);
            const QRegularExpressionMatch range = pendingRange.match(id);
            const int count
                = range.hasMatch() ? range.captured(2).toInt() - range.captured(1).toInt() + 1 : 1;
            (state == QLatin1String("PENDING") ? pending : running) += count;
        }
        const QString now
            = QStringLiteral("job %1: %2 pending, %3 running").arg(jobId).arg(pending).arg(running);
        if (now != last && log)
            log(now);
        last = now;
        if (lines.isEmpty())
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(pollMs));
    }
    if (cancel && cancel->load())
        return {};
    return finalStates(jobId);
}

std::map<int, SlurmDriver::TaskState> SlurmDriver::finalStates(const QString& jobId) const
{
    std::map<int, TaskState> states;
    // Accounting, where the cluster keeps it ...
    const QString acct = run(QStringLiteral("sacct"),
        { QStringLiteral("-j"), jobId, QStringLiteral("-X"), QStringLiteral("-n"), QStringLiteral("-P"),
            QStringLiteral("-o"), QStringLiteral("JobID,State,ExitCode") },
        true);
    for (const QString& line : acct.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('|'));
        const int task = f.size() >= 3 ? taskOf(f[0], jobId) : -1;
        if (task >= 0)
            states[task] = { f[1].section(QLatin1Char(' '), 0, 0), f[2] }; // "CANCELLED by 0" -> CANCELLED
    }
    if (!states.empty())
        return states;
    // ... else the controller's memory of finished jobs (MinJobAge, 300 s by default).
    const QString jobs = run(QStringLiteral("scontrol"),
        { QStringLiteral("-o"), QStringLiteral("show"), QStringLiteral("job"), jobId }, true);
    static const QRegularExpression field(QStringLiteral("(\\w+)=(\\S*)"));
    for (const QString& line : jobs.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        std::map<QString, QString> kv;
        for (auto it = field.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            kv.emplace(m.captured(1), m.captured(2));
        }
        if (kv[QStringLiteral("ArrayJobId")] != jobId)
            continue;
        bool ok = false;
        const int task = kv[QStringLiteral("ArrayTaskId")].toInt(&ok);
        if (ok)
            states[task] = { kv[QStringLiteral("JobState")], kv[QStringLiteral("ExitCode")] };
    }
    return states;
}

void SlurmDriver::cancel(const QString& jobId) const
{
    run(QStringLiteral("scancel"), { jobId });
}

} // namespace veloce
