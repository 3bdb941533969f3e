// The Optimizer (issue 14) through the real window and the real engine: a sweep on simulated bars
// runs from the panel's button on a worker thread, its progress reaches 100 %, its table shows
// exactly what `veloce-cli sweep` writes for the same grid and data, its heatmap is drawn on the
// viridis scale with a legend, a double-click backtests that configuration into the dashboard with
// the row's numbers, cancel stops a run, the sweep report is written, and the walk-forward view
// shows the windows of `veloce-cli walkforward`. Plus the models under QAbstractItemModelTester,
// the grid form's parsing and the colour scale.
#include "../research/sweepfiles.h"
#include "backtestrunner.h"
#include "clirunner.h"
#include "dashboard.h"
#include "displayformat.h"
#include "gridform.h"
#include "heatmapscale.h"
#include "heatmapview.h"
#include "isolatedsettings.h"
#include "maincontroller.h"
#include "mainwindow.h"
#include "metrictext.h"
#include "optimizercontroller.h"
#include "optimizerpanel.h"
#include "optimizerrunner.h"
#include "optimizerwindow.h"
#include "report/summaryjson.h"
#include "report/sweepfolder.h"
#include "researchinputs.h"
#include "sourcepicker.h"
#include "statcard.h"
#include "sweepresultsmodel.h"
#include "sweepview.h"
#include "types/configjson.h"
#include "uilanguage.h"
#include "walkforwardchart.h"
#include "walkforwardmodel.h"
#include "walkforwardview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace veloce;
using nlohmann::ordered_json;

namespace {
constexpr int kBars = 40000; // 11 hours of simulated 1-second bars
constexpr quint64 kSeed = 7;
// Indicator keys (two score streams each) and a portfolio key: 8 configurations.
const char* const kGrid = R"({"squeeze_length": [14, 20], "squeeze_keltner": ["range", "atr"],
                              "min_entry_score": [3, 4.5]})";

GuiOptions quietOptions(const QString& journal)
{
    GuiOptions o;
    o.session = false;
    o.journalPath = journal;
    return o;
}

QString writeGrid(
    const QTemporaryDir& dir, const char* grid, const QString& name = QStringLiteral("grid.json"))
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(grid);
    return path;
}

// Sets the Optimizer's form as a user would: simulated bars, the grid, the threads.
void setUp(OptimizerController& optimizer, int bars, const char* grid)
{
    optimizer.show();
    optimizer.panel()->source()->setSimulator(bars, kSeed);
    optimizer.panel()->gridForm()->setGrid(ordered_json::parse(grid));
    optimizer.panel()->setJobs(2);
}

std::shared_ptr<const SweepResult> smallSweep()
{
    static const std::shared_ptr<const SweepResult> result = [] {
        SourceSpec spec;
        spec.kind = SourceSpec::Kind::Simulator;
        spec.simulateBars = 20000;
        spec.seed = kSeed;
        const auto market = ResearchInputs::loadMarket(spec, Config(), QStringLiteral("sim"));
        const SweepPlan plan(Grid::fromJson(ordered_json::parse(kGrid), QStringLiteral("grid")), Config());
        Sweep::Options options;
        options.jobs = 2;
        return std::make_shared<const SweepResult>(Sweep::run(plan, { market }, options));
    }();
    return result;
}

// Every summary.json number of two runs but the wall-clock ones.
QString sameSummary(const BacktestSummary& a, const BacktestSummary& b)
{
    nlohmann::json x = SummaryJson::toJson(a);
    nlohmann::json y = SummaryJson::toJson(b);
    for (const char* timing : { "elapsed_ms", "bars_per_second" }) {
        x.erase(timing);
        y.erase(timing);
    }
    return x == y ? QString() : QString::fromStdString(x.dump() + "\n vs \n" + y.dump());
}

QString u(const char* text)
{
    return QString::fromUtf8(text);
}

QStringList fields(std::initializer_list<const char*> texts)
{
    QStringList out;
    for (const char* t : texts)
        out << u(t);
    return out;
}

double cellNumber(const QString& text)
{
    return text.isEmpty() ? std::numeric_limits<double>::quiet_NaN() : text.toDouble();
}
} // namespace

