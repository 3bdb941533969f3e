#pragma once

#include <QFileInfo>
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

// Why the checkers cannot run here, or an empty string: Debian's chromium and the npm packages.
inline QString checkerMissing()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/chromium")))
        return QStringLiteral("Debian package chromium is required");
    if (!QFileInfo::exists(QStringLiteral(VELOCE_REPORT_NODE_MODULES "/playwright-core/package.json")))
        return QStringLiteral("playwright-core missing: build the report_browser_deps target");
    return QString();
}

// `script`: the checker to run (checkreport.js for backtest reports by default).
inline CheckerRun runChecker(
    const QStringList& args, const QString& script = QStringLiteral(VELOCE_REPORT_CHECKER))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QStringLiteral(VELOCE_REPORT_NODE_MODULES));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(VELOCE_NODE), QStringList { script } + args);
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
