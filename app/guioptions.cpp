#include "guioptions.h"

#include "clicommand.h"
#include "cliparser.h"
#include "durationargument.h"
#include "uilanguage.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace veloce {

GuiOptions GuiOptions::parse(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Veloce trading workstation. Without arguments it opens a paper session on the "
           "built-in market simulator."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption config(
        QStringLiteral("config"), tr("JSON config file (as for veloce-cli)."), QStringLiteral("file"));
    const QCommandLineOption journal(
        QStringLiteral("journal"), tr("SQLite journal of the paper session."), QStringLiteral("file"));
    const QCommandLineOption speed(
        QStringLiteral("speed"), tr("Simulator speed, multiples of real time."), QStringLiteral("x"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Simulator seed."), QStringLiteral("n"));
    const QCommandLineOption noSession(
        QStringLiteral("no-session"), tr("Do not start a paper session at launch."));
    const QCommandLineOption backtest(
        QStringLiteral("backtest"), tr("Backtest this data file at launch."), QStringLiteral("file"));
    const QCommandLineOption binance(QStringLiteral("binance"),
        tr("Start the paper session on Binance's live trades of these markets (e.g. btcusdt)."),
        QStringLiteral("markets"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), tr("Save a PNG of the window (tests)."), QStringLiteral("png"));
    const QCommandLineOption after(QStringLiteral("screenshot-after-bars"),
        tr("Bars to wait for before --screenshot."), QStringLiteral("n"));
    const QCommandLineOption status(
        QStringLiteral("status-json"), tr("Print state changes as JSON lines (tests)."));
    const QCommandLineOption exitAfter(
        QStringLiteral("exit-after"), tr("Quit after this many seconds."), QStringLiteral("s"));
    const QCommandLineOption bench(QStringLiteral("benchmark"),
        tr("Measure GUI event-loop latency for this many seconds, print JSON, quit."), QStringLiteral("s"));
    const QCommandLineOption exportReport(QStringLiteral("export-report"),
        tr("After --backtest, write the HTML report here."), QStringLiteral("html"));
    const QCommandLineOption selectTrade(QStringLiteral("select-trade"),
        tr("After --backtest, select this row of the trades table (0 = first)."), QStringLiteral("row"));
    const QCommandLineOption sessions(
        QStringLiteral("sessions"), tr("Open File \u2192 Sessions (the journal's past sessions) at launch."));
    const QCommandLineOption openSession(QStringLiteral("open-session"),
        tr("Show this past session of the journal in the dashboard at launch."), QStringLiteral("id"));
    const QCommandLineOption benchSelect(QStringLiteral("benchmark-select"),
        tr("Backtest this many simulated bars, then time selecting trades (zoom and redraw), print JSON, "
           "quit."),
        QStringLiteral("bars"));
    const QCommandLineOption optimizer(QStringLiteral("optimizer"),
        tr("Open the Optimizer with this grid (as for veloce-cli sweep --grid) and run it; with "
           "--screenshot, save the Optimizer window when the run is shown, then quit."),
        QStringLiteral("grid"));
    const QCommandLineOption optimizerData(QStringLiteral("optimizer-data"),
        tr("Data file of the --optimizer run (default: the simulator)."), QStringLiteral("file"));
    const QCommandLineOption walkForward(QStringLiteral("walkforward"),
        tr("With --optimizer: a walk-forward analysis instead of a sweep, e.g. 30d,7d or 30d,7d,14d."),
        QStringLiteral("train,test[,step]"));
    const QCommandLineOption lang(QStringLiteral("lang"),
        tr("Language of the window: %1 (default: as chosen in Settings, else the system language).")
            .arg(UiLanguage::available().join(QStringLiteral(", "))),
        QStringLiteral("code"));
    p.addOptions({ config, journal, speed, seed, noSession, backtest, binance, screenshot, after, status,
        exitAfter, bench, exportReport, selectTrade, sessions, openSession, benchSelect, optimizer,
        optimizerData, walkForward, lang });
    GuiOptions o;
    if (!p.parse(arguments)) {
        o.error = p.errorText();
        return o;
    }
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    const auto number = [&](const QCommandLineOption& opt, double lo, double hi, double& out) {
        try {
            out = CliParser::parseNumber(
                QStringLiteral("--") + opt.names().constFirst(), p.value(opt), lo, hi);
        } catch (const UsageError& e) {
            o.error = QString::fromStdString(e.what());
        }
    };
    o.configPath = p.value(config);
    o.journalPath = p.value(journal);
    if (p.isSet(speed))
        number(speed, 0, 100000, o.speed);
    if (p.isSet(seed)) {
        double s = 0;
        number(seed, 0, 9e15, s);
        o.seed = qint64(s);
    }
    o.session = !p.isSet(noSession);
    o.backtestFile = p.value(backtest);
    o.binanceMarkets = p.value(binance);
    o.screenshotPath = p.value(screenshot);
    if (p.isSet(after)) {
        double n = 0;
        number(after, 1, 1e9, n);
        o.screenshotAfterBars = int(n);
    }
    o.statusJson = p.isSet(status);
    if (p.isSet(exitAfter))
        number(exitAfter, 0.1, 1e7, o.exitAfterS);
    if (p.isSet(bench))
        number(bench, 1, 3600, o.benchmarkS);
    o.exportReportPath = p.value(exportReport);
    if (p.isSet(selectTrade)) {
        double row = 0;
        number(selectTrade, 0, 1e9, row);
        o.selectTradeRow = int(row);
    }
    o.showSessions = p.isSet(sessions);
    if (p.isSet(openSession)) {
        double id = 0;
        number(openSession, 1, 9e15, id);
        o.openSessionId = qint64(id);
    }
    if (p.isSet(benchSelect)) {
        double bars = 0;
        number(benchSelect, 1000, 1e9, bars);
        o.benchmarkSelectBars = qint64(bars);
        o.session = false;
    }
    o.optimizerGrid = p.value(optimizer);
    o.optimizerData = p.value(optimizerData);
    if (p.isSet(walkForward)) {
        o.walkForward = p.value(walkForward).split(QLatin1Char(','));
        try {
            if (o.walkForward.size() < 2 || o.walkForward.size() > 3)
                throw UsageError(tr("--walkforward: expected TRAIN,TEST or TRAIN,TEST,STEP, e.g. 30d,7d"));
            for (const QString& span : std::as_const(o.walkForward))
                DurationArgument::parse(span, QStringLiteral("--walkforward"));
        } catch (const UsageError& e) {
            o.error = QString::fromStdString(e.what());
        }
    }
    if ((!o.optimizerData.isEmpty() || p.isSet(walkForward)) && o.optimizerGrid.isEmpty())
        o.error = tr("--optimizer-data and --walkforward need --optimizer GRID.json");
    if (p.isSet(lang)) {
        o.language = UiLanguage::normalize(p.value(lang));
        if (o.language.isEmpty())
            o.error = tr("--lang: unknown language \"%1\" (available: %2)")
                          .arg(p.value(lang), UiLanguage::available().join(QStringLiteral(", ")));
    }
    if (!p.positionalArguments().isEmpty())
        o.error = tr("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst());
    return o;
}

QString GuiOptions::languageArgument(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            return UiLanguage::normalize(arguments.at(i + 1));
        if (a.startsWith(QLatin1String("--lang=")))
            return UiLanguage::normalize(a.mid(7));
    }
    return {};
}

} // namespace veloce
