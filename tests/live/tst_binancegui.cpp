// The window on a Binance session (offscreen), against the loopback Binance: "Binance (live)" in
// the Paper session dock starts it, candles and scores fill in, the status bar shows the feed's
// state, lag, the reconnect and the repaired gap of a connection lost mid-second, and "Record
// market data" writes the running session's trades as an aggTrades file a backtest reads.
#include "candlechart.h"
#include "candlechartview.h"
#include "data/barfile.h"
#include "isolatedsettings.h"
#include "loopbackbinance.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "scorebars.h"
#include "sessioncontroller.h"
#include "sessionpanel.h"
#include "sessionstatus.h"
#include "tradedata.h"
#include "types/configjson.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;

class TestBinanceGui : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_binancegui"));
    }

    void liveSessionShowsHealthAndRecords()
    {
        const std::vector<AggTrade> sample = livetest::readAggTrades(
            QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz"));
        LoopbackBinance server;
        QVERIFY(server.listen());
        server.addMarket(BinanceVenue::Spot, QStringLiteral("BTCUSDT"), sample);
        server.faults.disconnectAfter = { sample[2600].id };
        const qint64 startMs = sample.front().t - sample.front().t % 1000 + 300'000;
        server.startClock(startMs, 40, true);

        GuiOptions options;
        options.session = false;
        options.journalPath = m_dir.filePath(QStringLiteral("j.sqlite"));
        MainController controller(options);
        QVERIFY(controller.start());
        // At the reference size (1600x1000): how many candles the chart draws depends on its width,
        // and the offscreen screen is small (a window there is as narrow as its docks allow).
        controller.window()->resize(1600, 1000);
        Config config = controller.config();
        config.binanceWsUrl = server.wsUrl();
        config.binanceRestUrl = server.restUrl();
        config.binanceWarmupS = 120;
        config.heartbeatTimeoutS = 600;
        controller.setConfig(config);
        controller.sessionPanel()->setBinanceMarkets(QStringLiteral("spot:btcusdt"));
        controller.startSession();
        SessionController* sessions = controller.sessions();
        QTRY_VERIFY_WITH_TIMEOUT(sessions->isRunning(), 30000); // the journal opens on its own thread
        SessionStatus* status = controller.window()->status();
        QVERIFY2(status->sourceText().contains(QLatin1String("Binance spot BTCUSDT")),
            qPrintable(status->sourceText()));

        // Live: warm-up bars drawn, scores shown, the feed's state and lag in the status bar.
        QTRY_VERIFY_WITH_TIMEOUT(status->connectionText().contains(QLatin1String("live")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(controller.window()->liveChart()->view()->candleObjectCount() > 100, 60000);
        QVERIFY(sessions->lastSnapshot() && sessions->lastSnapshot()->current.total >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(status->feedText().contains(QLatin1String("lag ")), 30000);

        // Record while it runs.
        QSignalSpy recording(sessions, &SessionController::recordingChanged);
        const QString path = m_dir.filePath(QStringLiteral("rec.csv.gz"));
        QVERIFY(
            controller.sessionPanel()->findChild<QPushButton*>(QStringLiteral("recordMarket"))->isEnabled());
        sessions->startRecording(path);
        QTRY_VERIFY_WITH_TIMEOUT(recording.size() >= 1, 10000);
        QCOMPARE(recording.first().at(0).toBool(), true);
        QVERIFY(controller.sessionPanel()->isRecording());

        // The connection dies mid-second: the status bar says it came back and what was repaired.
        QTRY_VERIFY_WITH_TIMEOUT(status->feedText().contains(QLatin1String("1 reconnect")), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(status->feedText().contains(QLatin1String("1 gap")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(status->connectionText().contains(QLatin1String("live")), 60000);

        sessions->stopRecording();
        QTRY_VERIFY_WITH_TIMEOUT(recording.size() >= 2, 10000);
        QCOMPARE(recording.last().at(0).toBool(), false);
        QVERIFY2(recording.last().at(1).toString().contains(QLatin1String(" trades in ")),
            qPrintable(recording.last().at(1).toString()));
        QVERIFY(!controller.sessionPanel()->isRecording());
        // A recording backtests like any dump: consecutive trades, no gap, no repeat.
        const QStringList rows = livetest::readLines(path);
        QVERIFY(rows.size() > 50);
        for (int i = 1; i < rows.size(); ++i)
            QCOMPARE(rows[i].section(QLatin1Char(','), 0, 0).toLongLong(),
                rows[i - 1].section(QLatin1Char(','), 0, 0).toLongLong() + 1);
        auto bars = openBarFile(path);
        Bar b;
        QVERIFY(bars->next(b));

        QSignalSpy finished(sessions, &SessionController::sessionFinished);
        sessions->stop();
        QVERIFY(finished.wait(30000));
        QVERIFY(
            !controller.sessionPanel()->findChild<QPushButton*>(QStringLiteral("recordMarket"))->isEnabled());
    }
};

QTEST_MAIN(TestBinanceGui)
#include "tst_binancegui.moc"
