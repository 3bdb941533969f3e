// The Alerts dock (issue 15) through the real window and a real paper session: a kill and a
// re-arm become rows of the dock and raise the status bar's count of unacknowledged alerts;
// acknowledging (one row, all, or the keyboard) lowers it, and the acknowledgements are kept in
// the session's journal. The sound setting beeps only when chosen; without a notification area
// the desktop notification is offered as unavailable.
//
// The README's picture of the dock (a real X server, 1600x1000), one command:
//   VELOCE_ALERTS_SCREENSHOT=docs/images/alerts.png QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0
//   1600x1000x24" build/dev/tests/gui/tst_gui_alerts killAndRearmBecomeAlerts:button
#include "alertnotifier.h"
#include "alertscontroller.h"
#include "alertsmodel.h"
#include "alertspanel.h"
#include "isolatedsettings.h"
#include "killswitchbutton.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "positionsmodel.h"
#include "sessioncontroller.h"
#include "sessionhost.h"
#include "sessionstatus.h"
#include "threadreaper.h"
#include "uilanguage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace veloce;

namespace {
// Alerts of the journal file, as another program would read them: kind -> acknowledged by whom
// ("" while not acknowledged), in the order raised.
QStringList journaledAlerts(const QString& path)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            // One row per alert; its acknowledgement replaces it (same id).
            q.exec(QStringLiteral("SELECT kind, COALESCE(acknowledged_by, '') FROM alerts ORDER BY id"));
            while (q.next())
                out << q.value(0).toString() + QLatin1Char(':') + q.value(1).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return out;
}

// The dock's rows as a person reads them, for failure messages.
QByteArray rows(const AlertsModel* model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        const Alert& a = model->alertAt(row);
        out << QStringLiteral("%1 %2 %3 [%4] %5")
                   .arg(a.id)
                   .arg(QLatin1String(alertKindName(a.kind)), a.source,
                       a.acknowledged ? a.acknowledgedBy : QStringLiteral("open"), a.message);
    }
    return out.join(QStringLiteral("; ")).toUtf8();
}

