#include "maincontroller.h"

#include "alertscontroller.h"
#include "backgroundwrite.h"
#include "backtestpanel.h"
#include "candlechart.h"
#include "candlechartview.h"
#include "configloader.h"
#include "dashboard.h"
#include "displayformat.h"
#include "eventloopprobe.h"
#include "killswitchbutton.h"
#include "languagechooser.h"
#include "mainwindow.h"
#include "optimizercontroller.h"
#include "replaycontroller.h"
#include "report/htmlreport.h"
#include "report/summaryjson.h"
#include "selectbenchmark.h"
#include "sessioncontroller.h"
#include "sessionhistory.h"
#include "sessionhost.h"
#include "sessionpanel.h"
#include "settingsdialog.h"
#include "tradefocus.h"
#include "types/configjson.h"
#include "uilanguage.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// Secrets never go into QSettings: they come from the environment or a --config file.
nlohmann::json storable(const Config& config)
{
    nlohmann::json j = ConfigJson::toJson(config, false);
    j.erase("influx_password");
    j.erase("freqtrade_password");
    return j;
}
} // namespace

MainController::MainController(GuiOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_window(std::make_unique<MainWindow>())
    , m_backtestPanel(new BacktestPanel)
    , m_sessionPanel(new SessionPanel)
    , m_runner(new BacktestRunner(this))
{
    m_window->addPanel(m_sessionPanel, tr("Paper session"), QStringLiteral("sessionDock"));
    m_window->addPanel(m_backtestPanel, tr("Backtest"), QStringLiteral("backtestDock"));
    m_sessions = new SessionController(m_window.get(), m_sessionPanel, this);
    m_replay = new ReplayController(m_window->replayControls(), m_sessions, m_sessionPanel, this);
    m_alerts = new AlertsController(m_window.get(), m_sessions, this);
    m_history = new SessionHistory(m_window.get(), this);
    m_history->setJournal(
        m_options.journalPath.isEmpty() ? SessionHost::defaultJournalPath() : m_options.journalPath);
    connect(m_window.get(), &MainWindow::sessionsRequested, m_history, &SessionHistory::show);
    connect(m_history, &SessionHistory::loaded, this, &MainController::onSessionLoaded);

    connect(m_backtestPanel, &BacktestPanel::runRequested, this, &MainController::runBacktest);
    connect(m_backtestPanel, &BacktestPanel::cancelRequested, m_runner, &BacktestRunner::cancel);
    connect(m_backtestPanel, &BacktestPanel::settingsRequested, this, &MainController::editSettings);
    connect(m_sessionPanel, &SessionPanel::startRequested, this, &MainController::startSession);
    connect(m_sessionPanel, &SessionPanel::stopRequested, m_sessions, &SessionController::stop);
    connect(m_sessions, &SessionController::journalRefused, this, &MainController::offerNewJournal);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &MainController::editSettings);
    connect(m_window.get(), &MainWindow::fileDropped, this, &MainController::backtestFile);
    connect(m_window.get(), &MainWindow::openFileRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window.get(), tr("Backtest a data file"),
            QString(), tr("Market data (*.csv *.csv.gz *.gz);;All files (*)"));
        if (!path.isEmpty())
            backtestFile(path);
    });
    connect(m_window->dashboard(), &Dashboard::exportRequested, this, [this] { exportReport(); });
    connect(m_window.get(), &MainWindow::closing, this, [this] { saveSettings(); });

    connect(m_runner, &BacktestRunner::started, this, [this] {
        m_backtestPanel->setRunning(true);
        m_backtestPanel->setStatus(tr("Running\u2026"));
    });
    connect(m_runner, &BacktestRunner::progress, this, [this](int, double fraction, qint64 bars, double eta) {
        m_backtestPanel->setProgress(fraction, bars, eta);
    });
    connect(m_runner, &BacktestRunner::finished, this, &MainController::onBacktestFinished);
    connect(m_runner, &BacktestRunner::failed, this, [this](int, const QString& message) {
        m_backtestPanel->setRunning(false);
        m_backtestPanel->setStatus(message, true);
        m_window->statusBar()->showMessage(tr("Backtest failed: %1").arg(message), 15000);
        printStatus({ { "event", "backtest_failed" }, { "message", message.toStdString() } });
    });
    connect(m_runner, &BacktestRunner::cancelled, this, [this] {
        if (!m_runner->isRunning()) {
            m_backtestPanel->setRunning(false);
            m_backtestPanel->setStatus(tr("Cancelled"));
        }
    });

    // The Optimizer (Research menu): its configurations and out-of-sample runs open in the dashboard.
    m_optimizer = new OptimizerController(m_window.get(), this);
    connect(m_optimizer, &OptimizerController::backtestRequested, this,
        [this](const SourceSpec& s, const Config& c) {
            m_report.reset();
            m_window->dashboard()->setNotice(tr("Backtest running\u2026"));
            m_window->showDashboard();
            m_window->raise();
            m_runner->start(s, c);
        });
    connect(m_optimizer, &OptimizerController::resultOpened, this,
        [this](BacktestRunner::ResultPtr result, BacktestRunner::ReportPtr report) {
            m_report = std::move(report);
            m_window->dashboard()->setResult(std::move(result));
            m_window->showDashboard();
            m_window->raise();
        });
}

