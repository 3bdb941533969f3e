// The table models under QAbstractItemModelTester (which checks every structural signal and
// index as they change), plus what a user reads in the cells.
#include "alertsmodel.h"
#include "positionsmodel.h"
#include "sessionsmodel.h"
#include "signalreasonsmodel.h"
#include "tradesmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace veloce;

namespace {
Position position(std::int64_t id, Side side, double entry, double last, double qty, std::int64_t entryMs = 0)
{
    Position p;
    p.id = id;
    p.side = side;
    p.entry = entry;
    p.last = last;
    p.qty = qty;
    p.stop = side == Side::Long ? entry * 0.99 : entry * 1.01;
    p.target = side == Side::Long ? entry * 1.02 : entry * 0.98;
    p.score = 5.25;
    p.entryMs = entryMs;
    return p;
}

Trade trade(std::int64_t id, double pnl, ExitReason reason = ExitReason::Target)
{
    Trade t;
    t.positionId = id;
    t.entryMs = id * 1000;
    t.exitMs = id * 1000 + 65000;
    t.side = id % 2 ? Side::Long : Side::Short;
    t.entryPrice = 100;
    t.exitPrice = 101;
    t.qty = 2;
    t.pnl = pnl;
    t.fees = 0.1;
    t.reason = reason;
    t.score = 4.5;
    return t;
}

SignalRecord record(bool accepted, RejectReason reason, Side side)
{
    SignalRecord r;
    r.accepted = accepted;
    r.reason = reason;
    r.signal.side = side;
    return r;
}

// An alert log written as "1 2a 3!": ids oldest first; a = acknowledged, ! = an alarm.
std::vector<Alert> alertLog(const QString& spec)
{
    std::vector<Alert> out;
    for (const QString& word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Alert a;
        a.id = QString(word).remove(QRegularExpression(QStringLiteral("[^0-9]"))).toLongLong();
        a.kind = word.contains(QLatin1Char('!')) ? AlertKind::Journal : AlertKind::Kill;
        a.severity = word.contains(QLatin1Char('!')) ? AlertSeverity::Alarm : AlertSeverity::Warning;
        a.source = QStringLiteral("gui");
        a.message = QStringLiteral("alert %1").arg(a.id);
        a.wallMs = 1'704'067'200'000 + a.id * 1000;
        a.acknowledged = word.contains(QLatin1Char('a'));
        a.acknowledgedMs = a.acknowledged ? a.wallMs + 500 : 0;
        a.acknowledgedBy = a.acknowledged ? QStringLiteral("gui") : QString();
        out.push_back(a);
    }
    return out;
}

QString cell(const QAbstractItemModel& m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void positionsShowPnlAndAge()
    {
        PositionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPositions(
            { position(1, Side::Long, 100, 110, 2, 1'000), position(2, Side::Short, 200, 190, 1, 61'000) },
            181'000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(PositionsModel::ColumnCount));
        QCOMPARE(cell(model, 0, PositionsModel::Side), QStringLiteral("LONG"));
        QCOMPARE(cell(model, 0, PositionsModel::Pnl), QStringLiteral("+20.00"));
        QCOMPARE(cell(model, 0, PositionsModel::PnlPercent), QStringLiteral("+10.00%"));
        QCOMPARE(cell(model, 1, PositionsModel::Side), QStringLiteral("SHORT"));
        QCOMPARE(cell(model, 1, PositionsModel::Pnl), QStringLiteral("+10.00")); // short gains as price falls
        QCOMPARE(cell(model, 1, PositionsModel::PnlPercent), QStringLiteral("+5.00%"));
        QCOMPARE(cell(model, 0, PositionsModel::Age), QStringLiteral("3 min 00 s"));
        QCOMPARE(model.data(model.index(0, PositionsModel::Pnl), Qt::UserRole).toDouble(), 20.0);
        QCOMPARE(model.headerData(PositionsModel::Pnl, Qt::Horizontal).toString(),
            QStringLiteral("Unrealized PnL"));
    }

    void positionsUpdateByIdKeepingRows()
    {
        PositionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPositions({ position(1, Side::Long, 100, 100, 1), position(2, Side::Long, 100, 100, 1) }, 0);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Position 1 closed, 2 marked higher, 3 opened.
        model.setPositions(
            { position(2, Side::Long, 100, 105, 1), position(3, Side::Short, 105, 105, 1) }, 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.positions()[0].id, 2);
        QCOMPARE(cell(model, 0, PositionsModel::Last), QStringLiteral("105.0000"));
        QCOMPARE(model.positions()[1].id, 3);
        model.setPositions({}, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void tradesListAndAppendWithoutDuplicates()
    {
        TradesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrades({ trade(1, 12.5), trade(2, -3.25, ExitReason::Stop) });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, TradesModel::Pnl), QStringLiteral("+12.50"));
        QCOMPARE(cell(model, 1, TradesModel::Pnl), QStringLiteral("-3.25"));
        QCOMPARE(cell(model, 1, TradesModel::Reason), QStringLiteral("stop"));
        QCOMPARE(cell(model, 0, TradesModel::Held), QStringLiteral("1 min 05 s"));
        QCOMPARE(cell(model, 0, TradesModel::EntryTime), QStringLiteral("1970-01-01 00:00:01 UTC"));
        // A session re-sends its recent trades with every snapshot: only new ones are added.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendTrades({ trade(1, 12.5), trade(2, -3.25), trade(3, 1.0) });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        model.appendTrades({ trade(2, -3.25), trade(3, 1.0) });
        QCOMPARE(model.rowCount(), 3);
        model.setTrades({});
        QCOMPARE(model.rowCount(), 0);
    }

    void signalsCountedByDecision()
    {
        SignalReasonsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 7);
        model.setSignals(
            { record(true, RejectReason::None, Side::Long), record(true, RejectReason::None, Side::Short),
                record(false, RejectReason::MaxPositions, Side::Long),
                record(false, RejectReason::MaxPositions, Side::Long),
                record(false, RejectReason::Cooldown, Side::Short) });
        QCOMPARE(model.total(), 5);
        QCOMPARE(cell(model, 0, SignalReasonsModel::Decision), QStringLiteral("Accepted"));
        QCOMPARE(cell(model, 0, SignalReasonsModel::Total), QStringLiteral("2"));
        const int maxRow = int(RejectReason::MaxPositions);
        QCOMPARE(cell(model, maxRow, SignalReasonsModel::Long), QStringLiteral("2"));
        QCOMPARE(cell(model, maxRow, SignalReasonsModel::Share), QStringLiteral("40.0%"));
        QCOMPARE(model.count(RejectReason::Cooldown, Side::Short), 1);
        model.addSignal(record(false, RejectReason::Halted, Side::Long));
        QCOMPARE(model.total(), 6);
        QCOMPARE(cell(model, int(RejectReason::Halted), SignalReasonsModel::Total), QStringLiteral("1"));
        QCOMPARE(
            model.data(model.index(int(RejectReason::Halted), SignalReasonsModel::Decision), Qt::UserRole)
                .toString(),
            QStringLiteral("halted"));
    }

    void alertsFollowTheLog_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("changed");
        QTest::addColumn<int>("resets");
        QTest::addColumn<int>("unacknowledged");
        QTest::addColumn<int>("alarms");
        QTest::addColumn<QString>("topRow"); // the newest alert's time cell
        QTest::newRow("first alerts") << ""
                                      << "1 2!" << 1 << 0 << 0 << 0 << 2 << 1 << "2024-01-01 00:00:02 UTC";
        QTest::newRow("a kill, then a re-arm")
            << "1"
            << "1 2" << 1 << 0 << 0 << 0 << 2 << 0 << "2024-01-01 00:00:02 UTC";
        QTest::newRow("one acknowledged")
            << "1 2!"
            << "1 2a" << 0 << 0 << 1 << 0 << 1 << 0 << "2024-01-01 00:00:02 UTC";
        QTest::newRow("all acknowledged, one new")
            << "1 2!"
            << "1a 2a 3" << 1 << 0 << 2 << 0 << 1 << 0 << "2024-01-01 00:00:03 UTC";
        QTest::newRow("trimmed from the log")
            << "1a 2 3a 4!"
            << "2 4!" << 0 << 2 << 0 << 0 << 2 << 1 << "2024-01-01 00:00:04 UTC";
        QTest::newRow("nothing new") << "1 2"
                                     << "1 2" << 0 << 0 << 0 << 0 << 2 << 0 << "2024-01-01 00:00:02 UTC";
        QTest::newRow("an older alert restored")
            << "3 4"
            << "1! 3 4" << 0 << 0 << 0 << 1 << 3 << 1 << "2024-01-01 00:00:04 UTC";
        QTest::newRow("log emptied") << "1 2!"
                                     << "" << 0 << 2 << 0 << 0 << 0 << 0 << "";
    }

