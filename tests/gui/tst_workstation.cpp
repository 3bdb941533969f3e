// The workstation, round two (issue 15), through the real widgets: the dashboard gets the
// window (docks collapse, come back on Live) and shows its chart large and its trades table
// whole; a trade selected in the dashboard's table or the live Closed trades table zooms the
// chart to it with its phase scores and exit reason; Up/Down walk; the kill switch turning
// HALTED moves nothing; the replay controls ask for what their keys say.
#include "candlechart.h"
#include "candlechartview.h"
#include "dashboard.h"
#include "isolatedsettings.h"
#include "killswitchbutton.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "replaycontrols.h"
#include "scorebars.h"
#include "tradedetails.h"
#include "tradefocus.h"
#include "tradesmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolBar>

using namespace veloce;

namespace {
constexpr std::int64_t kStart = 1'704'067'200'000; // 2024-01-01 UTC
constexpr std::int64_t kMinute = 60'000;

std::vector<Bar> minuteBars(int n)
{
    std::vector<Bar> out;
    double p = 42000;
    for (int i = 0; i < n; ++i) {
        Bar b;
        b.t = kStart + std::int64_t(i) * kMinute;
        b.open = p;
        p += (i % 11 < 5 ? 6.0 : -5.0);
        b.close = p;
        b.high = std::max(b.open, b.close) + 3;
        b.low = std::min(b.open, b.close) - 3;
        b.vbuy = b.vsell = 1;
        out.push_back(b);
    }
    return out;
}

// Trades in exit order, each with its own phase scores at entry.
std::vector<Trade> trades(int n)
{
    std::vector<Trade> out;
    for (int i = 0; i < n; ++i) {
        Trade t;
        t.positionId = i + 1;
        t.entryMs = kStart + std::int64_t(100 + 40 * i) * kMinute;
        t.exitMs = t.entryMs + std::int64_t(5 + i % 4) * kMinute;
        t.side = i % 2 ? Side::Short : Side::Long;
        t.entryPrice = 42000 + i;
        t.exitPrice = 42010 + i;
        t.qty = 0.5;
        t.pnl = i % 3 ? 5 : -5;
        t.reason = i % 3 ? ExitReason::Target : ExitReason::Stop;
        t.entryScores.squeeze = 1.0 + 0.5 * (i % 5);
        t.entryScores.divergence = 0.25 * (i % 3);
        t.entryScores.reset = i % 2 ? 2 : 0;
        t.entryScores.momentum = 0.75;
        t.entryScores.volume = 0.5;
        t.entryScores.total = t.entryScores.squeeze + t.entryScores.divergence + t.entryScores.reset
            + t.entryScores.momentum + t.entryScores.volume;
        t.score = t.entryScores.total;
        out.push_back(t);
    }
    return out;
}

std::shared_ptr<BacktestResult> result()
{
    auto r = std::make_shared<BacktestResult>();
    r->summary.symbol = QStringLiteral("BTCUSDT");
    r->summary.startMs = kStart;
    r->summary.endMs = kStart + 3000 * kMinute;
    r->summary.initialCapital = 100000;
    r->minEntryScore = 4;
    r->bars = minuteBars(3000);
    r->trades = trades(60);
    r->summary.totalTrades = 60;
    r->equity = { { kStart, 100000, 100000, 0 }, { r->summary.endMs, 100100, 100100, 0 } };
    return r;
}

// The trade in `row` of a table as the user sees it (sorted by the proxy).
Trade tradeAt(QTableView* view, TradesModel* model, int row)
{
    const QModelIndex shown = view->model()->index(row, 0);
    const auto id = view->model()->data(shown.siblingAtColumn(TradesModel::Id), Qt::UserRole).toLongLong();
    for (const Trade& t : model->trades())
        if (t.positionId == id)
            return t;
    return {};
}

void clickRow(QTableView* view, int row)
{
    const QModelIndex index = view->model()->index(row, TradesModel::Side);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}
} // namespace

