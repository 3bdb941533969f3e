#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <csignal>
#include <random>

// A real one-node Slurm cluster for one test: a private munged (key, socket, pid, log and seed
// files in a temporary folder), `slurmctld -D` and `slurmd -D` with a slurm.conf of their own (free
// ports, proctrack/linuxproc, task/none, select/cons_tres, one node named after `hostname -s`
// with the machine's CPUs). Commands find it through SLURM_CONF. Daemons are stopped by their pid
// files. Needs root (slurmd runs the jobs) and Debian's slurm-wlm and munge.
class SlurmCluster
{
public:
    ~SlurmCluster() { stop(); }

    QString error() const { return m_error; }
    QString conf() const { return m_dir.filePath(QStringLiteral("slurm.conf")); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_CONF"), conf());
        return env;
    }

    bool start()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        // munged refuses a socket whose folders others cannot enter.
        QFile::setPermissions(m_dir.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
        QDir(m_dir.path()).mkpath(QStringLiteral("state"));
        QDir(m_dir.path()).mkpath(QStringLiteral("spool"));
        QFile key(path(QStringLiteral("munge.key")));
        if (!key.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write the munge key"));
        std::random_device random;
        QByteArray bytes(1024, '\0');
        for (char& b : bytes)
            b = static_cast<char>(random());
        key.write(bytes);
        key.close();
        key.setPermissions(QFileDevice::ReadOwner);

        // munged forks into the background; its pid file says which process to stop.
        if (!run(QStringLiteral("munged"),
                { QStringLiteral("--key-file=") + path(QStringLiteral("munge.key")),
                    QStringLiteral("--socket=") + path(QStringLiteral("munge.socket")),
                    QStringLiteral("--pid-file=") + path(QStringLiteral("munged.pid")),
                    QStringLiteral("--log-file=") + path(QStringLiteral("munged.log")),
                    QStringLiteral("--seed-file=") + path(QStringLiteral("munged.seed")) }))
            return false;

        const QString host = QHostInfo::localHostName().section(QLatin1Char('.'), 0, 0);
        // Both ports held while choosing, so they differ.
        QTcpServer controllerPort, nodePort;
        if (!controllerPort.listen(QHostAddress::Any, 0) || !nodePort.listen(QHostAddress::Any, 0))
            return fail(QStringLiteral("no free TCP port"));
        const int ports[] = { controllerPort.serverPort(), nodePort.serverPort() };
        controllerPort.close();
        nodePort.close();
        QFile conf(this->conf());
        if (!conf.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write slurm.conf"));
        conf.write(QStringLiteral("ClusterName=velocetest\n"
                                  "SlurmctldHost=%1\n"
                                  "SlurmctldPort=%2\n"
                                  "SlurmdPort=%3\n"
                                  "AuthType=auth/munge\n"
                                  "CredType=cred/munge\n"
                                  "AuthInfo=socket=%4\n"
                                  "SlurmUser=root\n"
                                  "SlurmdUser=root\n"
                                  "StateSaveLocation=%5\n"
                                  "SlurmdSpoolDir=%6\n"
                                  "SlurmctldPidFile=%7\n"
                                  "SlurmdPidFile=%8\n"
                                  "SlurmctldLogFile=%9\n")
                       .arg(host)
                       .arg(ports[0])
                       .arg(ports[1])
                       .arg(path(QStringLiteral("munge.socket")), path(QStringLiteral("state")),
                           path(QStringLiteral("spool")), path(QStringLiteral("slurmctld.pid")),
                           path(QStringLiteral("slurmd.pid")), path(QStringLiteral("slurmctld.log")))
                       .toUtf8());
        conf.write(QStringLiteral("SlurmdLogFile=%1\n"
                                  "ProctrackType=proctrack/linuxproc\n"
                                  "TaskPlugin=task/none\n"
                                  "SelectType=select/cons_tres\n"
                                  "SelectTypeParameters=CR_CPU\n"
                                  "SwitchType=switch/none\n"
                                  "MpiDefault=none\n"
                                  "ReturnToService=2\n"
                                  "JobAcctGatherType=jobacct_gather/none\n"
                                  "AccountingStorageType=accounting_storage/none\n"
                                  "JobCompType=jobcomp/none\n"
                                  "MinJobAge=600\n"
                                  "NodeName=%2 CPUs=%3 State=UNKNOWN\n"
                                  "PartitionName=test Nodes=%2 Default=YES MaxTime=INFINITE State=UP\n")
                       .arg(path(QStringLiteral("slurmd.log")), host)
                       .arg(QThread::idealThreadCount())
                       .toUtf8());
        conf.close();

        for (QProcess* daemon : { &m_controller, &m_node }) {
            daemon->setProcessEnvironment(environment());
            daemon->setProcessChannelMode(QProcess::MergedChannels);
            daemon->setStandardOutputFile(path(
                daemon == &m_controller ? QStringLiteral("slurmctld.out") : QStringLiteral("slurmd.out")));
        }
        m_controller.start(QStringLiteral("slurmctld"), { QStringLiteral("-D") });
        m_node.start(QStringLiteral("slurmd"), { QStringLiteral("-D") });
        if (!m_controller.waitForStarted() || !m_node.waitForStarted())
            return fail(QStringLiteral("slurmctld/slurmd did not start"));
        // Up when the node reports idle.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            QProcess sinfo;
            sinfo.setProcessEnvironment(environment());
            sinfo.start(QStringLiteral("sinfo"),
                { QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%T") });
            sinfo.waitForFinished();
            if (QString::fromUtf8(sinfo.readAllStandardOutput()).trimmed() == QLatin1String("idle"))
                return true;
            QThread::msleep(200);
        }
        return fail(
            QStringLiteral("the node never became idle; see %1").arg(path(QStringLiteral("slurmctld.log"))));
    }

    void stop()
    {
        for (const char* pidFile : { "slurmd.pid", "slurmctld.pid", "munged.pid" }) {
            QFile f(path(QLatin1String(pidFile)));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const qint64 pid = f.readAll().trimmed().toLongLong();
            f.close();
            if (pid > 0)
                ::kill(static_cast<pid_t>(pid), SIGTERM);
            QFile::remove(f.fileName());
        }
        for (QProcess* daemon : { &m_node, &m_controller })
            if (daemon->state() != QProcess::NotRunning && !daemon->waitForFinished(15000))
                daemon->kill();
    }

    // Runs a Slurm command against this cluster; returns stdout (empty on failure).
    QString command(const QString& program, const QStringList& args) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(program, args);
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private:
    bool fail(const QString& what)
    {
        m_error = what;
        return false;
    }
    bool run(const QString& program, const QStringList& args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return fail(
                QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(p.readAllStandardError())));
        return true;
    }
    QTemporaryDir m_dir;
    QProcess m_controller;
    QProcess m_node;
    QString m_error;
};