    // The Alerts dock's model follows the AlertLog with row operations (a selection survives new
    // alerts), newest on top, and counts what is not acknowledged for the status bar.
    void alertsFollowTheLog()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, changed);
        QFETCH(int, resets);
        QFETCH(int, unacknowledged);
        QFETCH(int, alarms);
        QFETCH(QString, topRow);
        AlertsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sync(alertLog(before));
        QSignalSpy ins(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy rem(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy chg(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy rst(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &AlertsModel::unacknowledgedChanged);
        const int countBefore = model.unacknowledgedCount();
        const std::vector<Alert> log = alertLog(after);
        model.sync(log);
        QCOMPARE(ins.count(), inserted);
        QCOMPARE(rem.count(), removed);
        QCOMPARE(chg.count(), changed);
        QCOMPARE(rst.count(), resets);
        QCOMPARE(model.rowCount(), int(log.size()));
        QCOMPARE(model.unacknowledgedCount(), unacknowledged);
        QCOMPARE(model.unacknowledgedAlarms(), alarms);
        // The status bar hears of a new count, and only of a new one.
        QCOMPARE(counts.count(), countBefore == unacknowledged ? 0 : 1);
        if (!counts.isEmpty())
            QCOMPARE(counts.last().at(0).toInt(), unacknowledged);
        QCOMPARE(cell(model, 0, AlertsModel::Time), topRow);
        // Newest first, every row in the log's order reversed.
        for (int row = 0; row < model.rowCount(); ++row) {
            const Alert& a = log[log.size() - 1 - std::size_t(row)];
            QCOMPARE(
                model.data(model.index(row, AlertsModel::Message), AlertsModel::IdRole).toLongLong(), a.id);
            QCOMPARE(cell(model, row, AlertsModel::Message), a.message);
            QCOMPARE(
                model.data(model.index(row, AlertsModel::Status), Qt::UserRole).toBool(), a.acknowledged);
            QCOMPARE(cell(model, row, AlertsModel::Status).startsWith(QStringLiteral("acknowledged")),
                a.acknowledged);
        }
    }

    void alertsCellsForAPerson()
    {
        AlertsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sync(alertLog(QStringLiteral("1a 2!")));
        QCOMPARE(model.columnCount(), int(AlertsModel::ColumnCount));
        QCOMPARE(cell(model, 0, AlertsModel::Kind), QStringLiteral("Journal"));
        QCOMPARE(cell(model, 0, AlertsModel::Status), QStringLiteral("ALARM — not acknowledged"));
        QCOMPARE(cell(model, 1, AlertsModel::Kind), QStringLiteral("Kill switch"));
        QCOMPARE(cell(model, 1, AlertsModel::Status),
            QStringLiteral("acknowledged 2024-01-01 00:00:01 UTC (gui)"));
        QVERIFY(model.data(model.index(0, AlertsModel::Message), Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.data(model.index(1, AlertsModel::Message), Qt::FontRole).isValid());
        QVERIFY(model.data(model.index(0, AlertsModel::Message), Qt::BackgroundRole).isValid());
        QCOMPARE(model.data(model.index(0, AlertsModel::Time), Qt::UserRole).toLongLong(), 1'704'067'202'000);
        QCOMPARE(
            model.headerData(AlertsModel::Status, Qt::Horizontal).toString(), QStringLiteral("Acknowledged"));
        QCOMPARE(model.newestId(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.unacknowledgedCount(), 0);
    }

    void sessionsListTheJournal()
    {
        SessionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        JournalSessionInfo a;
        a.id = 7;
        a.startedMs = 1'704'067'200'000;
        a.endedMs = a.startedMs + 3'600'000;
        a.endReason = QStringLiteral("finished");
        a.source = QStringLiteral("BTCUSDT-1m.csv.gz");
        a.mode = QStringLiteral("paper");
        a.broker = QStringLiteral("paper");
        a.trades = 12;
        a.pnl = -45.5;
        a.endedHalted = true;
        JournalSessionInfo b;
        b.id = 8;
        b.startedMs = a.endedMs + 1000;
        b.recoveredFrom = 7;
        model.setSessions({ b, a });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(SessionsModel::ColumnCount));
        QCOMPARE(cell(model, 1, SessionsModel::Started), QStringLiteral("2024-01-01 00:00 UTC"));
        QCOMPARE(cell(model, 1, SessionsModel::Ended), QStringLiteral("2024-01-01 01:00 UTC (end of data)"));
        QCOMPARE(cell(model, 1, SessionsModel::Trades), QStringLiteral("12"));
        QCOMPARE(cell(model, 1, SessionsModel::Pnl), QStringLiteral("-45.50"));
        QCOMPARE(cell(model, 1, SessionsModel::Halted), QStringLiteral("HALTED"));
        QCOMPARE(cell(model, 0, SessionsModel::Halted), QStringLiteral("no"));
        QVERIFY(cell(model, 0, SessionsModel::Ended).contains(QStringLiteral("without an end row")));
        QCOMPARE(model.data(model.index(0, SessionsModel::Source), Qt::ToolTipRole).toString(),
            QStringLiteral("Continued the account of session 7"));
        QCOMPARE(model.data(model.index(1, SessionsModel::Pnl), Qt::UserRole).toDouble(), -45.5);
        QCOMPARE(model.data(model.index(1, SessionsModel::Broker), SessionsModel::IdRole).toLongLong(), 7);
        model.setSessions({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
