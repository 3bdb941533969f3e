#include "optimizercontroller.h"

#include "backgroundwrite.h"
#include "clicommand.h"
#include "configloader.h"
#include "displayformat.h"
#include "gridform.h"
#include "guioptions.h"
#include "mainwindow.h"
#include "optimizerpanel.h"
#include "optimizerwindow.h"
#include "report/jsonfile.h"
#include "report/sweephtmlreport.h"
#include "sourcepicker.h"
#include "sweepview.h"
#include "types/configjson.h"
#include "walkforwardview.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <climits>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// What the form shows on first use: a small grid that runs in seconds and makes a readable heatmap.
const char* const kStarterGrid = R"({"squeeze_length": {"from": 10, "to": 40, "step": 10},
                                     "min_entry_score": [3, 4, 5, 6]})";

QStringList gridKeys()
{
    QStringList keys = ConfigJson::keys();
    // One bucket of an object key, as a grid names it (docs/research.md §1).
    const qsizetype at = keys.indexOf(QStringLiteral("position_size_by_score"));
    const QStringList buckets
        = { QStringLiteral("position_size_by_score.0-3.9"), QStringLiteral("position_size_by_score.4-5"),
              QStringLiteral("position_size_by_score.6-7"), QStringLiteral("position_size_by_score.8+") };
    for (qsizetype i = 0; i < buckets.size(); ++i)
        keys.insert(at < 0 ? keys.size() : at + 1 + i, buckets.at(i));
    return keys;
}
} // namespace

