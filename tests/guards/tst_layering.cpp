// The layering check (.ci/check-layering) passes on the real tree and fails on each kind of
// include that goes against docs/architecture.md's direction of dependencies.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestLayering : public QObject
{
    Q_OBJECT
private slots:
    void realTreeIsClean();
    void violationsAreCaught_data();
    void violationsAreCaught();

private:
    static int check(const QString& root, QString* output);
};

int TestLayering::check(const QString& root, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), { QStringLiteral(VELOCE_SOURCE_DIR "/.ci/check-layering"), root });
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

void TestLayering::realTreeIsClean()
{
    QString out;
    QCOMPARE(check(QStringLiteral(VELOCE_SOURCE_DIR), &out), 0);
    QVERIFY2(out.contains(QLatin1String("clean")), qPrintable(out));
}

void TestLayering::violationsAreCaught_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("include");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("strategy -> engine (upward)") << "core/strategy/x.cpp"
                                                 << "engine/backtester.h" << false;
    QTest::newRow("types -> data (upward)") << "core/types/x.h"
                                            << "data/barsource.h" << false;
    QTest::newRow("core -> widgets") << "core/report/x.cpp"
                                     << "widgets/mainwindow.h" << false;
    QTest::newRow("core -> QtWidgets") << "core/engine/x.cpp"
                                       << "QtWidgets/QWidget" << false;
    QTest::newRow("core -> QWidget") << "core/safety/x.cpp"
                                     << "QWidget" << false;
    QTest::newRow("widgets -> app") << "widgets/x.cpp"
                                    << "app/cli.h" << false;
    QTest::newRow("engine -> strategy (leftward)") << "core/engine/x.cpp"
                                                   << "strategy/strategy.h" << true;
    QTest::newRow("widgets -> report") << "widgets/x.cpp"
                                       << "report/summaryjson.h" << true;
    QTest::newRow("research -> report (upward)") << "core/research/x.cpp"
                                                 << "report/htmlreport.h" << false;
    QTest::newRow("engine -> research (upward)") << "core/engine/x.cpp"
                                                 << "research/sweep.h" << false;
    QTest::newRow("research -> engine (leftward)") << "core/research/x.cpp"
                                                   << "engine/backtester.h" << true;
    QTest::newRow("report -> research (leftward)") << "core/report/x.cpp"
                                                   << "research/sweepresult.h" << true;
    QTest::newRow("same layer") << "core/data/x.cpp"
                                << "data/barsource.h" << true;
}

void TestLayering::violationsAreCaught()
{
    QFETCH(QString, file);
    QFETCH(QString, include);
    QFETCH(bool, allowed);
    QTemporaryDir tree;
    for (const char* d : { "core/types", "core/data", "core/strategy", "core/engine", "core/report",
             "core/safety", "core/research", "widgets", "app" })
        QVERIFY(QDir(tree.path()).mkpath(QLatin1String(d)));
    QFile f(tree.filePath(file));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("#pragma once\n#include <vector>\n#include \"%1\"\n").arg(include).toUtf8());
    f.close();
    QString out;
    const int rc = check(tree.path(), &out);
    QCOMPARE(rc == 0, allowed);
    if (!allowed)
        QVERIFY2(out.contains(file + QStringLiteral(":3:")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