MainController::~MainController()
{
    delete m_sessions; // stops the session before the window it draws into goes away
    m_sessions = nullptr;
}

bool MainController::start()
{
    if (!m_options.error.isEmpty()) {
        QTextStream(stderr) << "veloce: " << m_options.error << '\n';
        return false;
    }
    try {
        loadSettings();
    } catch (const ConfigError& e) {
        QTextStream(stderr) << "veloce: " << QString::fromUtf8(e.what()) << '\n';
        return false;
    }
    m_window->show();
    installTestHooks();
    if (!m_options.binanceMarkets.isEmpty())
        m_sessionPanel->setBinanceMarkets(m_options.binanceMarkets);
    if (m_options.benchmarkSelectBars > 0) {
        SourceSpec spec;
        spec.kind = SourceSpec::Kind::Simulator;
        spec.simulateBars = m_options.benchmarkSelectBars;
        spec.seed = m_config.simulatorSeed;
        m_runner->start(spec, m_config);
    } else if (!m_options.backtestFile.isEmpty()) {
        backtestFile(m_options.backtestFile);
    } else if (m_options.session) {
        startSession();
    }
    if (m_options.showSessions)
        m_history->show();
    if (m_options.openSessionId > 0)
        m_history->load(m_options.openSessionId);
    if (!m_options.optimizerGrid.isEmpty())
        m_optimizer->launch(m_options);
    return true;
}

void MainController::loadSettings()
{
    QSettings settings;
    if (!m_options.configPath.isEmpty()) {
        m_config = ConfigLoader::load(m_options.configPath); // throws ConfigError
    } else {
        m_config = ConfigLoader::defaults();
        const QByteArray stored = settings.value(QStringLiteral("config/json")).toByteArray();
        if (!stored.isEmpty()) {
            // The last used settings; an entry an older/newer version rejects is dropped, not fatal.
            try {
                Config c = ConfigJson::parse(stored, tr("saved settings"));
                c.influxPassword = m_config.influxPassword;
                c.freqtradePassword = m_config.freqtradePassword;
                m_config = c;
            } catch (const std::exception& e) {
                m_window->statusBar()->showMessage(
                    tr("Saved settings ignored: %1").arg(QString::fromUtf8(e.what())), 15000);
            }
        }
    }
    if (m_options.seed >= 0)
        m_config.simulatorSeed = quint64(m_options.seed);
    // The built-in demo runs at one simulated minute per second so that a first launch shows
    // squeezes, signals and trades within seconds; --speed, a --config file's simulator_speed or
    // the last speed used in the panel take precedence.
    double speed = kDemoSpeed;
    if (!m_options.configPath.isEmpty())
        speed = m_config.simulatorSpeed;
    speed = settings.value(QStringLiteral("session/speed"), speed).toDouble();
    if (m_options.speed >= 0)
        speed = m_options.speed;
    m_sessionPanel->setSpeed(speed);
    const QString lastFile = settings.value(QStringLiteral("backtest/file")).toString();
    if (!lastFile.isEmpty())
        m_backtestPanel->setFile(lastFile);
    m_window->restoreLayout(settings);
    setConfig(m_config);
}

