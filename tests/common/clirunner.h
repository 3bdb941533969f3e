#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
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
    int timeoutMs = 300000;
    QString workingDirectory;
    // Runs in the child between fork and exec (e.g. setrlimit to make writes fail half-way).
    std::function<void()> childSetup;
};

inline CliRun runCli(const QStringList& args, const CliOptions& options)
{
    QProcess p;
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (options.childSetup)
        p.setChildProcessModifier(options.childSetup);
    p.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"), args);
    p.closeWriteChannel(); // stdin at its end: nothing may wait for a terminal
    CliRun r;
    if (!p.waitForFinished(options.timeoutMs)) {
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

inline CliRun runCli(const QStringList& args, int timeoutMs = 300000)
{
    CliOptions options;
    options.timeoutMs = timeoutMs;
    return runCli(args, options);
}