OptimizerController::OptimizerController(MainWindow* mainWindow, QObject* parent)
    : QObject(parent)
    , m_mainWindow(mainWindow)
    , m_panel(new OptimizerPanel)
    , m_window(std::make_unique<OptimizerWindow>(m_panel))
    , m_runner(new OptimizerRunner(this))
{
    // The one entry in the main window: its own menu, so the window's menus stay the window's.
    QMenu* research = mainWindow->menuBar()->addMenu(tr("&Research"));
    QAction* open = research->addAction(tr("&Optimizer\u2026"), this, &OptimizerController::show);
    open->setObjectName(QStringLiteral("openOptimizer"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    open->setToolTip(tr("Parameter sweeps, heatmaps, walk-forward analysis and the overfitting check"));
    connect(mainWindow, &MainWindow::closing, m_window.get(), &QWidget::close);

    GridForm* form = m_panel->gridForm();
    form->setKeys(gridKeys());
    form->setGrid(nlohmann::ordered_json::parse(kStarterGrid));
    connect(form, &GridForm::changed, this, &OptimizerController::showGridSummary);
    connect(form, &GridForm::loadRequested, this, [this] { loadGrid(); });
    connect(form, &GridForm::saveRequested, this, [this] { saveGrid(); });
    connect(m_panel, &OptimizerPanel::sweepRequested, this, &OptimizerController::runSweep);
    connect(m_panel, &OptimizerPanel::walkForwardRequested, this, &OptimizerController::runWalkForward);
    connect(m_panel, &OptimizerPanel::cancelRequested, this, &OptimizerController::cancel);

    SweepView* sweep = m_window->sweepView();
    connect(sweep, &SweepView::configurationActivated, this, &OptimizerController::openConfiguration);
    connect(sweep, &SweepView::exportRequested, this, [this] { exportReport(); });
    connect(m_window->walkForwardView(), &WalkForwardView::openStitchedRequested, this, [this] {
        if (m_walkForward)
            Q_EMIT resultOpened(m_walkForward->stitched, m_walkForward->report);
    });

    connect(m_runner, &OptimizerRunner::progress, m_panel,
        [this](int, qint64 done, qint64 total, double fraction, double etaMs) {
            m_panel->setProgress(done, total, fraction, etaMs);
        });
    connect(m_runner, &OptimizerRunner::sweepFinished, this, &OptimizerController::onSweepFinished);
    connect(
        m_runner, &OptimizerRunner::walkForwardFinished, this, &OptimizerController::onWalkForwardFinished);
    connect(m_runner, &OptimizerRunner::failed, this, &OptimizerController::onFailed);
    connect(m_runner, &OptimizerRunner::cancelled, this, [this] {
        m_panel->setRunning(false);
        m_panel->setStatus(tr("Cancelled before any configuration finished"));
        afterLaunchRun();
    });
    showGridSummary();
}

OptimizerController::~OptimizerController()
{
    delete m_runner; // cancels and joins the workers before the views they report to go away
    m_runner = nullptr;
}

void OptimizerController::setConfig(const Config& config)
{
    m_base = config;
    m_panel->gridForm()->setBase(ConfigJson::toJson(config, true));
}

void OptimizerController::show()
{
    m_window->present();
}

bool OptimizerController::readGrid(Grid& grid) const
{
    const QString source = tr("Optimizer grid");
    try {
        grid = Grid::fromJson(m_panel->gridForm()->grid(source), source);
        return true;
    } catch (const ConfigError& e) {
        m_panel->setStatus(QString::fromUtf8(e.what()), true);
        return false;
    }
}

void OptimizerController::showGridSummary()
{
    try {
        const QString source = tr("Optimizer grid");
        const Grid grid = Grid::fromJson(m_panel->gridForm()->grid(source), source);
        m_panel->setGridSummary(
            tr("%n configuration(s)", nullptr, int(std::min<std::int64_t>(grid.size(), INT_MAX))), false);
    } catch (const ConfigError& e) {
        m_panel->setGridSummary(e.problem(), true);
    }
}

void OptimizerController::runSweep()
{
    Grid grid;
    if (!readGrid(grid))
        return;
    Sweep::Options options;
    options.jobs = m_panel->jobs();
    options.objective = m_panel->objective();
    SourceSpec source;
    try {
        source = m_panel->sourceSpec(m_base);
    } catch (const std::exception& e) {
        m_panel->setStatus(QString::fromUtf8(e.what()), true);
        return;
    }
    m_panel->setRunning(true);
    m_runner->startSweep(source, m_base, grid, options);
    m_panel->setStatus(tr("Sweeping %1 configurations on %n thread(s)\u2026", nullptr, options.jobs)
                           .arg(DisplayFormat::count(grid.size())));
    m_window->showSweep();
}

void OptimizerController::runWalkForward()
{
    Grid grid;
    if (!readGrid(grid))
        return;
    WalkForward::Options options;
    SourceSpec source;
    try {
        options = m_panel->walkForwardOptions();
        source = m_panel->sourceSpec(m_base);
    } catch (const std::exception& e) {
        m_panel->setStatus(QString::fromUtf8(e.what()), true);
        return;
    }
    m_panel->setRunning(true);
    m_runner->startWalkForward(source, m_base, grid, options);
    m_panel->setStatus(
        tr("Walk-forward over %1 configurations per window\u2026").arg(DisplayFormat::count(grid.size())));
    m_window->showWalkForward();
}

void OptimizerController::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_panel->setStatus(tr("Cancelling\u2026"));
}

void OptimizerController::onSweepFinished(int, OptimizerRunner::SweepPtr sweep)
{
    m_sweep = std::move(sweep);
    const SweepResult& r = *m_sweep->result;
    m_panel->setRunning(false);
    m_window->sweepView()->setSweep(m_sweep->result, m_sweep->heatmaps);
    m_window->showSweep();
    const QString time = DisplayFormat::duration(r.elapsedMs);
    m_panel->setStatus(r.cancelled ? tr("Cancelled: %1 of %2 configurations finished in %3; they are shown")
                                         .arg(DisplayFormat::count(std::int64_t(r.configs.size())),
                                             DisplayFormat::count(r.grid.size()), time)
                                   : tr("Done: %1 configurations in %2. Double-click one to backtest it.")
                                         .arg(DisplayFormat::count(std::int64_t(r.configs.size())), time));
    afterLaunchRun();
}

void OptimizerController::onWalkForwardFinished(int, OptimizerRunner::WalkForwardPtr walkForward)
{
    m_walkForward = std::move(walkForward);
    const WalkForwardResult& r = *m_walkForward->result;
    m_panel->setRunning(false);
    m_window->walkForwardView()->setResult(m_walkForward->result, m_walkForward->stitched);
    m_window->showWalkForward();
    m_panel->setStatus(
        tr("Done: %n window(s) in %1; walk-forward efficiency %2", nullptr, int(r.windows.size()))
            .arg(DisplayFormat::duration(r.elapsedMs),
                r.efficiency ? DisplayFormat::percent(*r.efficiency, 1) : QStringLiteral("\u2014")));
    afterLaunchRun();
}

void OptimizerController::onFailed(int, const QString& message)
{
    m_panel->setRunning(false);
    m_panel->setStatus(message, true);
    if (!m_screenshotPath.isEmpty()) {
        QTextStream(stderr) << "veloce: optimizer: " << message << '\n';
        QCoreApplication::exit(2);
    }
}

void OptimizerController::openConfiguration(qint64 config)
{
    if (!m_sweep || config < 0 || config >= m_sweep->plan->size())
        return;
    m_panel->setStatus(
        tr("Backtesting %1 in the dashboard\u2026").arg(m_sweep->plan->grid().describe(config)));
    Q_EMIT backtestRequested(m_sweep->source, m_sweep->plan->config(config));
}

void OptimizerController::exportReport(const QString& givenPath)
{
    if (!m_sweep) {
        m_panel->setStatus(tr("Run a sweep first: there is nothing to export."), true);
        return;
    }
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_window.get(), tr("Export the sweep's HTML report"),
            QDir::home().filePath(QStringLiteral("veloce-sweep.html")), tr("HTML report (*.html)"));
        if (path.isEmpty())
            return;
    }
    // Rendering embeds every heatmap and the ranked table: a thread of its own keeps the window live.
    const std::shared_ptr<const SweepResult> result = m_sweep->result;
    BackgroundWrite::start(
        this, [result, path] { SweepHtmlReport::write(*result, path); },
        [this, path](const QString& error) {
            m_panel->setStatus(
                error.isEmpty() ? tr("Report written to %1").arg(path) : tr("Report failed: %1").arg(error),
                !error.isEmpty());
            Q_EMIT reportWritten(path, error);
        });
}