class TestOptimizer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir, QStringLiteral("tst_optimizer"));
        QVERIFY(UiLanguage::install(QStringLiteral("en"))); // plural forms, as the app has them
    }

    void colourScale_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<bool>("minimised");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("position");
        QTest::newRow("largest is best") << -1.0 << 3.0 << false << 3.0 << 1.0;
        QTest::newRow("smallest is worst") << -1.0 << 3.0 << false << -1.0 << 0.0;
        QTest::newRow("in between") << -1.0 << 3.0 << false << 0.0 << 0.25;
        QTest::newRow("drawdown: smallest is best") << 0.05 << 0.25 << true << 0.05 << 1.0;
        QTest::newRow("drawdown: largest is worst") << 0.05 << 0.25 << true << 0.25 << 0.0;
        QTest::newRow("one value: the middle") << 2.0 << 2.0 << false << 2.0 << 0.5;
        QTest::newRow("outside: clamped") << 0.0 << 1.0 << false << 7.0 << 1.0;
    }

    void colourScale()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(bool, minimised);
        QFETCH(double, value);
        QFETCH(double, position);
        const HeatmapScale scale(min, max, minimised);
        QCOMPARE(scale.position(value), position);
        // Bright is better: viridis from dark purple (worst) to yellow (best).
        QCOMPARE(scale.colour(value), HeatmapScale::colourAt(position));
        QCOMPARE(HeatmapScale::colourAt(0).name(), QStringLiteral("#440154"));
        QCOMPARE(HeatmapScale::colourAt(1).name(), QStringLiteral("#fde725"));
        QCOMPARE(HeatmapScale::colourAt(0.5).name(), QStringLiteral("#21918c"));
        // Legend ticks run from the worst to the best.
        const std::vector<double> ticks = scale.ticks(5);
        QCOMPARE(ticks.front(), minimised ? max : min);
        QCOMPARE(ticks.back(), minimised ? min : max);
        QCOMPARE(HeatmapScale::textOn(HeatmapScale::colourAt(1)), QColor(0x11, 0x11, 0x11));
        QCOMPARE(HeatmapScale::textOn(HeatmapScale::colourAt(0)), QColor(Qt::white));
    }

    void gridFormRows_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("fields"); // one: a list; three: from, to, step
        QTest::addColumn<QString>("json"); // the grid, or empty when refused
        QTest::addColumn<QString>("error"); // part of the message when refused
        QTest::newRow("numbers") << u("min_entry_score") << fields({ "4, 5, 6" })
                                 << u(R"({"min_entry_score":[4,5,6]})") << QString();
        QTest::newRow("words") << u("squeeze_keltner") << fields({ "range,atr" })
                               << u(R"({"squeeze_keltner":["range","atr"]})") << QString();
        QTest::newRow("decimals as written")
            << u("fee_rate") << fields({ "0, 0.0004" }) << u(R"({"fee_rate":[0,0.0004]})") << QString();
        QTest::newRow("a JSON array")
            << u("position_size_by_score") << fields({ R"([{"4-5": 1}, {"4-5": 2}])" })
            << u(R"({"position_size_by_score":[{"4-5":1},{"4-5":2}]})") << QString();
        QTest::newRow("a range") << u("squeeze_length") << fields({ "10", "40", "5" })
                                 << u(R"({"squeeze_length":{"from":10,"to":40,"step":5}})") << QString();
        QTest::newRow("a bucket") << u("position_size_by_score.4-5") << fields({ "0.25, 0.5" })
                                  << u(R"({"position_size_by_score.4-5":[0.25,0.5]})") << QString();
        QTest::newRow("an empty value") << u("min_entry_score") << fields({ "4,,6" }) << QString()
                                        << u(R"(key "min_entry_score": an empty value)");
        QTest::newRow("no values") << u("min_entry_score") << fields({ " " }) << QString()
                                   << u(R"(key "min_entry_score": no values)");
        QTest::newRow("a decimal comma") << u("squeeze_length") << fields({ "10", "4,5", "5" }) << QString()
                                         << u(R"(key "squeeze_length": to: "4,5" is not a number)");
        QTest::newRow("values without a key") << u("") << fields({ "1, 2" }) << QString() << u("no key");
    }

    void gridFormRows()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, fields);
        QFETCH(QString, json);
        QFETCH(QString, error);
        GridForm form;
        form.addRow();
        if (fields.size() == 1)
            form.setRow(0, key, fields.at(0));
        else
            form.setRangeRow(0, key, fields.at(0), fields.at(1), fields.at(2));
        try {
            const ordered_json grid = form.grid(QStringLiteral("Optimizer grid"));
            QVERIFY2(error.isEmpty(), qPrintable(QString::fromStdString(grid.dump())));
            QCOMPARE(QString::fromStdString(grid.dump()), json);
            // What the form writes, Grid reads (docs/research.md §1), and the form reads back.
            Grid::fromJson(grid, QStringLiteral("Optimizer grid"));
            GridForm again;
            again.setGrid(grid);
            QCOMPARE(QString::fromStdString(again.grid(QStringLiteral("again")).dump()), json);
        } catch (const ConfigError& e) {
            QVERIFY2(!error.isEmpty(), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(error), e.what());
            QVERIFY(QString::fromUtf8(e.what()).startsWith(QStringLiteral("Optimizer grid")));
        }
    }

    void resultsModel()
    {
        const auto result = smallSweep();
        SweepResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(result);
        QCOMPARE(model.rowCount(), int(result->rows.size()));
        QCOMPARE(model.columnCount(), 1 + 3 + int(SweepResultsModel::metricKeys().size()));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("squeeze_length"));
        const int sharpe = model.metricColumn(QStringLiteral("sharpe_ratio"));
        const int trades = model.metricColumn(QStringLiteral("total_trades"));
        for (int row = 0; row < model.rowCount(); ++row) {
            const SweepRow& r = result->rows[std::size_t(row)];
            QCOMPARE(model.configAt(row), r.config);
            QCOMPARE(model.index(row, sharpe).data(Qt::UserRole).toDouble(), r.summary.sharpeRatio);
            QCOMPARE(model.index(row, sharpe).data().toString(),
                MetricText::format(QStringLiteral("sharpe_ratio"), r.summary.sharpeRatio));
            QCOMPARE(model.index(row, trades).data().toString(), DisplayFormat::count(r.summary.totalTrades));
            const std::vector<int> at = result->grid.coordinates(r.config);
            QCOMPARE(model.index(row, 2).data().toString(),
                Grid::valueText(result->grid.dimensions()[1].values[std::size_t(at[1])]));
        }
        // Sorted by rank, the first row is the best configuration; by Sharpe descending too (the
        // objective), unless two share the best Sharpe ratio.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("1"));
        QCOMPARE(proxy.index(0, 0).data(SweepResultsModel::kConfigRole).toLongLong(), result->best);
        proxy.sort(sharpe, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, sharpe).data(Qt::UserRole).toDouble(),
            result->row(std::size_t(result->position(result->best)), 0).summary.sharpeRatio);
        model.setResult(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void heatmapDrawsTheScale()
    {
        const auto result = smallSweep();
        const SweepHeatmaps heatmaps(*result);
        const SweepHeatmap* map = heatmaps.find(0, 2); // squeeze_length across, min_entry_score up
        QVERIFY(map);
        HeatmapView view;
        view.resize(700, 420);
        view.setHeatmap(*map, result->grid, result->objective, result->best);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.valueCells(), 4);
        const QImage image = view.grab().toImage();
        const HeatmapScale scale(*map->min, *map->max, false);
        for (int y = 0; y < map->rows; ++y) {
            for (int x = 0; x < map->columns; ++x) {
                // A corner of the cell (the value is written in its middle, the best is outlined).
                const QRect cell = view.cellRect(x, y);
                const QColor drawn = image.pixelColor(cell.topLeft() + QPoint(6, 6));
                QCOMPARE(drawn, scale.colour(*map->cells[std::size_t(y * map->columns + x)]));
                QVERIFY(view.cellText(x, y).contains(QStringLiteral("squeeze_length = ")));
            }
        }
        // The legend: five numbers from the worst to the best, the objective's own format.
        const QStringList legend = view.legendTexts();
        QCOMPARE(legend.size(), 5);
        QCOMPARE(legend.front(), MetricText::format(QStringLiteral("sharpe_ratio"), map->min));
        QCOMPARE(legend.back(), MetricText::format(QStringLiteral("sharpe_ratio"), map->max));
        // A double-click on a cell asks for that configuration.
        QSignalSpy activated(&view, &HeatmapView::configurationActivated);
        QTest::mouseDClick(&view, Qt::LeftButton, {}, view.cellRect(1, 1).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), map->configs[std::size_t(1 * map->columns + 1)]);
    }

    void sweepFromTheWindowEqualsTheCli()
    {
        // The CLI's sweep of the same grid and bars: what the table must show.
        const QString grid = writeGrid(m_dir, kGrid);
        const QString cliOut = m_dir.filePath(QStringLiteral("cli-sweep"));
        const CliRun cli
            = runCli({ QStringLiteral("sweep"), QStringLiteral("--simulate"), QString::number(kBars),
                QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--grid"), grid,
                QStringLiteral("--out"), cliOut, QStringLiteral("--jobs"), QStringLiteral("2") });
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const SweepFiles::Table csv = SweepFiles::readCsv(cliOut + QStringLiteral("/sweep.csv"));
        QCOMPARE(csv.rows.size(), std::size_t(8));

        MainController controller(quietOptions(m_dir.filePath(QStringLiteral("sweep.sqlite"))));
        QVERIFY(controller.start());
        OptimizerController* optimizer = controller.optimizer();
        setUp(*optimizer, kBars, kGrid);
        QCOMPARE(optimizer->panel()->gridSummary(), QStringLiteral("8 configurations"));
        QSignalSpy progress(optimizer->runner(), &OptimizerRunner::progress);
        QSignalSpy done(optimizer->runner(), &OptimizerRunner::sweepFinished);
        QSignalSpy failed(optimizer->runner(), &OptimizerRunner::failed);
        QTest::mouseClick(optimizer->panel()->sweepButton(), Qt::LeftButton);
        QVERIFY(optimizer->runner()->isRunning());
        QVERIFY(optimizer->panel()->cancelButton()->isEnabled());
        QVERIFY(done.wait(240000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));

        // Progress reached 100 %: every run done, the bar full.
        QVERIFY(progress.size() >= 2);
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(1).toLongLong(), 8);
        QCOMPARE(last.at(2).toLongLong(), 8);
        QCOMPARE(last.at(3).toDouble(), 1.0);
        QCOMPARE(optimizer->panel()->progressPercent(), 100);
        QCOMPARE(optimizer->panel()->progressText(), QStringLiteral("100% \u2014 8 of 8 runs"));
        QVERIFY(!optimizer->panel()->cancelButton()->isEnabled());
        QVERIFY(optimizer->panel()->statusText().startsWith(QStringLiteral("Done: 8 configurations")));

        // The table holds the CLI's rows, number for number.
        SweepView* view = optimizer->window()->sweepView();
        const SweepResultsModel* model = view->resultsModel();
        const auto sweep = optimizer->lastSweep();
        QCOMPARE(model->rowCount(), int(csv.rows.size()));
        QCOMPARE(model->rowCount(), int(sweep->result->rows.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto& want = csv.rows[std::size_t(row)];
            for (int k = 0; k < 3; ++k) {
                const QString key = sweep->result->grid.dimensions()[std::size_t(k)].key;
                QCOMPARE(
                    model->index(row, model->gridColumn(k)).data().toString(), want.at(key.toStdString()));
            }
            for (const QString& key : SweepResultsModel::metricKeys()) {
                const QVariant got = model->index(row, model->metricColumn(key)).data(Qt::UserRole);
                const double expected = cellNumber(want.at(key.toStdString()));
                if (std::isnan(expected))
                    QVERIFY2(!got.isValid(), qPrintable(key));
                else
                    QVERIFY2(got.toDouble() == expected,
                        qPrintable(QStringLiteral("row %1 %2: %3 vs %4")
                                       .arg(row)
                                       .arg(key)
                                       .arg(got.toDouble())
                                       .arg(expected)));
            }
        }
        // And every column of sweep.csv, timings aside, written from the window's result.
        const QString guiOut = m_dir.filePath(QStringLiteral("gui-sweep"));
        SweepFolder::write(*sweep->result, guiOut);
        const QString same
            = SweepFiles::sameRows(csv, SweepFiles::readCsv(guiOut + QStringLiteral("/sweep.csv")));
        QVERIFY2(same.isEmpty(), qPrintable(same));
        const QJsonObject cliJson = SweepFiles::readJson(cliOut + QStringLiteral("/sweep.json"));
        QCOMPARE(qint64(sweep->result->best),
            cliJson[QStringLiteral("best")].toObject()[QStringLiteral("index")].toInteger());

        // Best configuration, its overfitting check beside it, the heatmap drawn.
        QVERIFY(view->headline().contains(sweep->result->grid.describe(sweep->result->best)));
        const OverfittingCheck& check = sweep->result->checks.front();
        QCOMPARE(view->card(QStringLiteral("pbo"))->value(),
            DisplayFormat::percent(*check.overfitting.probability, 1));
        QCOMPARE(view->card(QStringLiteral("deflated_sharpe"))->value(),
            check.deflatedSharpe.probability ? DisplayFormat::percent(*check.deflatedSharpe.probability, 1)
                                             : QStringLiteral("\u2014"));
        QVERIFY(view->heatmapView()->hasHeatmap());
        QCOMPARE(view->heatmapView()->valueCells(), 4);
        QCOMPARE(view->heatmapView()->legendTexts().size(), 5);
        QVERIFY(view->heatmapNote().contains(QStringLiteral("min_entry_score = ")));
        view->setAxes(2, 0); // min_entry_score across, squeeze_length up: still 2 x 2, others at best
        QCOMPARE(view->heatmapView()->heatmap().xDimension, 2);
        QCOMPARE(view->xAxis()->currentText(), QStringLiteral("min_entry_score"));
        QVERIFY(view->heatmapNote().contains(QStringLiteral("squeeze_keltner = ")));

        // Export the sweep report from the view.
        const QString html = m_dir.filePath(QStringLiteral("sweep.html"));
        QSignalSpy written(optimizer, &OptimizerController::reportWritten);
        optimizer->exportReport(html);
        QVERIFY(written.wait(60000));
        QVERIFY2(written.first().at(1).toString().isEmpty(), qPrintable(written.first().at(1).toString()));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray bytes = page.readAll();
        QVERIFY(bytes.size() > 10000);
        QVERIFY(bytes.contains("veloceSweep"));
    }

    void doubleClickBacktestsTheRow_data()
    {
        QTest::addColumn<int>("rank");
        QTest::newRow("the best") << 1;
        QTest::newRow("the worst") << 8;
    }

    void doubleClickBacktestsTheRow()
    {
        QFETCH(int, rank);
        MainController controller(quietOptions(m_dir.filePath(QStringLiteral("click%1.sqlite").arg(rank))));
        QVERIFY(controller.start());
        OptimizerController* optimizer = controller.optimizer();
        setUp(*optimizer, kBars, kGrid);
        QSignalSpy done(optimizer->runner(), &OptimizerRunner::sweepFinished);
        QTest::mouseClick(optimizer->panel()->sweepButton(), Qt::LeftButton);
        QVERIFY(done.wait(240000));

        QTableView* table = optimizer->window()->sweepView()->resultsTable();
        QVERIFY(QTest::qWaitForWindowExposed(optimizer->window()));
        QAbstractItemModel* shown = table->model(); // sorted by rank
        int row = -1;
        for (int r = 0; r < shown->rowCount(); ++r)
            if (shown->index(r, 0).data(Qt::UserRole).toInt() == rank)
                row = r;
        QVERIFY(row >= 0);
        const qint64 config = shown->index(row, 0).data(SweepResultsModel::kConfigRole).toLongLong();
        const auto sweep = optimizer->lastSweep();
        const SweepRow& want = sweep->result->row(std::size_t(sweep->result->position(config)), 0);

        QSignalSpy backtest(controller.runner(), &BacktestRunner::finished);
        table->scrollTo(shown->index(row, 1));
        const QRect cell = table->visualRect(shown->index(row, 1));
        // A real double-click: press and release, then the double-click event (what QTest's
        // mouseDClick alone does not send to a widget).
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(backtest.wait(240000));
        Dashboard* dash = controller.window()->dashboard();
        QVERIFY(dash->result());
        QVERIFY(controller.window()->dashboardShown());
        const QString same = sameSummary(dash->result()->summary, want.summary);
        QVERIFY2(same.isEmpty(), qPrintable(same));
        QCOMPARE(dash->result()->configHash, ConfigJson::hash(sweep->plan->config(config)));
        QCOMPARE(dash->card(QStringLiteral("total_trades"))->value(),
            DisplayFormat::count(want.summary.totalTrades));
    }

    void cancelStopsARun_data()
    {
        QTest::addColumn<int>("bars");
        QTest::addColumn<bool>("afterFirstRuns");
        QTest::newRow("while the bars are read") << 3000000 << false;
        QTest::newRow("while configurations run") << 600000 << true;
    }

    void cancelStopsARun()
    {
        QFETCH(int, bars);
        QFETCH(bool, afterFirstRuns);
        MainController controller(quietOptions(m_dir.filePath(QStringLiteral("cancel%1.sqlite").arg(bars))));
        QVERIFY(controller.start());
        OptimizerController* optimizer = controller.optimizer();
        // 4 x 4 x 2 = 32 configurations in 8 score streams.
        setUp(*optimizer, bars,
            R"({"squeeze_length": [10, 14, 20, 30], "min_entry_score": [3, 4, 5, 6], "squeeze_keltner": ["range", "atr"]})");
        QSignalSpy progress(optimizer->runner(), &OptimizerRunner::progress);
        QSignalSpy done(optimizer->runner(), &OptimizerRunner::sweepFinished);
        QSignalSpy cancelled(optimizer->runner(), &OptimizerRunner::cancelled);
        QTest::mouseClick(optimizer->panel()->sweepButton(), Qt::LeftButton);
        if (afterFirstRuns) // the sweep is under way: runs are counted
            QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(2).toLongLong() > 0, 240000);
        QTest::mouseClick(optimizer->panel()->cancelButton(), Qt::LeftButton);
        QCOMPARE(optimizer->panel()->statusText(), QStringLiteral("Cancelling\u2026"));
        QTRY_VERIFY_WITH_TIMEOUT(!optimizer->runner()->isRunning(), 240000);
        if (!afterFirstRuns) {
            QCOMPARE(cancelled.size(), 1);
            QCOMPARE(done.size(), 0);
            QVERIFY(optimizer->panel()->statusText().startsWith(QStringLiteral("Cancelled")));
        } else if (done.size() == 1) { // the configurations that finished are shown, marked cancelled
            const auto sweep = done.first().at(1).value<OptimizerRunner::SweepPtr>();
            QVERIFY(sweep->result->cancelled);
            QVERIFY(sweep->result->configs.size() < 32);
            QCOMPARE(optimizer->window()->sweepView()->resultsModel()->rowCount(),
                int(sweep->result->configs.size()));
            QVERIFY(optimizer->panel()->statusText().startsWith(QStringLiteral("Cancelled: ")));
        } else {
            QCOMPARE(cancelled.size(), 1);
        }
        QVERIFY(!optimizer->panel()->cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(optimizer->runner()->workerCount(), 0, 60000);
    }

    void walkForwardFromTheWindowEqualsTheCli()
    {
        const char* grid = R"({"squeeze_length": [14, 20], "min_entry_score": [3, 4.5]})";
        const QString gridPath = writeGrid(m_dir, grid, QStringLiteral("wf-grid.json"));
        const QString cliOut = m_dir.filePath(QStringLiteral("cli-wf"));
        const CliRun cli = runCli({ QStringLiteral("walkforward"), QStringLiteral("--simulate"),
            QString::number(kBars), QStringLiteral("--seed"), QString::number(kSeed),
            QStringLiteral("--grid"), gridPath, QStringLiteral("--train"), QStringLiteral("3h"),
            QStringLiteral("--test"), QStringLiteral("1h"), QStringLiteral("--out"), cliOut,
            QStringLiteral("--jobs"), QStringLiteral("2") });
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const SweepFiles::Table csv = SweepFiles::readCsv(cliOut + QStringLiteral("/walkforward.csv"));
        const QJsonObject json = SweepFiles::readJson(cliOut + QStringLiteral("/walkforward.json"));
        QVERIFY(csv.rows.size() >= 5);

        MainController controller(quietOptions(m_dir.filePath(QStringLiteral("wf.sqlite"))));
        QVERIFY(controller.start());
        OptimizerController* optimizer = controller.optimizer();
        setUp(*optimizer, kBars, grid);
        optimizer->panel()->setWalkForwardSpans(QStringLiteral("3h"), QStringLiteral("1h"));
        QSignalSpy done(optimizer->runner(), &OptimizerRunner::walkForwardFinished);
        QSignalSpy failed(optimizer->runner(), &OptimizerRunner::failed);
        QTest::mouseClick(optimizer->panel()->walkForwardButton(), Qt::LeftButton);
        QVERIFY(done.wait(240000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QVERIFY(optimizer->window()->walkForwardShown());
        QCOMPARE(optimizer->panel()->progressPercent(), 100);

        WalkForwardView* view = optimizer->window()->walkForwardView();
        WalkForwardModel* model = view->windowsModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto wf = optimizer->lastWalkForward();
        QCOMPARE(model->rowCount(), int(csv.rows.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto& want = csv.rows[std::size_t(row)];
            const auto at
                = [&](int column, int role = Qt::UserRole) { return model->index(row, column).data(role); };
            QCOMPARE(at(WalkForwardModel::TrainFrom).toLongLong(), want.at("train_from_ms").toLongLong());
            QCOMPARE(at(WalkForwardModel::TestFrom).toLongLong(), want.at("test_from_ms").toLongLong());
            QCOMPARE(at(WalkForwardModel::TestTo).toLongLong(), want.at("test_to_ms").toLongLong());
            const QString params = QStringLiteral("squeeze_length=%1, min_entry_score=%2")
                                       .arg(want.at("squeeze_length"), want.at("min_entry_score"));
            QCOMPARE(at(WalkForwardModel::Parameters, Qt::DisplayRole).toString(), params);
            for (const auto& [column, name] :
                { std::pair { int(WalkForwardModel::InSample), "in_sample_sharpe_ratio" },
                    std::pair { int(WalkForwardModel::OutOfSample), "out_of_sample_sharpe_ratio" } }) {
                const double expected = cellNumber(want.at(name));
                QVERIFY2(
                    std::isnan(expected) ? !at(column).isValid() : at(column).toDouble() == expected, name);
            }
        }
        // The chart: the stitched equity with a line where each test window starts, and the end.
        QCOMPARE(view->chart()->boundaryCount(), model->rowCount() + 1);
        QVERIFY(view->chart()->equityPointCount() > 100);
        QVERIFY(view->chart()->windowLabels().contains(QStringLiteral("W1")));
        // The walk-forward efficiency of the CLI's walkforward.json.
        const QJsonValue wfe = json[QStringLiteral("walk_forward_efficiency")];
        QCOMPARE(view->card(QStringLiteral("efficiency"))->value(),
            wfe.isNull() ? QStringLiteral("\u2014") : DisplayFormat::percent(wfe.toDouble(), 1));
        QCOMPARE(
            view->card(QStringLiteral("windows"))->value(), DisplayFormat::count(qint64(csv.rows.size())));

        // The stitched out-of-sample run opens in the dashboard.
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("openStitched")), Qt::LeftButton);
        Dashboard* dash = controller.window()->dashboard();
        QVERIFY(dash->result());
        QCOMPARE(dash->result()->summary.totalTrades, wf->result->stitched.totalTrades);
        QCOMPARE(dash->result()->summary.finalEquity, wf->result->stitched.finalEquity);
        QVERIFY(controller.lastReport());
    }
};

QTEST_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