void MainController::saveSettings() const
{
    QSettings settings;
    if (m_options.configPath.isEmpty())
        settings.setValue(
            QStringLiteral("config/json"), QByteArray::fromStdString(storable(m_config).dump()));
    settings.setValue(QStringLiteral("session/speed"), m_sessionPanel->speed());
    m_window->saveLayout(settings);
}

void MainController::setConfig(const Config& config)
{
    m_config = config;
    m_optimizer->setConfig(config);
    m_backtestPanel->setConfigSummary(
        tr("Config %1 \u00b7 min entry score %2 \u00b7 capital %3")
            .arg(ConfigJson::hash(config), DisplayFormat::number(config.minEntryScore, 1),
                DisplayFormat::money(config.initialCapital)));
}

void MainController::editSettings()
{
    SettingsDialog dialog(m_config, m_window.get());
    LanguageChooser* language = dialog.languageChooser();
    language->setLanguages(UiLanguage::choices(), UiLanguage::stored());
    if (dialog.exec() == QDialog::Accepted) {
        setConfig(dialog.config());
        saveSettings();
        if (language->changed())
            UiLanguage::store(language->language());
        m_window->statusBar()->showMessage(language->changed()
                ? tr("Settings saved; they apply to the next backtest and session, the language at the "
                     "next start.")
                : tr("Settings saved; they apply to the next backtest and session."),
            8000);
    }
}

void MainController::runBacktest()
{
    SourceSpec spec;
    try {
        spec = m_backtestPanel->sourceSpec(m_config);
    } catch (const std::exception& e) {
        m_backtestPanel->setStatus(QString::fromUtf8(e.what()), true);
        return;
    }
    if (spec.kind == SourceSpec::Kind::File) {
        QSettings().setValue(QStringLiteral("backtest/file"), spec.path);
    }
    m_report.reset();
    m_window->dashboard()->setNotice(tr("Backtest running\u2026"));
    m_runner->start(spec, m_config);
}

void MainController::backtestFile(const QString& path)
{
    m_backtestPanel->setFile(path);
    runBacktest();
}

void MainController::onBacktestFinished(
    int, BacktestRunner::ResultPtr result, BacktestRunner::ReportPtr report)
{
    m_backtestPanel->setRunning(false);
    const BacktestSummary& s = result->summary;
    m_backtestPanel->setStatus(tr("Done: %1 bars, %2 trades, return %3")
                                   .arg(DisplayFormat::count(s.bars), DisplayFormat::count(s.totalTrades),
                                       DisplayFormat::percent(s.totalReturn, 2, true)));
    m_report = std::move(report);
    m_window->dashboard()->setResult(result);
    m_window->showDashboard();
    printStatus({ { "event", "backtest" }, { "summary", SummaryJson::toJson(s) } });
    if (m_options.benchmarkSelectBars > 0) {
        // Once the dashboard has its final size and the first paint is done.
        QTimer::singleShot(500, this, [this] {
            QTextStream out(stdout);
            out << QString::fromStdString(SelectBenchmark::run(*m_window->dashboard(), 300).dump()) << '\n';
            out.flush();
            m_window->close();
        });
        return;
    }
    if (m_options.selectTradeRow >= 0)
        m_window->dashboard()->tradeFocus()->selectRow(m_options.selectTradeRow);
    if (!m_options.exportReportPath.isEmpty())
        exportReport(m_options.exportReportPath);
    if (!m_options.screenshotPath.isEmpty() && !m_options.session && !m_screenshotTaken) {
        m_screenshotTaken = true;
        QTimer::singleShot(800, this, [this] { takeScreenshot(m_options.screenshotPath); });
    }
}

void MainController::onSessionLoaded(
    BacktestRunner::ResultPtr result, BacktestRunner::ReportPtr report, bool thenExport)
{
    m_report = std::move(report);
    m_window->dashboard()->setResult(result);
    m_window->showDashboard();
    nlohmann::ordered_json j;
    j["event"] = "session_loaded";
    j["id"] = result->journalSessionId;
    j["trades"] = result->trades.size();
    printStatus(j);
    if (thenExport)
        exportReport();
}

