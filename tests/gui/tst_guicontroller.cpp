// The GUI's wiring with the real engine: a backtest from the GUI shows the same numbers as
// `veloce-cli backtest` on the same file; a re-run discards the stale run; the kill switch
// control halts a real paper session, flattens it and shows the outcome until re-armed.
#include "backtestpanel.h"
#include "backtestrunner.h"
#include "clirunner.h"
#include "dashboard.h"
#include "displayformat.h"
#include "isolatedsettings.h"
#include "killswitchbutton.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "report/summaryjson.h"
#include "sessioncontroller.h"
#include "sessionstatus.h"
#include "statcard.h"

#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace veloce;

namespace {
const QString kFile = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2024-01-01_2024-03-31.csv.gz");

nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString());
}

GuiOptions quietOptions(const QString& journal)
{
    GuiOptions o;
    o.session = false;
    o.journalPath = journal;
    return o;
}
} // namespace

class TestGuiController : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_guicontroller"));
    }

    void backtestFromTheGuiEqualsTheCli()
    {
        QVERIFY2(QFile::exists(kFile), qPrintable(kFile));
        const QString out = m_dir.filePath(QStringLiteral("cli"));
        const CliRun cli = runCli(
            { QStringLiteral("backtest"), QStringLiteral("--data"), kFile, QStringLiteral("--out"), out });
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const nlohmann::json want = readJson(out + QStringLiteral("/summary.json"));
        QVERIFY(want.is_object());

        MainController controller(quietOptions(m_dir.filePath(QStringLiteral("j1.sqlite"))));
        QVERIFY(controller.start());
        QSignalSpy done(controller.runner(), &BacktestRunner::finished);
        QSignalSpy failed(controller.runner(), &BacktestRunner::failed);
        controller.backtestFile(kFile);
        QVERIFY(done.wait(240000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        Dashboard* dash = controller.window()->dashboard();
        QVERIFY(dash->result());
        QVERIFY(controller.window()->dashboardShown());

        // Every number of summary.json, from the result the dashboard shows.
        // Compared as unordered JSON: key order is the writer's business, values are the user's.
        const nlohmann::json got = nlohmann::json::parse(SummaryJson::toJson(dash->result()->summary).dump());
        for (auto it = want.begin(); it != want.end(); ++it) {
            if (it.key() == "elapsed_ms" || it.key() == "bars_per_second")
                continue; // wall-clock figures of each run
            QVERIFY2(got.contains(it.key()), it.key().c_str());
            QVERIFY2(got[it.key()] == it.value(),
                qPrintable(
                    QStringLiteral("%1: gui %2, cli %3")
                        .arg(QString::fromStdString(it.key()), QString::fromStdString(got[it.key()].dump()),
                            QString::fromStdString(it.value().dump()))));
        }
        // And the cards show those numbers.
        const auto card = [&](const char* key) { return dash->card(QString::fromLatin1(key))->value(); };
        QCOMPARE(card("total_return"), DisplayFormat::percent(want["total_return"].get<double>(), 2, true));
        QCOMPARE(card("final_equity"), DisplayFormat::money(want["final_equity"].get<double>()));
        QCOMPARE(card("max_drawdown"), DisplayFormat::percent(want["max_drawdown"].get<double>()));
        QCOMPARE(card("sharpe_ratio"), DisplayFormat::number(want["sharpe_ratio"].get<double>(), 2));
        QCOMPARE(card("win_rate"), DisplayFormat::percent(want["win_rate"].get<double>(), 1));
        QCOMPARE(card("total_trades"), DisplayFormat::count(want["total_trades"].get<std::int64_t>()));
        QCOMPARE(card("bars"), DisplayFormat::count(want["bars"].get<std::int64_t>()));
        QCOMPARE(card("signals"), DisplayFormat::count(want["signals"].get<std::int64_t>()));
        QCOMPARE(std::int64_t(dash->result()->trades.size()), want["total_trades"].get<std::int64_t>());

        // Export HTML report writes the file.
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        QSignalSpy written(&controller, &MainController::reportWritten);
        controller.exportReport(html);
        QVERIFY(written.wait(60000));
        QVERIFY2(written.first().at(1).toString().isEmpty(), qPrintable(written.first().at(1).toString()));
        QVERIFY(QFileInfo(html).size() > 10000);
    }

    void rerunDiscardsTheStaleRun()
    {
        BacktestRunner runner;
        QSignalSpy done(&runner, &BacktestRunner::finished);
        QSignalSpy cancelled(&runner, &BacktestRunner::cancelled);
        SourceSpec longRun;
        longRun.kind = SourceSpec::Kind::Simulator;
        longRun.simulateBars = 2'000'000'000; // would take minutes
        const int first = runner.start(longRun, Config());
        SourceSpec shortRun;
        shortRun.kind = SourceSpec::Kind::Simulator;
        shortRun.simulateBars = 20000;
        const int second = runner.start(shortRun, Config());
        QVERIFY(second != first);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().at(0).toInt(), first);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.first().at(0).toInt(), second);
        const auto result = done.first().at(1).value<BacktestRunner::ResultPtr>();
        QCOMPARE(result->summary.bars, 20000);
        // The cancelled run winds down and never reports.
        QTRY_COMPARE_WITH_TIMEOUT(runner.workerCount(), 0, 30000);
        QCOMPARE(done.count(), 1);

        // Cancel with nothing after it: no result at all.
        runner.start(longRun, Config());
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(runner.workerCount(), 0, 30000);
        QCOMPARE(done.count(), 1);
        QVERIFY(!runner.isRunning());
    }

    void killSwitchHaltsAndFlattensARealSession()
    {
        GuiOptions o = quietOptions(m_dir.filePath(QStringLiteral("j2.sqlite")));
        o.session = true;
        // 20 bars a second: the first position opens within ~10 s, and one caught in its first
        // five bars stays open for over a second more (at full speed it could close on its own
        // between the check and the key press, leaving nothing to flatten).
        o.speed = 20;
        MainController controller(o);
        QVERIFY(controller.start());
        MainWindow* w = controller.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        SessionController* sessions = controller.sessions();
        QVERIFY(sessions->isRunning());
        // Wait until the session holds a position, as a user would before pulling the plug. The
        // first one opens at bar 184, about 10 s in at this pace: five minutes is a deadline
        // against a hang, not a speed limit.
        QTRY_VERIFY_WITH_TIMEOUT(sessions->lastSnapshot() && !sessions->lastSnapshot()->positions.empty()
                && sessions->lastSnapshot()->lastBarMs - sessions->lastSnapshot()->positions.back().entryMs
                    <= 5000,
            300000);

        QSignalSpy killed(sessions, &SessionController::killed);
        QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(killed.wait(10000));
        const auto report = killed.first().at(0).value<KillReport>();
        QVERIFY(report.flat);
        QVERIFY(report.closed >= 1);
        KillSwitchButton* button = w->killSwitch();
        QCOMPARE(button->state(), KillSwitchButton::State::Halted);
        QVERIFY(button->statusText().contains(QStringLiteral("HALTED")));
        QVERIFY(button->statusText().contains(QStringLiteral("%1 position(s)").arg(report.closed)));
        QVERIFY(w->status()->tradingText().contains(QStringLiteral("HALTED")));
        // The engine really is halted: later snapshots say so and hold no position.
        QTRY_VERIFY_WITH_TIMEOUT(
            sessions->lastSnapshot()->halted && sessions->lastSnapshot()->positions.empty(), 10000);
        const std::int64_t trades = sessions->lastSnapshot()->tradeCount;
        QTest::qWait(500);
        QVERIFY(sessions->lastSnapshot()->positions.empty()); // no new entries while halted
        QVERIFY(sessions->lastSnapshot()->tradeCount == trades);

        QSignalSpy state(sessions, &SessionController::tradingStateChanged);
        Q_EMIT button->rearmRequested();
        QTRY_COMPARE_WITH_TIMEOUT(button->state(), KillSwitchButton::State::Armed, 5000);
        QVERIFY(!sessions->halted());
        QTRY_VERIFY_WITH_TIMEOUT(!sessions->lastSnapshot()->halted, 5000);
    }
};

QTEST_MAIN(TestGuiController)
#include "tst_guicontroller.moc"
