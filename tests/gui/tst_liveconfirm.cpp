// A live FreqTrade session from the window (issue 11, docs/freqtrade.md "Modes"): the typed
// confirmation enables its Start button only for exactly "LIVE"; without it no session starts
// and the bot is never contacted; with it the bot's mode is still verified -- a dry-run bot
// ends the session with the reason in the Paper session dock.
#include "fakefreqtrade.h"
#include "guioptions.h"
#include "isolatedsettings.h"
#include "liveconfirmdialog.h"
#include "maincontroller.h"
#include "sessioncontroller.h"
#include "sessionpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;

class TestLiveConfirm : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_liveconfirm"));
    }

    void startNeedsTheWordTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("nothing") << QString() << false;
        QTest::newRow("lower case") << QStringLiteral("live") << false;
        QTest::newRow("trailing space") << QStringLiteral("LIVE ") << false;
        QTest::newRow("incomplete") << QStringLiteral("LIV") << false;
        QTest::newRow("the word") << QStringLiteral("LIVE") << true;
    }

    void startNeedsTheWordTyped()
    {
        QFETCH(QString, typed);
        QFETCH(bool, enabled);
        LiveConfirmDialog dialog(QStringLiteral("http://10.0.0.5:8080"), QStringLiteral("ETH/USDT:USDT"));
        bool named = false;
        for (const QLabel* l : dialog.findChildren<QLabel*>())
            named = named
                || (l->text().contains(QLatin1String("http://10.0.0.5:8080"))
                    && l->text().contains(QLatin1String("ETH/USDT:USDT")));
        QVERIFY(named); // the user sees where the real orders go
        QVERIFY(!dialog.startButton()->isEnabled());
        QTest::keyClicks(dialog.input(), typed);
        QCOMPARE(dialog.startButton()->isEnabled(), enabled);
        QCOMPARE(dialog.confirmed(), enabled);
        dialog.startButton()->click();
        QCOMPARE(dialog.result() == QDialog::Accepted, enabled);
    }

    void liveSessionFromTheWindow_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::addColumn<bool>("botLive");
        QTest::addColumn<bool>("starts");
        QTest::addColumn<QString>("panelSays");
        QTest::newRow("confirmation declined")
            << false << true << false << QStringLiteral("Live session not started: not confirmed");
        QTest::newRow("confirmed, live bot") << true << true << true << QStringLiteral("Running:");
        QTest::newRow("confirmed, dry-run bot")
            << true << false << true << QStringLiteral("Session failed: FreqTrade at %1 is in dry-run");
    }

    void liveSessionFromTheWindow()
    {
        QFETCH(bool, confirm);
        QFETCH(bool, botLive);
        QFETCH(bool, starts);
        QFETCH(QString, panelSays);
        FakeFreqtrade fake;
        fake.dryRun = !botLive;
        GuiOptions o;
        o.session = false;
        o.journalPath = m_dir.filePath(
            QStringLiteral("live-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag())));
        MainController controller(o);
        QVERIFY(controller.start());
        SessionPanel* panel = controller.sessionPanel();
        auto* orders = panel->findChild<QComboBox*>(QStringLiteral("sessionBroker"));
        QVERIFY(orders);
        orders->setCurrentIndex(2); // FreqTrade LIVE (real orders)
        QCOMPARE(panel->broker(), QStringLiteral("freqtrade"));
        QCOMPARE(panel->brokerMode(), TradingMode::Live);

        Config config;
        config.freqtradeUrl = fake.url();
        config.freqtradePassword = fake.password;
        config.freqtradePair = QStringLiteral("BTC/USDT:USDT");
        SessionController* sessions = controller.sessions();
        QStringList asked;
        sessions->setLiveConfirmation([&](const QString& endpoint, const QString& pair) {
            asked << endpoint << pair;
            return confirm;
        });
        QCOMPARE(sessions->startFromPanel(config, o.journalPath), starts);
        QCOMPARE(asked, (QStringList { fake.url(), config.freqtradePair }));
        const QString says = panelSays.contains(QLatin1String("%1")) ? panelSays.arg(fake.url()) : panelSays;
        QTRY_VERIFY2_WITH_TIMEOUT(panel->stateText().startsWith(says), qPrintable(panel->stateText()), 10000);
        if (!starts) {
            QCOMPARE(fake.requests(QStringLiteral("/show_config")), 0); // the bot was never contacted
            QVERIFY(!sessions->isRunning());
            return;
        }
        QVERIFY(sessions->host()->setup().confirmLive);
        QTRY_COMPARE_WITH_TIMEOUT(fake.requests(QStringLiteral("/show_config")), 1, 10000);
        if (botLive) {
            QTRY_VERIFY_WITH_TIMEOUT(
                fake.requests(QStringLiteral("/status")) >= 1, 10000); // verified, reconciling
            QVERIFY(sessions->isRunning());
            QSignalSpy finished(sessions, &SessionController::sessionFinished);
            sessions->stop();
            QVERIFY(finished.wait(10000));
        } else {
            QCOMPARE(fake.requests(QStringLiteral("/forceenter")), 0); // refused: nothing was sent
        }
    }
};

QTEST_MAIN(TestLiveConfirm)
#include "tst_liveconfirm.moc"