bool OptimizerController::loadGrid(const QString& givenPath)
{
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(
            m_window.get(), tr("Load a grid"), QString(), tr("Grid (*.json);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    try {
        const nlohmann::ordered_json json = ConfigLoader::readJson(path);
        Grid::fromJson(json, path); // refuses a malformed grid before the form shows it
        m_panel->gridForm()->setGrid(json);
        m_panel->setStatus(tr("Grid loaded from %1").arg(path));
        return true;
    } catch (const ConfigError& e) {
        m_panel->setStatus(QString::fromUtf8(e.what()), true);
        return false;
    }
}

void OptimizerController::saveGrid(const QString& givenPath)
{
    Grid grid;
    if (!readGrid(grid))
        return;
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_window.get(), tr("Save the grid"),
            QDir::home().filePath(QStringLiteral("grid.json")), tr("Grid (*.json)"));
        if (path.isEmpty())
            return;
    }
    try {
        JsonFile::write(path, QByteArray::fromStdString(grid.asWritten().dump(2) + '\n'));
        m_panel->setStatus(tr("Grid saved to %1 (veloce-cli sweep --grid reads it)").arg(path));
    } catch (const std::exception& e) {
        m_panel->setStatus(QString::fromUtf8(e.what()), true);
    }
}

void OptimizerController::launch(const GuiOptions& options)
{
    show();
    m_screenshotPath = options.screenshotPath;
    if (!options.optimizerData.isEmpty())
        m_panel->source()->setFile(options.optimizerData);
    const bool loaded = loadGrid(options.optimizerGrid); // nothing runs on a grid not asked for
    if (loaded && options.walkForward.size() >= 2) {
        m_panel->setWalkForwardSpans(
            options.walkForward.at(0), options.walkForward.at(1), options.walkForward.value(2));
        runWalkForward();
    } else if (loaded) {
        runSweep();
    }
    if (!m_runner->isRunning() && !m_screenshotPath.isEmpty()) {
        QTextStream(stderr) << "veloce: optimizer: " << m_panel->statusText() << '\n';
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(2); });
    }
}

void OptimizerController::afterLaunchRun()
{
    if (m_screenshotPath.isEmpty())
        return;
    // Let the heatmap, the chart's deferred refresh and the repaint land first.
    QTimer::singleShot(1000, this, &OptimizerController::takeScreenshot);
}

void OptimizerController::takeScreenshot()
{
    // The pixels as the display server has them (Xvfb), else the widget tree rendered (offscreen).
    OptimizerWindow* w = m_window.get();
    QPixmap shot;
    if (QScreen* screen = w->screen())
        shot = screen->grabWindow(w->winId());
    if (shot.isNull() || shot.width() < 10)
        shot = w->grab();
    const QString path = m_screenshotPath;
    m_screenshotPath.clear();
    const bool ok = shot.save(path, "PNG");
    nlohmann::ordered_json line { { "event", "optimizer_screenshot" }, { "path", path.toStdString() },
        { "ok", ok }, { "width", shot.width() }, { "height", shot.height() } };
    QTextStream(stdout) << QString::fromStdString(line.dump()) << '\n';
    Q_EMIT screenshotSaved(path, ok);
    m_mainWindow->close(); // a screenshot run ends here
}

} // namespace veloce