void MainController::startSession()
{
    const QString journal = m_options.journalPath;
    m_sessions->startFromPanel(m_config, journal);
}

void MainController::offerNewJournal(const QString& path, const QString& message)
{
    printStatus({ { "event", "journal_refused" }, { "path", path.toStdString() },
        { "message", message.toStdString() } });
    // Not modal-blocking: the window (and its kill switch) stays live while the question is open.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Journal refused"),
        tr("The session's journal cannot be used:\n\n%1\n\nThe file was left unchanged. Start a new journal "
           "beside it? (The account, positions and halt state of the old journal are not carried over.)")
            .arg(message),
        QMessageBox::NoButton, m_window.get());
    box->setObjectName(QStringLiteral("journalRefusedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* fresh = box->addButton(tr("Start a new journal"), QMessageBox::AcceptRole);
    fresh->setObjectName(QStringLiteral("startNewJournal"));
    box->addButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, fresh, path](QAbstractButton* clicked) {
        if (clicked != fresh)
            return;
        m_options.journalPath = freshJournalPath(path);
        printStatus({ { "event", "new_journal" }, { "path", m_options.journalPath.toStdString() } });
        startSession();
    });
    box->open();
}

QString MainController::freshJournalPath(const QString& refused)
{
    const QFileInfo fi(refused.isEmpty() ? SessionHost::defaultJournalPath() : refused);
    const QString stem = QStringLiteral("%1-%2").arg(
        fi.completeBaseName(), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString candidate = fi.dir().filePath(stem + QStringLiteral(".sqlite"));
    for (int i = 2; QFileInfo::exists(candidate); ++i)
        candidate = fi.dir().filePath(QStringLiteral("%1-%2.sqlite").arg(stem).arg(i));
    return candidate;
}

void MainController::exportReport(const QString& givenPath)
{
    if (!m_report) {
        m_window->statusBar()->showMessage(tr("Run a backtest first: there is nothing to export."), 8000);
        return;
    }
    QString path = givenPath;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_window.get(), tr("Export HTML report"),
            QDir::home().filePath(QStringLiteral("veloce-report.html")), tr("HTML report (*.html)"));
        if (path.isEmpty())
            return;
    }
    // Rendering embeds the charting library and all series: a worker thread keeps the window live.
    BacktestRunner::ReportPtr report = m_report;
    BackgroundWrite::start(
        this, [report, path] { HtmlReport::write(*report, path); },
        [this, path](const QString& error) {
            m_window->statusBar()->showMessage(
                error.isEmpty() ? tr("Report written to %1").arg(path) : tr("Report failed: %1").arg(error),
                15000);
            printStatus(
                { { "event", "report" }, { "path", path.toStdString() }, { "error", error.toStdString() } });
            Q_EMIT reportWritten(path, error);
        });
}

void MainController::printStatus(const nlohmann::ordered_json& line) const
{
    if (!m_options.statusJson)
        return;
    QTextStream out(stdout);
    out << QString::fromStdString(line.dump()) << '\n';
    out.flush();
}

void MainController::takeScreenshot(const QString& path)
{
    // The pixels as the display server has them (Xvfb in the window test), falling back to
    // rendering the widget tree where the platform cannot grab (offscreen).
    MainWindow* w = m_window.get();
    QPixmap shot;
    if (QScreen* screen = w->screen())
        shot = screen->grabWindow(w->winId());
    if (shot.isNull() || shot.width() < 10)
        shot = w->grab();
    const bool ok = shot.save(path, "PNG");
    const qint64 engineBars = m_sessions->lastSnapshot() ? m_sessions->lastSnapshot()->barCount : 0;
    printStatus({ { "event", "screenshot" }, { "path", path.toStdString() }, { "ok", ok },
        { "width", shot.width() }, { "height", shot.height() }, { "bars", engineBars },
        { "candles", w->liveChart()->view()->candleObjectCount() },
        { "trades", m_sessions->lastSnapshot() ? m_sessions->lastSnapshot()->tradeCount : 0 } });
}

