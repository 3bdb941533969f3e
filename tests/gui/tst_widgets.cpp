// The views against known values: score bars draw a given snapshot, the kill switch control acts
// on the first press of Ctrl+Shift+K and shows the halted state, the dashboard shows exactly the
// numbers of a known BacktestResult, the candle chart keeps its candle objects bounded, and the
// settings dialog reports invalid values next to their field with the CLI's rules.
#include "candlechart.h"
#include "candlechartview.h"
#include "dashboard.h"
#include "equitychart.h"
#include "killswitchbutton.h"
#include "scorebars.h"
#include "settingsdialog.h"
#include "signalreasonsmodel.h"
#include "statcard.h"
#include "theme.h"
#include "tradesmodel.h"

#include <QApplication>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace veloce;

namespace {
std::vector<Bar> bars(std::int64_t t0, int n, std::int64_t step = 1000)
{
    std::vector<Bar> out;
    double p = 42000;
    for (int i = 0; i < n; ++i) {
        Bar b;
        b.t = t0 + i * step;
        b.open = p;
        p += (i % 7 < 3 ? 4.0 : -3.0);
        b.close = p;
        b.high = std::max(b.open, b.close) + 2;
        b.low = std::min(b.open, b.close) - 2;
        b.vbuy = 1;
        b.vsell = 1;
        out.push_back(b);
    }
    return out;
}

// Share of pixels in `rect` of `image` that are close to `color`.
double coverage(const QImage& image, const QRect& rect, const QColor& color)
{
    int hit = 0;
    int all = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            ++all;
            if (std::abs(c.red() - color.red()) < 12 && std::abs(c.green() - color.green()) < 12
                && std::abs(c.blue() - color.blue()) < 12)
                ++hit;
        }
    }
    return all ? double(hit) / all : 0;
}
} // namespace

class TestWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void scoreBarsShowASnapshot()
    {
        ScoreBars bars;
        bars.resize(400, 220);
        PhaseScores s;
        s.squeeze = 1.5; // half of 3
        s.divergence = 0;
        s.reset = 2; // full
        s.momentum = 0.3; // a fifth of 1.5
        s.volume = 1.5;
        s.total = 5.3;
        bars.setThreshold(4.0);
        bars.setScores(s);
        QCOMPARE(bars.valueText(0), QStringLiteral("1.50 / 3"));
        QCOMPARE(bars.valueText(2), QStringLiteral("2.00 / 2"));
        QCOMPARE(bars.valueText(3), QStringLiteral("0.30 / 1.5"));
        QCOMPARE(bars.valueText(5), QStringLiteral("5.30 / 10"));
        for (int row = 0; row < ScoreBars::kRows; ++row) {
            const double expected = bars.rowValue(row) / bars.rowMaximum(row);
            QVERIFY(std::abs(bars.fillRect(row).width() / bars.trackRect(row).width() - expected) < 1e-9);
        }
        QCOMPARE(bars.fillColor(5), Theme::up()); // total 5.3 >= 4: the entry colour
        QCOMPARE(bars.fillColor(1), Theme::level(0)); // divergence 0: grey
        QVERIFY(bars.rowToolTip(1).contains(QStringLiteral("volume")));
        QVERIFY(bars.rowToolTip(5).contains(QStringLiteral("4.0")));

        // And it is what gets painted: the filled part has the bar colour, the rest does not.
        const QImage img = bars.grab().toImage();
        const QRect fill = bars.fillRect(0).toRect().adjusted(3, 2, -3, -2);
        const QRectF track = bars.trackRect(0);
        const QRect empty
            = QRectF(bars.fillRect(0).right() + 3, track.top() + 2, track.width() / 2 - 6, track.height() - 4)
                  .toRect();
        QVERIFY(coverage(img, fill, bars.fillColor(0)) > 0.9);
        QVERIFY(coverage(img, empty, bars.fillColor(0)) < 0.05);
        const QRect totalFill = bars.fillRect(5).toRect().adjusted(3, 2, -3, -2);
        QVERIFY(coverage(img, totalFill, Theme::up()) > 0.8);

        s.total = 3.2; // below the threshold: no longer the entry colour
        bars.setScores(s);
        QVERIFY(bars.fillColor(5) != Theme::up());
    }

    void killSwitchActsOnFirstPressOfTheShortcut()
    {
        QWidget window;
        auto* kill = new KillSwitchButton(&window);
        auto* edit = new QLineEdit(&window); // focus somewhere else, as in real use
        window.resize(600, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        edit->setFocus();
        QSignalSpy killSpy(kill, &KillSwitchButton::killRequested);
        QSignalSpy rearmSpy(kill, &KillSwitchButton::rearmRequested);
        QCOMPARE(kill->state(), KillSwitchButton::State::Armed);
        QTest::keyClick(edit, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(killSpy.count(), 1); // one press, one halt: no dialog in the way
        QCOMPARE(kill->state(), KillSwitchButton::State::Pending);
        QVERIFY(edit->text().isEmpty()); // the chord did not leak into the focused field
        QTest::keyClick(edit, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(killSpy.count(), 1); // already halting: pressing again does nothing new

        kill->showHalted(2, 3.5);
        QCOMPARE(kill->state(), KillSwitchButton::State::Halted);
        QVERIFY(kill->statusText().contains(QStringLiteral("HALTED")));
        QVERIFY(kill->statusText().contains(QStringLiteral("2 position(s)")));
        QVERIFY(kill->statusText().contains(QStringLiteral("3.5 ms")));
        auto* rearm = kill->findChild<QPushButton*>(QStringLiteral("killSwitchRearm"));
        QVERIFY(rearm && rearm->isVisible());
        QTest::mouseClick(rearm, Qt::LeftButton);
        QCOMPARE(rearmSpy.count(), 1);
        QCOMPARE(kill->state(), KillSwitchButton::State::Halted); // only the owner re-arms
        kill->showArmed();
        QVERIFY(!rearm->isVisible());

        // The big button acts on press, before the release.
        auto* button = kill->findChild<QPushButton*>(QStringLiteral("killSwitchButton"));
        QTest::mousePress(button, Qt::LeftButton);
        QCOMPARE(killSpy.count(), 2);
        QTest::mouseRelease(button, Qt::LeftButton);
    }

    void dashboardShowsTheResultsNumbers()
    {
        auto r = std::make_shared<BacktestResult>();
        BacktestSummary& s = r->summary;
        s.symbol = QStringLiteral("BTCUSDT");
        s.startMs = 1'704'067'200'000;
        s.endMs = 1'711'929'540'000;
        s.bars = 131040;
        s.initialCapital = 100000;
        s.finalEquity = 98765.4321;
        s.totalReturn = -0.012345679;
        s.totalTrades = 321;
        s.winningTrades = 140;
        s.losingTrades = 181;
        s.winRate = 140.0 / 321.0;
        s.maxDrawdown = 0.0456;
        s.sharpeRatio = -0.8765;
        s.sortinoRatio = std::nullopt;
        s.profitFactor = 0.912;
        s.exposure = 0.3333;
        s.phaseActivity[0] = 0.995;
        s.phaseActivity[4] = 0.0123;
        s.signalCount = 5000;
        s.rejectedSignals = 4679;
        s.elapsedMs = 85.5;
        s.barsPerSecond = 1532000;
        r->source = QStringLiteral("BTCUSDT-1m.csv.gz");
        r->configHash = QStringLiteral("abcdef0123456789");
        r->bars = bars(s.startMs, 3000, 60000);
        Trade t;
        t.positionId = 1;
        t.entryMs = s.startMs + 600000;
        t.exitMs = s.startMs + 1200000;
        t.entryPrice = 42010;
        t.exitPrice = 42100;
        t.qty = 0.5;
        t.pnl = 45;
        r->trades = { t };
        SignalRecord acc;
        acc.accepted = true;
        acc.signal.t = t.entryMs;
        SignalRecord rej;
        rej.reason = RejectReason::MaxPositions;
        rej.signal.t = t.entryMs + 60000;
        r->signalRecords = { acc, rej };
        r->equity = { { s.startMs, 100000, 100000, 0 }, { s.endMs, 98765.4321, 98765.4321, 0.0123 } };

        Dashboard d;
        d.resize(1500, 900);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QSignalSpy exportSpy(&d, &Dashboard::exportRequested);
        d.setResult(r);
        const auto value = [&](const char* key) { return d.card(QString::fromLatin1(key))->value(); };
        QCOMPARE(value("total_return"), QStringLiteral("-1.23%"));
        QCOMPARE(value("final_equity"), QStringLiteral("98765.43"));
        QCOMPARE(value("max_drawdown"), QStringLiteral("4.56%"));
        QCOMPARE(value("sharpe_ratio"), QStringLiteral("-0.88"));
        QCOMPARE(value("sortino_ratio"), QStringLiteral("\u2014")); // null in summary.json
        QCOMPARE(value("profit_factor"), QStringLiteral("0.91"));
        QCOMPARE(value("win_rate"), QStringLiteral("43.6%"));
        QCOMPARE(value("total_trades"), QStringLiteral("321"));
        QCOMPARE(d.card(QStringLiteral("total_trades"))->note(), QStringLiteral("140 won \u00b7 181 lost"));
        QCOMPARE(value("exposure"), QStringLiteral("33.3%"));
        QCOMPARE(value("signals"), QStringLiteral("5000"));
        QCOMPARE(d.card(QStringLiteral("signals"))->note(), QStringLiteral("4679 rejected"));
        QCOMPARE(value("bars"), QStringLiteral("131040"));
        QCOMPARE(value("phase_squeeze"), QStringLiteral("99.5%"));
        QCOMPARE(value("phase_volume"), QStringLiteral("1.2%"));
        QCOMPARE(value("phase_reset"), QStringLiteral("0.0%"));
        QVERIFY(d.headerText().startsWith(QStringLiteral("BTCUSDT")));
        QCOMPARE(d.tradesModel()->rowCount(), 1);
        QCOMPARE(d.signalsModel()->total(), 2);
        QCOMPARE(d.signalsModel()->count(RejectReason::MaxPositions, Side::Long), 1);
        QCOMPARE(d.equityChart()->equityPointCount(), 2);
        CandleChartView* chart = d.candleChart()->view();
        // The chart redraws on its coalescing timer: wait for it (5 s against a hang), not a fixed time.
        QTRY_VERIFY(chart->candleObjectCount() > 10);
        QVERIFY(chart->candleObjectCount() <= ChartViewport::kMaxCandles);
        QVERIFY(chart->markerCount() >= 2); // the trade's entry and exit
        auto* exportButton = d.findChild<QPushButton*>(QStringLiteral("exportReport"));
        QVERIFY(exportButton->isEnabled());
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QCOMPARE(exportSpy.count(), 1);
        d.clear();
        QCOMPARE(value("total_return"), QStringLiteral("\u2014"));
        QVERIFY(!exportButton->isEnabled());
    }

    void candleChartStaysBoundedAndUpdatesInBatches()
    {
        CandleChart chart;
        chart.resize(1200, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        CandleChartView* v = chart.view();
        // A day of 1-second bars, then the whole day in view: still at most the cap.
        const auto day = bars(1'704'067'200'000, 86400);
        v->setBars(day);
        v->showAll();
        QVERIFY(v->candleObjectCount() > 100);
        QVERIFY(v->candleObjectCount() <= v->chartViewport().maxCandles());
        QVERIFY(v->bucketMs() >= 60000); // zoomed out: merged candles
        // Following with a 1-minute timeframe: live bars update the last candle or add one.
        chart.setTimeframe(60000);
        v->setFollowing(true);
        v->refreshNow();
        const int before = v->candleObjectCount();
        const std::int64_t lastT = v->shownCandles().back().t;
        std::vector<Bar> more = bars(day.back().t + 1000, 120);
        for (const Bar& b : more)
            v->appendBar(b);
        v->refreshNow();
        QVERIFY(v->candleObjectCount() <= before + 3);
        QVERIFY(v->shownCandles().back().t > lastT);
        QCOMPARE(v->shownCandles().back().close, more.back().close);
        // Timeframe switch aggregates exactly: the last 5-minute candle closes at the last bar.
        chart.setTimeframe(300000);
        QCOMPARE(v->bucketMs() % 300000, 0);
        QCOMPARE(v->shownCandles().back().close, more.back().close);
    }

    void settingsDialogValidatesLikeTheCli()
    {
        Config c;
        c.squeezeLength = 30;
        SettingsDialog dialog(c);
        QCOMPARE(dialog.fieldText(QStringLiteral("squeeze_length")), QStringLiteral("30"));
        QCOMPARE(dialog.fieldText(QStringLiteral("position_size_by_score.4-5")), QStringLiteral("0.5"));
        dialog.setFieldText(QStringLiteral("squeeze_length"), QStringLiteral("1"));
        dialog.setFieldText(QStringLiteral("max_drawdown_percent"), QStringLiteral("abc"));
        dialog.setFieldText(QStringLiteral("position_size_by_score.8+"), QStringLiteral("11"));
        dialog.setFieldText(QStringLiteral("freqtrade_url"), QStringLiteral("ftp://x"));
        QVERIFY(!dialog.validate());
        QVERIFY(dialog.fieldError(QStringLiteral("squeeze_length")).contains(QStringLiteral("out of range")));
        QVERIFY2(dialog.fieldError(QStringLiteral("max_drawdown_percent"))
                     .contains(QStringLiteral("expected a number")),
            qPrintable(dialog.fieldError(QStringLiteral("max_drawdown_percent"))));
        QVERIFY(dialog.fieldError(QStringLiteral("position_size_by_score.8+"))
                    .contains(QStringLiteral("out of range")));
        QVERIFY(dialog.fieldError(QStringLiteral("freqtrade_url")).contains(QStringLiteral("http://")));
        QVERIFY(dialog.fieldError(QStringLiteral("min_entry_score")).isEmpty());
        dialog.setFieldText(QStringLiteral("squeeze_length"), QStringLiteral("25"));
        dialog.setFieldText(QStringLiteral("max_drawdown_percent"), QStringLiteral("0.3"));
        dialog.setFieldText(QStringLiteral("position_size_by_score.8+"), QStringLiteral("2"));
        dialog.setFieldText(QStringLiteral("freqtrade_url"), QStringLiteral("http://127.0.0.1:8080"));
        dialog.setFieldText(
            QStringLiteral("influx_markets"), QStringLiteral("BINANCE:btcusdt, BYBIT:BTCUSDT"));
        QVERIFY(dialog.validate());
        QVERIFY(dialog.fieldError(QStringLiteral("squeeze_length")).isEmpty());
        QCOMPARE(dialog.config().squeezeLength, 25);
        QCOMPARE(dialog.config().maxDrawdownPercent, 0.3);
        QCOMPARE(dialog.config().sizeTop, 2.0);
        QCOMPARE(dialog.config().influxMarkets,
            QStringList({ QStringLiteral("BINANCE:btcusdt"), QStringLiteral("BYBIT:BTCUSDT") }));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
