#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// Runs tests/report/checkreport.js (playwright-core + Debian's /usr/bin/chromium) on a report.
struct CheckerRun
{
    int exitCode = -1;
    QString output; // FAIL: lines and the RESULT line
    QJsonObject result; // the RESULT json: renderMs, fileBytes, ink, requests, ...
};

inline CheckerRun runChecker(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QStringLiteral(VELOCE_REPORT_NODE_MODULES));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(VELOCE_NODE), QStringList { QStringLiteral(VELOCE_REPORT_CHECKER) } + args);
    CheckerRun r;
    // A deadline against a hang: the longest run took 45 s on a shared 2-core machine (load ~30)
    // with a core busy.
    if (!p.waitForFinished(900000)) {
        p.kill();
        p.waitForFinished();
        r.output = QStringLiteral("checker timed out");
        return r;
    }
    r.output = QString::fromUtf8(p.readAll());
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    for (const QString& line : r.output.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("RESULT ")))
            r.result = QJsonDocument::fromJson(line.mid(7).toUtf8()).object();
    return r;
}