void MainController::installTestHooks()
{
    if (!m_options.screenshotPath.isEmpty() && m_options.session) {
        connect(m_sessions, &SessionController::snapshotShown, this, [this](const SessionSnapshotPtr& s) {
            if (m_screenshotTaken || s->barCount < m_options.screenshotAfterBars)
                return;
            m_screenshotTaken = true;
            // Give the chart's coalesced refresh and the repaint a moment to land.
            QTimer::singleShot(400, this, [this] { takeScreenshot(m_options.screenshotPath); });
        });
    }
    connect(m_sessions, &SessionController::snapshotShown, this, [this](const SessionSnapshotPtr& s) {
        if (!m_firstBarReported && s->barCount > 0) {
            m_firstBarReported = true;
            printStatus({ { "event", "first_bar" }, { "t", s->lastBarMs } });
        }
        if (!m_firstPositionReported && !s->positions.empty()) {
            m_firstPositionReported = true;
            printStatus({ { "event", "first_position" }, { "t", s->lastBarMs }, { "bars", s->barCount } });
        }
    });
    connect(m_sessions, &SessionController::tradingStateChanged, this, [this](bool halted) {
        const KillSwitchButton* k = m_window->killSwitch();
        const char* button = k->state() == KillSwitchButton::State::Halted ? "halted"
            : k->state() == KillSwitchButton::State::Pending               ? "pending"
                                                                           : "armed";
        printStatus({ { "event", "trading" }, { "state", halted ? "halted" : "active" }, { "button", button },
            { "status", k->statusText().toStdString() } });
    });
    connect(m_sessions, &SessionController::killed, this, [this](const KillReport& r) {
        printStatus({ { "event", "killed" }, { "report", r.toJson() } });
    });
    if (m_options.exitAfterS > 0)
        QTimer::singleShot(int(m_options.exitAfterS * 1000), m_window.get(), &QWidget::close);
    if (m_options.benchmarkS > 0) {
        m_probe = new EventLoopProbe(this);
        // Measure once the session is warm (window shown, first bars drawn).
        QTimer::singleShot(2000, this, [this] {
            m_probe->start();
            const SessionSnapshotPtr s = m_sessions->lastSnapshot();
            m_benchStartBars = s ? s->barCount : 0;
            m_benchStartShown = m_sessions->barsShown();
            m_benchStartLost = m_sessions->barsLost();
            m_benchStartNs = QDateTime::currentMSecsSinceEpoch();
            m_benchStartRedraws = m_sessions->redraws();
            QTimer::singleShot(int(m_options.benchmarkS * 1000), this, &MainController::finishBenchmark);
        });
    }
}

void MainController::finishBenchmark()
{
    m_probe->stop();
    const SessionSnapshotPtr s = m_sessions->lastSnapshot();
    const double seconds = double(QDateTime::currentMSecsSinceEpoch() - m_benchStartNs) / 1000.0;
    const qint64 engineBars = (s ? s->barCount : 0) - m_benchStartBars;
    const qint64 shownBars = m_sessions->barsShown() - m_benchStartShown;
    nlohmann::ordered_json j;
    j["event"] = "benchmark";
    j["seconds"] = seconds;
    j["speed"] = m_sessionPanel->speed();
    j["gui_latency_ms_p50"] = m_probe->quantile(0.5);
    j["gui_latency_ms_p99"] = m_probe->quantile(0.99);
    j["gui_latency_ms_max"] = m_probe->maxMs();
    j["latency_samples"] = m_probe->samples();
    j["engine_bars"] = engineBars;
    j["engine_bars_per_second"] = double(engineBars) / seconds;
    j["gui_bars_shown"] = shownBars;
    // Lost: bars the chart will never get (a gap in the delivery). Not yet drawn: bars of the
    // last snapshot's count still on their way (the next snapshot carries them).
    j["bars_lost_between_engine_and_gui"] = m_sessions->barsLost() - m_benchStartLost;
    j["bars_not_yet_drawn"] = (s ? s->barCount : 0) - m_sessions->lastBarSeq();
    j["redraws_per_second"] = double(m_sessions->redraws() - m_benchStartRedraws) / seconds;
    j["candle_objects"] = m_window->liveChart()->view()->candleObjectCount();
    QTextStream out(stdout);
    out << QString::fromStdString(j.dump()) << '\n';
    out.flush();
    m_window->close();
}

} // namespace veloce
