#pragma once

#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>

// Runs the real veloce-cli executable, as a user or a script would.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct CliOptions
{
    int timeoutMs = 300000; // a deadline against a hang, not a speed limit
    QString workingDirectory;
    // Runs in the child between fork and exec (e.g. setrlimit to make writes fail half-way).
    std::function<void()> childSetup;
};

// What a finished child left; one still running (out of time) is killed.
inline CliRun cliResult(QProcess& p)
{
    CliRun r;
    if (p.error() == QProcess::FailedToStart) {
        r.err = QStringLiteral("veloce-cli did not start: ") + p.errorString();
        return r;
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline CliRun runCli(const QStringList& args, const CliOptions& options)
{
    QProcess p;
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (options.childSetup)
        p.setChildProcessModifier(options.childSetup);
    p.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"), args);
    p.closeWriteChannel(); // stdin at its end: nothing may wait for a terminal
    p.waitForFinished(options.timeoutMs);
    return cliResult(p);
}

inline CliRun runCli(const QStringList& args, int timeoutMs = 300000)
{
    CliOptions options;
    options.timeoutMs = timeoutMs;
    return runCli(args, options);
}

// The same, while this thread's event loop keeps running: for a child that talks to a loopback
// server living in the test (FakeFreqtrade, LoopbackHttpServer). `env` adds variables.
inline CliRun runCliServing(
    const QStringList& args, const QProcessEnvironment& env = {}, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(env);
    p.setProcessEnvironment(e);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"), args);
    p.closeWriteChannel();
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    return cliResult(p);
}
