#include "slurmsweep.h"

#include "clicommand.h"
#include "data/dataerror.h"
#include "report/jsonfile.h"
#include "report/sweepfolder.h"
#include "research/slurmdriver.h"
#include "sweepmergecommand.h"
#include "sweepoutput.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>
#include <set>

namespace veloce {

SlurmSweep::SlurmSweep(const ResearchInputs& inputs, const QString& out, int shards, const QString& partition)
    : m_inputs(inputs)
    , m_out(out)
    , m_shards(shards)
    , m_partition(partition)
{
}

QString SlurmSweep::shardDir(int shard) const
{
    return QDir(m_out).filePath(QStringLiteral("shards/%1").arg(shard));
}

QString SlurmSweep::writeScript() const
{
    const QString slurmDir = QDir(m_out).filePath(QStringLiteral("slurm"));
    if (!QDir().mkpath(slurmDir) || !QDir().mkpath(QDir(m_out).filePath(QStringLiteral("shards"))))
        throw DataError(QStringLiteral("cannot create %1").arg(slurmDir));
    SlurmDriver::Script script;
    script.tasks = m_shards;
    script.cpusPerTask = m_inputs.jobs();
    script.partition = m_partition;
    script.logPattern = QDir(slurmDir).filePath(QStringLiteral("shard-%a.log"));
    // The task runs this very executable: on a cluster it must be at the same path on every node
    // (an installed package, or a shared filesystem), like the data and OUT (README.md).
    script.command << QCoreApplication::applicationFilePath() << QStringLiteral("sweep")
                   << m_inputs.forwardedArguments() << QStringLiteral("--jobs")
                   << QString::number(m_inputs.jobs()) << QStringLiteral("--shard")
                   << QStringLiteral("{task}/%1").arg(m_shards) << QStringLiteral("--out")
                   << QDir(m_out).filePath(QStringLiteral("shards/{task}"));
    const QString path = QDir(slurmDir).filePath(QStringLiteral("sweep.sbatch"));
    JsonFile::write(path, SlurmDriver::scriptText(script).toUtf8());
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner);
    return path;
}

QString SlurmSweep::resubmitHint(const QStringList& shards) const
{
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    for (qsizetype i = 0; i < args.size(); ++i) { // drop an earlier --resubmit
        if (args[i] == QLatin1String("--resubmit") && i + 1 < args.size()) {
            args.remove(i, 2);
            --i;
        } else if (args[i].startsWith(QLatin1String("--resubmit="))) {
            args.remove(i);
            --i;
        }
    }
    return QStringLiteral("veloce-cli %1 --resubmit %2")
        .arg(args.join(QLatin1Char(' ')), shards.join(QLatin1Char(',')));
}

int SlurmSweep::run(const QString& resubmit)
{
    QTextStream err(stderr);
    std::set<int> submitted;
    if (resubmit.isEmpty()) {
        for (int i = 1; i <= m_shards; ++i)
            submitted.insert(i);
    } else {
        for (const QString& part : resubmit.split(QLatin1Char(','))) {
            bool ok = false;
            const int i = part.trimmed().toInt(&ok);
            if (!ok || i < 1 || i > m_shards)
                throw UsageError(QStringLiteral("--resubmit: \"%1\" is not a shard number from 1 to %2")
                                     .arg(part)
                                     .arg(m_shards));
            submitted.insert(i);
        }
    }
    // A submitted shard starts from nothing: an old shard.json must not pass for its result (a
    // fresh run clears every shard folder, also those of an earlier run with more shards).
    const QDir shardsRoot(QDir(m_out).filePath(QStringLiteral("shards")));
    for (const QString& sub : shardsRoot.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numbered = false;
        const int i = sub.toInt(&numbered);
        if (numbered && (resubmit.isEmpty() || submitted.count(i)))
            QFile::remove(QDir(shardsRoot.filePath(sub)).filePath(QLatin1String(SweepFolder::kShardJson)));
    }

    const QString script = writeScript();
    SlurmDriver slurm;
    QStringList array;
    for (const int i : submitted)
        array << QString::number(i);
    const QString job = slurm.submit(script, resubmit.isEmpty() ? QString() : array.join(QLatin1Char(',')));
    err << QStringLiteral("submitted Slurm job %1: shard(s) %2 of %3, script %4\n")
               .arg(job, array.join(QLatin1Char(',')))
               .arg(m_shards)
               .arg(script);
    err.flush();
    const auto states = slurm.wait(job, [&](const QString& line) {
        err << line << '\n';
        err.flush();
    });

    QStringList failed;
    for (int i = 1; i <= m_shards; ++i) {
        QString problem;
        try {
            SweepFolder::readShard(shardDir(i));
        } catch (const DataError& e) {
            problem = e.message();
        }
        if (problem.isEmpty())
            continue;
        failed << QString::number(i);
        QString state = QStringLiteral("not run (cancelled before it started, or not submitted)");
        if (submitted.count(i) && states.count(i))
            state = QStringLiteral("%1, exit code %2").arg(states.at(i).state, states.at(i).exitCode);
        err << QStringLiteral("shard %1/%2 failed: %3; %4; log %5\n")
                   .arg(i)
                   .arg(m_shards)
                   .arg(state, problem, QDir(m_out).filePath(QStringLiteral("slurm/shard-%1.log").arg(i)));
    }
    if (!failed.isEmpty()) {
        err << QStringLiteral("resubmit the failed shard(s) alone:\n  %1\n").arg(resubmitHint(failed));
        return 1;
    }
    const SweepResult merged = SweepMergeCommand::merge(QDir(m_out).filePath(QStringLiteral("shards")));
    const auto markets = m_inputs.loadMarkets();
    SweepMergeCommand::checkData(merged, markets);
    SweepOutput::write(merged, m_inputs.plan(), markets, m_out);
    return 0;
}

} // namespace veloce