class TestWorkstation : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_workstation"));
    }

    void dashboardGetsTheWindow()
    {
        GuiOptions options;
        options.session = false;
        options.journalPath = m_dir.filePath(QStringLiteral("j.sqlite"));
        MainController controller(options);
        QVERIFY(controller.start());
        MainWindow* w = controller.window();
        w->resize(1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QList<QDockWidget*> docks = w->findChildren<QDockWidget*>();
        QStringList liveDocks;
        for (QDockWidget* d : docks)
            if (d->isVisible())
                liveDocks << d->objectName();
        QVERIFY2(liveDocks.size() >= 4, qPrintable(liveDocks.join(QLatin1Char(','))));

        w->dashboard()->setResult(result());
        w->showDashboard();
        QTest::qWait(200);
        // The default layout is made for 1600 x 1000: nothing forces the window wider.
        QVERIFY2(
            w->minimumSizeHint().width() <= 1600, qPrintable(QString::number(w->minimumSizeHint().width())));
        QCOMPARE(w->width(), 1600);
        for (QDockWidget* d : docks)
            QVERIFY2(!d->isVisible(), qPrintable(d->objectName())); // the dashboard has the window
        QVERIFY(w->killSwitch()->isVisible()); // the kill switch never goes
        const int chartHeight = w->dashboard()->candleChart()->height();
        QVERIFY2(chartHeight >= w->height() / 2,
            qPrintable(QStringLiteral("chart %1 px of a %2 px window").arg(chartHeight).arg(w->height())));
        QTableView* table = w->dashboard()->tradesView();
        QVERIFY(table->isVisible());
        QVERIFY2(!table->horizontalScrollBar()->isVisible(), "the trades table scrolls sideways");
        const QRect lastColumn(table->horizontalHeader()->sectionViewportPosition(TradesModel::Held), 0,
            table->horizontalHeader()->sectionSize(TradesModel::Held), 1);
        QVERIFY(table->viewport()->rect().contains(lastColumn.topLeft()));

        w->showLive();
        QTest::qWait(100);
        QStringList back;
        for (QDockWidget* d : docks)
            if (d->isVisible())
                back << d->objectName();
        QCOMPARE(back, liveDocks); // the live view has its docks again
        // A dock opened while on the dashboard stays the dashboard's choice.
        w->showDashboard();
        docks.first()->show();
        w->showLive();
        w->showDashboard();
        QVERIFY(docks.first()->isVisible());
        for (QDockWidget* d : docks.mid(1))
            QVERIFY(!d->isVisible());

        // Detached: its own window, the docks stay with the live view.
        w->setDashboardDetached(true);
        QVERIFY(w->dashboardDetached());
        QVERIFY(w->dashboard()->window() != w);
        QVERIFY(w->dashboard()->isVisible());
        w->dashboard()->window()->close();
        QTRY_VERIFY(!w->dashboardDetached());
        QCOMPARE(w->dashboard()->window(), w);
    }

    void selectingATradeZoomsTheChart()
    {
        Dashboard d;
        d.resize(1500, 900);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.setResult(result());
        QTest::qWait(50);
        QTableView* table = d.tradesView();
        CandleChartView* chart = d.candleChart()->view();
        TradeDetails* details = d.candleChart()->tradeDetails();
        const std::int64_t wholeSpan = chart->chartViewport().spanMs();
        QVERIFY(!details->isVisible());
        QSignalSpy focused(d.tradeFocus(), &TradeFocus::tradeFocused);

        clickRow(table, 7);
        QCOMPARE(focused.count(), 1);
        const Trade t = tradeAt(table, d.tradesModel(), 7);
        QCOMPARE(focused.last().at(0).value<Trade>().positionId, t.positionId);
        // Entry to exit with a margin on both sides, far narrower than the whole run.
        const ChartViewport& vp = chart->chartViewport();
        QVERIFY(vp.fromMs() < t.entryMs && vp.toMs() > t.exitMs);
        QVERIFY(vp.spanMs() < wholeSpan / 20);
        QVERIFY(!chart->following());
        QVERIFY(chart->focusedTrade() && chart->focusedTrade()->positionId == t.positionId);
        QCOMPARE(chart->bucketMs(), kMinute); // one candle per bar at this zoom
        // Why it entered and why it left.
        QVERIFY(details->isVisible());
        QVERIFY(details->titleText().contains(QStringLiteral("#%1").arg(t.positionId)));
        const ScoreBars* scores = details->scoreBars();
        QVERIFY(scores->isVisible());
        for (int p = 0; p < PhaseScores::Count; ++p)
            QCOMPARE(scores->rowValue(p), t.entryScores.phase(p));
        QCOMPARE(scores->rowValue(PhaseScores::Count), t.entryScores.total);
        QCOMPARE(scores->threshold(), 4.0);
        QVERIFY2(
            details->exitText().contains(t.reason == ExitReason::Target ? QStringLiteral("target reached")
                                                                        : QStringLiteral("stop hit")),
            qPrintable(details->exitText()));

        // Down in the table: the next trade as the table shows them.
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(focused.count(), 2);
        const Trade next = tradeAt(table, d.tradesModel(), 8);
        QCOMPARE(chart->focusedTrade()->positionId, next.positionId);
        QVERIFY(
            chart->chartViewport().fromMs() < next.entryMs && chart->chartViewport().toMs() > next.exitMs);
        // Up on the chart walks back through the table's selection.
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_Up);
        QCOMPARE(focused.count(), 3);
        QCOMPARE(chart->focusedTrade()->positionId, t.positionId);
        QCOMPARE(table->currentIndex().row(), 7);
        // Esc clears the highlight and the details.
        QTest::keyClick(chart, Qt::Key_Escape);
        QVERIFY(!chart->focusedTrade());
        QVERIFY(!details->isVisible());
    }

    void liveClosedTradesAreClickableToo()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.resetLiveView(QStringLiteral("simulator"), 100000, 4, 10000);
        CandleChartView* chart = w.liveChart()->view();
        chart->appendBars(minuteBars(3000));
        w.sessionTradesModel()->appendTrades(trades(20));
        QVERIFY(chart->following());
        auto* table = w.findChild<QTableView*>(QStringLiteral("sessionTradesTable"));
        QVERIFY(table);
        auto* tabs = qobject_cast<QTabWidget*>(table->parentWidget()->parentWidget());
        if (tabs)
            tabs->setCurrentWidget(table);
        QTest::qWait(50);
        QSignalSpy focused(w.sessionTradeFocus(), &TradeFocus::tradeFocused);
        clickRow(table, 3);
        QCOMPARE(focused.count(), 1);
        const Trade t = tradeAt(table, w.sessionTradesModel(), 3);
        QVERIFY(!chart->following()); // looking at a past trade stops following the market
        QVERIFY(chart->chartViewport().fromMs() < t.entryMs && chart->chartViewport().toMs() > t.exitMs);
        QVERIFY(w.liveChart()->tradeDetails()->isVisible());
        QCOMPARE(w.liveChart()->tradeDetails()->scoreBars()->threshold(), 4.0);
    }

    void haltedStateMovesNothing()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);
        const int centralTop = w.centralWidget()->mapTo(&w, QPoint(0, 0)).y();
        const int toolbarHeight = w.mainToolBar()->height();
        KillSwitchButton* kill = w.killSwitch();
        kill->trigger();
        QTest::qWait(20);
        QCOMPARE(w.centralWidget()->mapTo(&w, QPoint(0, 0)).y(), centralTop);
        kill->showHalted(3, 0.42,
            QStringLiteral("halted in the window before this session started, and a long explanation after "
                           "it that would need a third line"));
        QTest::qWait(50);
        QCOMPARE(w.mainToolBar()->height(), toolbarHeight);
        QCOMPARE(w.centralWidget()->mapTo(&w, QPoint(0, 0)).y(), centralTop);
        QVERIFY(kill->statusText().contains(QStringLiteral("third line"))); // whole text kept (tooltip)
        kill->showArmed();
        QTest::qWait(20);
        QCOMPARE(w.centralWidget()->mapTo(&w, QPoint(0, 0)).y(), centralTop);
    }

    void replayControlsAskForWhatTheirKeysSay()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReplayControls* r = w.replayControls();
        QSignalSpy pause(r, &ReplayControls::pauseRequested);
        QSignalSpy step(r, &ReplayControls::stepRequested);
        QSignalSpy speed(r, &ReplayControls::speedRequested);
        QSignalSpy jump(r, &ReplayControls::jumpRequested);
        QVERIFY(!r->pauseAction()->isEnabled()); // nothing to control yet
        r->setControllable(true);
        r->setState(false, 60, 0);
        r->setPosition(kStart);
        QCOMPARE(r->speedBox()->currentText(), QStringLiteral("60\u00d7"));
        // The proposed jump time stays a minute ahead of the replay, however far it runs...
        const auto shownJump = [r] { return r->jumpEdit()->dateTime().toMSecsSinceEpoch(); };
        QCOMPARE(shownJump(), kStart + kMinute);
        r->setPosition(kStart + 5 * kMinute);
        QCOMPARE(shownJump(), kStart + 6 * kMinute);
        // ... until the user picks a time: that one stays.
        r->jumpEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStart + 60 * kMinute, QTimeZone::utc()));
        r->setPosition(kStart + 7 * kMinute);
        QCOMPARE(shownJump(), kStart + 60 * kMinute);

        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(pause.count(), 1);
        QCOMPARE(pause.last().at(0).toBool(), true);
        QTest::keyClick(&w, Qt::Key_Period);
        QCOMPARE(step.count(), 0); // stepping needs a pause first
        r->setState(true, 60, 0);
        QCOMPARE(r->pauseAction()->text(), QStringLiteral("Resume"));
        QTest::keyClick(&w, Qt::Key_Period);
        QCOMPARE(step.count(), 1);
        QTest::keyClick(&w, Qt::Key_BracketRight);
        QCOMPARE(speed.last().at(0).toDouble(), 100.0);
        QTest::keyClick(&w, Qt::Key_BracketLeft);
        QCOMPARE(speed.last().at(0).toDouble(), 30.0);
        r->setState(true, 10000, 0);
        r->fasterAction()->trigger();
        QCOMPARE(speed.last().at(0).toDouble(), 0.0); // after 10 000x: as fast as possible
        r->jumpEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStart + 3'600'000, QTimeZone::utc()));
        QTest::keyClick(&w, Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(jump.count(), 1);
        QCOMPARE(jump.last().at(0).toLongLong(), kStart + 3'600'000);
        r->setState(true, 60, kStart + 3'600'000);
        QVERIFY(r->stateText().contains(QStringLiteral("jumping")));
        r->setControllable(false, QStringLiteral("no replay running"));
        QVERIFY(!r->pauseAction()->isEnabled());
        QCOMPARE(r->stateText(), QStringLiteral("no replay running"));
    }
};

QTEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