int rowOfKind(const AlertsModel* model, AlertKind kind)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->alertAt(row).kind == kind)
            return row;
    return -1;
}
} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_run = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_gui_alerts"));
        // English as the window speaks it ("1 unacknowledged alert", not "alert(s)").
        QVERIFY(UiLanguage::install(QStringLiteral("en")));
    }
    // Each row starts from the defaults (the dock's settings are kept across starts).
    void init() { QSettings().remove(QStringLiteral("alerts")); }
    void cleanupTestCase() { QVERIFY(ThreadReaper::instance().drain(60000)); }

    void killAndRearmBecomeAlerts_data()
    {
        QTest::addColumn<QString>("how"); // how the person acknowledges
        QTest::addColumn<bool>("sound");
        QTest::newRow("button") << QStringLiteral("button") << false;
        QTest::newRow("keyboard, with sound") << QStringLiteral("keyboard") << true;
        QTest::newRow("acknowledge all") << QStringLiteral("all") << false;
    }

    void killAndRearmBecomeAlerts()
    {
        QFETCH(QString, how);
        QFETCH(bool, sound);
        GuiOptions options;
        options.session = true;
        options.speed = qEnvironmentVariableIsSet("VELOCE_ALERTS_SCREENSHOT") ? 60 : 20;
        options.journalPath = m_dir.filePath(QStringLiteral("alerts-%1.sqlite").arg(++m_run));
        MainController c(options);
        QVERIFY(c.start());
        MainWindow* w = c.window();
        w->resize(1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        AlertsModel* model = w->alertsModel();
        AlertsPanel* panel = w->alertsPanel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(w->alertsDock()->isVisible());
        // No notification area under the test platform: offered as unavailable, never on.
        QCOMPARE(panel->findChild<QCheckBox*>(QStringLiteral("alertsDesktop"))->isEnabled(),
            AlertNotifier::desktopAvailable());
        QVERIFY(!panel->sound()); // off by default
        if (sound)
            panel->findChild<QCheckBox*>(QStringLiteral("alertsSound"))->click();
        QSignalSpy beeps(c.alerts()->notifier(), &AlertNotifier::beeped);
        QSignalSpy started(c.sessions(), &SessionController::sessionStarted);
        QVERIFY(started.wait(60000) || !started.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            c.sessions()->lastSnapshot() && c.sessions()->lastSnapshot()->barCount > 0, 60000);
        const QByteArray shot = qgetenv("VELOCE_ALERTS_SCREENSHOT");
        const bool picture = !shot.isEmpty() && how == QLatin1String("button");
        if (picture) // a chart with some history and a position for the kill to close
            (void)QTest::qWaitFor([&] { return w->positionsModel()->rowCount() > 0; }, 300000);
        QCOMPARE(w->status()->alertsText(), QStringLiteral("no new alerts"));

        // The kill switch, pressed like a person does.
        QTest::mousePress(
            w->killSwitch()->findChild<QPushButton*>(QStringLiteral("killSwitchButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowOfKind(model, AlertKind::Kill) >= 0, 30000);
        QCOMPARE(model->alertAt(rowOfKind(model, AlertKind::Kill)).source, QStringLiteral("gui"));
        QVERIFY(model->alertAt(rowOfKind(model, AlertKind::Kill))
                    .message.contains(QStringLiteral("halted and flat")));
        QTRY_COMPARE(w->status()->alertsText(), QStringLiteral("1 unacknowledged alert"));

        // Re-armed through the button that appears once halted.
        QPushButton* rearm = w->killSwitch()->findChild<QPushButton*>(QStringLiteral("killSwitchRearm"));
        QTRY_VERIFY(rearm->isVisible());
        rearm->click();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfKind(model, AlertKind::Rearm) >= 0, 30000);
        QCOMPARE(rowOfKind(model, AlertKind::Rearm), 0); // newest on top
        QCOMPARE(model->rowCount(), 2);
        QTRY_VERIFY2(w->status()->alertsText() == QLatin1String("2 unacknowledged alerts"), rows(model));
        QCOMPARE(model->unacknowledgedCount(), 2);
        QCOMPARE(beeps.count(), sound ? 1 : 0); // the kill (a warning) beeps; the re-arm is for the record

        if (picture) {
            QTest::qWait(1000);
            // The pixels as the X server has them; the widget tree where it cannot grab.
            QPixmap pixels = w->screen()->grabWindow(w->winId());
            if (pixels.width() < 10)
                pixels = w->grab();
            QVERIFY(pixels.save(QString::fromLocal8Bit(shot), "PNG"));
        }

        // Acknowledge the kill: one row, selected in the table as a person would.
        QTableView* table = panel->table();
        if (how == QLatin1String("all")) {
            panel->findChild<QPushButton*>(QStringLiteral("acknowledgeAllAlerts"))->click();
        } else {
            const QModelIndex killRow = table->model()->index(1, AlertsModel::Message);
            QCOMPARE(table->model()->data(killRow, AlertsModel::IdRole).toLongLong(),
                model->alertAt(rowOfKind(model, AlertKind::Kill)).id);
            table->selectionModel()->select(
                killRow, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            if (how == QLatin1String("keyboard")) {
                table->setFocus();
                QTest::keyClick(table, Qt::Key_Return);
            } else {
                panel->findChild<QPushButton*>(QStringLiteral("acknowledgeAlerts"))->click();
            }
            QTRY_VERIFY2(w->status()->alertsText() == QLatin1String("1 unacknowledged alert"), rows(model));
            QVERIFY(model->alertAt(rowOfKind(model, AlertKind::Kill)).acknowledged);
            QVERIFY(!model->alertAt(rowOfKind(model, AlertKind::Rearm)).acknowledged);
            // Then the rest from the Trading menu's shortcut.
            w->activateWindow();
            panel->acknowledgeAllAction()->trigger();
        }
        QTRY_COMPARE(w->status()->alertsText(), QStringLiteral("no new alerts"));
        QCOMPARE(model->unacknowledgedCount(), 0);
        QCOMPARE(model->rowCount(), 2); // acknowledged alerts stay listed
        QVERIFY(model->alertAt(0).acknowledgedBy == QLatin1String("gui"));

        // Kept in the journal: both alerts, acknowledged in the window.
        QTRY_COMPARE_WITH_TIMEOUT(journaledAlerts(options.journalPath),
            (QStringList { QStringLiteral("kill:gui"), QStringLiteral("rearm:gui") }), 10000);
        c.sessions()->stop();
    }

    void notifierHoldsBackABurst()
    {
        // Without a notification area nothing is shown and nothing is counted; the sound does
        // not depend on it.
        AlertNotifier n;
        QSignalSpy shown(&n, &AlertNotifier::notified);
        QSignalSpy beeps(&n, &AlertNotifier::beeped);
        n.setDesktop(true);
        QCOMPARE(n.desktop(), AlertNotifier::desktopAvailable());
        n.setSound(true);
        Alert a;
        a.kind = AlertKind::Feed;
        a.severity = AlertSeverity::Warning;
        a.source = QStringLiteral("feed");
        for (int i = 0; i < 5; ++i) {
            a.id = i + 1;
            a.message = QStringLiteral("stream lost %1").arg(i);
            n.notify(a);
        }
        QCOMPARE(beeps.count(), 5);
        if (!n.desktop()) {
            QCOMPARE(shown.count(), 0);
            return;
        }
        // A burst of five: one now, the other four summed up once the gap has passed.
        QCOMPARE(shown.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, AlertNotifier::kMinGapMs * 10);
        QVERIFY(shown.last().at(0).toString().contains(QStringLiteral("4 new alerts")));
    }
};

QTEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
