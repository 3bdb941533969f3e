// The .deb a user installs: built by CPack, installed with apt-get, its veloce-cli runs a
// simulated backtest from /usr/bin, and it is removed again. Also validates the desktop
// integration files a software centre reads.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

class TestPackage : public QObject
{
    Q_OBJECT
private slots:
    void metainfoValidates();
    void debInstallsAndRuns();

private:
    static QString run(
        const QString& program, const QStringList& args, int* exitCode, int timeoutMs = 600000);
};

QString TestPackage::run(const QString& program, const QStringList& args, int* exitCode, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    p.waitForFinished();
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

void TestPackage::metainfoValidates()
{
    int rc = 0;
    const QString out = run(QStringLiteral("appstreamcli"),
        { QStringLiteral("validate"), QStringLiteral("--no-net"),
            QStringLiteral(VELOCE_SOURCE_DIR "/packaging/dev.veloce.Veloce.metainfo.xml") },
        &rc);
    QVERIFY2(rc == 0, qPrintable(out));
}

void TestPackage::debInstallsAndRuns()
{
    if (geteuid() != 0)
        QSKIP("installing a package needs root (CI runs as root)");
    QTemporaryDir dir;
    int rc = 0;
    QString out = run(QStringLiteral("cpack"),
        { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), dir.path(),
            QStringLiteral("--config"), QStringLiteral(VELOCE_BINARY_DIR "/CPackConfig.cmake") },
        &rc);
    QVERIFY2(rc == 0, qPrintable(out));
    const QStringList debs = QDir(dir.path()).entryList({ QStringLiteral("*.deb") });
    QCOMPARE(debs.size(), 1);
    const QString deb = QDir(dir.path()).filePath(debs.first());

    out = run(QStringLiteral("dpkg-deb"), { QStringLiteral("-c"), deb }, &rc);
    QCOMPARE(rc, 0);
    for (const char* path :
        { "./usr/bin/veloce-cli", "./usr/bin/veloce", "applications/dev.veloce.Veloce.desktop",
            "metainfo/dev.veloce.Veloce.metainfo.xml", "scalable/apps/dev.veloce.Veloce.svg",
            "256x256/apps/dev.veloce.Veloce.png", "man1/veloce-cli.1.gz" })
        QVERIFY2(out.contains(QLatin1String(path)), path);

    out = run(QStringLiteral("apt-get"),
        { QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("-q"), deb }, &rc);
    QVERIFY2(rc == 0, qPrintable(out));
    const auto removePackage = qScopeGuard([] {
        int ignored = 0;
        run(QStringLiteral("apt-get"),
            { QStringLiteral("remove"), QStringLiteral("-y"), QStringLiteral("-q"),
                QStringLiteral("veloce") },
            &ignored);
    });

    out = run(QStringLiteral("/usr/bin/veloce-cli"), { QStringLiteral("--version") }, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(out.startsWith(QLatin1String("veloce-cli ")), qPrintable(out));
    QTemporaryDir result;
    out = run(QStringLiteral("/usr/bin/veloce-cli"),
        { QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("20000"),
            QStringLiteral("--out"), result.path() },
        &rc);
    QVERIFY2(rc == 0, qPrintable(out));
    QVERIFY(QFile::exists(result.filePath(QStringLiteral("summary.json"))));
    QVERIFY(out.contains(QLatin1String("\"bars\": 20000")));

    // The installed window starts into its default paper session (offscreen platform) and trades,
    // with settings of its own (not those of the user running the tests). The simulator runs at
    // 600x instead of the demo's 60x so that the first position (a few hundred bars in) comes
    // about a second after start-up: the 15 s the window runs is over ten times what it needs.
    qputenv("XDG_CONFIG_HOME", result.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", result.filePath(QStringLiteral("data")).toUtf8());
    out = run(QStringLiteral("/usr/bin/veloce"),
        { QStringLiteral("--status-json"), QStringLiteral("--speed"), QStringLiteral("600"),
            QStringLiteral("--exit-after"), QStringLiteral("15"), QStringLiteral("--journal"),
            result.filePath(QStringLiteral("journal.sqlite")) },
        &rc, 60000);
    QVERIFY2(rc == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("\"event\":\"first_position\"")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
